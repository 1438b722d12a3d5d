// @vitest-environment happy-dom
// The background's side of the composer protocol: it answers checks with the
// layered settings, says what happens to a post that could not be checked,
// limits checks per page load, warms the engine, and opens policy sections itself.
import { describe, expect, it, vi } from 'vitest';
import { CHECKS_PER_PAGE, createChecker, pageKey, type CheckerDeps } from '@/entrypoints/background/checker';
import type { EngineHost } from '@/entrypoints/background/engine-host';
import { createRateLimit } from '@/entrypoints/background/rate-limit';
import type { EngineOutcome } from '@/utils/engine-worker/protocol';
import { hashRoster } from '@/lib/names/roster-hash';
import { isSiteDisabled, layerSettings, supportContactFrom } from '@/settings/layers';
import { BUILT_IN_SITES } from '@/utils/sites';
import type { Finding } from '@/lib/types';
import { createCheckClient } from '@/utils/composer/check-client';
import { CY_MESSAGES, EN_MESSAGES } from '../support/i18n';
import type { Catalogue, Locale } from '@/lib/i18n/translate';

const finding: Finding = {
  category: 'pupil-name',
  ruleId: 'names/pupil',
  severity: 'warning',
  start: 0,
  end: 12,
  match: 'Tamsin Okoro',
  message: 'This names a pupil (Tamsin Okoro).',
  policySections: ['objective-1'],
};

const roster = hashRoster(['Tamsin Okoro']);

const swearing: Finding = { ...finding, category: 'profanity', ruleId: 'profanity/word', start: 13, end: 18, match: 'bloody', policySections: [] };
const threat: Finding = { ...finding, category: 'threat', ruleId: 'threat/x', start: 19, end: 25, match: 'hurt u', policySections: ['strategy-4'] };

/** A stand-in for the workers: runs `check` at once, as a worker would answer. */
function fakeEngine(check: (text: string, role: string) => Finding[] | EngineOutcome | Promise<EngineOutcome>) {
  const engine = {
    configure: vi.fn(),
    check: vi.fn(async (text: string, role: string): Promise<EngineOutcome> => {
      try {
        const result = await check(text, role);
        return Array.isArray(result) ? { findings: result } : result;
      } catch (error) {
        return { unchecked: 'failed', detail: (error as Error).message };
      }
    }),
    warm: vi.fn(async () => true),
    answerWithinMs: () => 5_000,
  } satisfies EngineHost;
  return engine;
}

// What every reply says about a post that could not be checked (answerWithinMs: the engine's 5 s + 1 s).
const goesAhead = { choice: 'post', answerWithinMs: 6_000 };

function deps(
  overrides: Partial<CheckerDeps> & { check?: Parameters<typeof fakeEngine>[0] } = {},
  managed: Record<string, unknown> = { hashedRoster: roster, role: 'staff' },
  local: Record<string, unknown> = {},
) {
  const { check = (text: string) => (text.includes('Tamsin') ? [finding] : []), ...rest } = overrides;
  const engine = fakeEngine(check);
  return {
    loadSettings: vi.fn(async () => layerSettings(managed, local)),
    engine,
    check: engine.check,
    getURL: (path: string) => `chrome-extension://id${path}`,
    openTab: vi.fn(async () => undefined),
    ...rest,
  };
}

const tab = (id: number) => ({ tab: { id } });

describe('the background checker', () => {
  it('checks with the settings and the role, and says the role back', async () => {
    const fake = deps();
    const reply = await createChecker(fake).handle({ type: 'check', text: 'Tamsin Okoro was great', host: 'x.com' });
    expect(reply).toEqual({ findings: [finding], role: 'staff', nudgeSettings: { modes: { 'pupil-name': 'nudge' } }, whenUnchecked: goesAhead });
    expect(fake.engine.configure).toHaveBeenCalledWith(expect.objectContaining({ hashedRoster: roster, pupilNames: [], role: 'staff' }), 2_000);
    expect(fake.check).toHaveBeenCalledWith('Tamsin Okoro was great', 'staff');
  });

  it('gives the engine the settings once, and again only after they change', async () => {
    const fake = deps();
    const checker = createChecker(fake);
    await checker.handle({ type: 'check', text: 'a', host: 'x.com' });
    await checker.handle({ type: 'check', text: 'b', host: 'x.com' });
    expect(fake.engine.configure).toHaveBeenCalledTimes(1);
    checker.invalidate();
    await checker.handle({ type: 'check', text: 'c', host: 'x.com' });
    expect(fake.engine.configure).toHaveBeenCalledTimes(2);
  });

  it('counts each nudge by category, and nothing for a kind post', async () => {
    const recordNudge = vi.fn();
    const checker = createChecker(deps({ recordNudge }));
    await checker.handle({ type: 'check', text: 'Lovely match', host: 'x.com' });
    expect(recordNudge).not.toHaveBeenCalled();
    await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' });
    expect(recordNudge).toHaveBeenCalledWith(['pupil-name']);
  });

  it('says a post could not be checked when the engine fails; by default it goes ahead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const checker = createChecker(deps({ check: () => { throw new Error('boom'); } }));
    expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' })).toEqual({ unchecked: 'failed', detail: 'boom', choice: 'post', whenUnchecked: goesAhead });
    warn.mockRestore();
  });

  it('passes on a check abandoned past its time budget with the school’s choice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const abandoned: EngineOutcome = { unchecked: 'timed-out', detail: 'the check took longer than 2000 ms and was abandoned' };
    const strict = { role: 'pupil', categories: { threat: { pupil: 'block' } } };
    expect(await createChecker(deps({ check: () => abandoned }, strict)).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ ...abandoned, choice: 'ask' });
    expect(await createChecker(deps({ check: () => abandoned }, { failClosed: true })).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ ...abandoned, choice: 'hold' });
    expect(await createChecker(deps({ check: () => abandoned }, {})).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ ...abandoned, choice: 'post' });
    warn.mockRestore();
  });

  it('says a very long post only partly read by the rules could not be checked, where the school asked for checks; by default it goes ahead', async () => {
    const partly: EngineOutcome = { findings: [], complete: false };
    const strict = { role: 'pupil', categories: { threat: { pupil: 'block' } } };
    expect(await createChecker(deps({ check: () => partly }, strict)).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ unchecked: 'incomplete', choice: 'ask' });
    expect(await createChecker(deps({ check: () => partly }, { failClosed: true })).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ unchecked: 'incomplete', choice: 'hold' });
    expect(await createChecker(deps({ check: () => partly }, {})).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ findings: [] });
    // Something found is shown, whatever was left unread.
    expect(await createChecker(deps({ check: () => ({ findings: [threat], complete: false }) }, strict)).handle({ type: 'check', text: 'x', host: 'x.com' })).toMatchObject({ findings: [threat] });
  });

  it('answers by its own deadline even if the engine never does', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const checker = createChecker(deps({ check: () => new Promise<EngineOutcome>(() => {}) }, { failClosed: true }));
    const reply = checker.handle({ type: 'check', text: 'x', host: 'x.com' });
    await vi.advanceTimersByTimeAsync(6_001);
    await expect(reply).resolves.toMatchObject({ unchecked: 'timed-out', choice: 'hold' });
    warn.mockRestore();
    vi.useRealTimers();
  });

  it('runs at most CHECKS_PER_PAGE checks per page load in its window, holds back the rest, and leaves other pages alone', async () => {
    let now = 0;
    const fake = deps({ rateLimit: createRateLimit(CHECKS_PER_PAGE.max, CHECKS_PER_PAGE.windowMs, () => now) });
    const checker = createChecker(fake);
    const firstLoad = { tab: { id: 1 }, frameId: 0, documentId: 'load-1', url: 'https://x.com/home' };
    for (let i = 0; i < CHECKS_PER_PAGE.max; i++) {
      expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' }, firstLoad)).toMatchObject({ findings: [] });
    }
    const limited = await checker.handle({ type: 'check', text: 'hello', host: 'x.com' }, firstLoad);
    // Held back whatever the school's choice, so hammering Post can never get a post through unchecked.
    expect(limited).toMatchObject({ unchecked: 'too-many-checks', choice: 'hold' });
    expect(fake.check).toHaveBeenCalledTimes(CHECKS_PER_PAGE.max);
    // Another tab, and the next page opened in the same tab, start afresh.
    expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' }, tab(2))).toMatchObject({ findings: [] });
    expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' }, { ...firstLoad, documentId: 'load-2' })).toMatchObject({ findings: [] });
    now += CHECKS_PER_PAGE.windowMs;
    expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' }, firstLoad)).toMatchObject({ findings: [] });
  });

  it('counts checks by page load, or by frame and address where the browser gives no load id (Firefox)', () => {
    expect(pageKey({ tab: { id: 3 }, documentId: 'abc', frameId: 0, url: 'https://x.com/' })).toBe('3:abc');
    expect(pageKey({ tab: { id: 3 }, frameId: 2, url: 'https://x.com/' })).toBe('3:2:https://x.com/');
    expect(pageKey(undefined)).toBe('no-tab:0:');
  });

  it('reads settings once, and again after they change', async () => {
    const fake = deps();
    const checker = createChecker(fake);
    await checker.handle({ type: 'check', text: 'a', host: 'x.com' });
    await checker.handle({ type: 'check', text: 'b', host: 'x.com' });
    expect(fake.loadSettings).toHaveBeenCalledTimes(1);
    checker.invalidate();
    await checker.handle({ type: 'check', text: 'c', host: 'x.com' });
    expect(fake.loadSettings).toHaveBeenCalledTimes(2);
  });

  it('warms the engine when a composer gains focus, and says what happens to a post it cannot check', async () => {
    const fake = deps({}, { role: 'pupil', categories: { bullying: { pupil: 'reason' } } });
    const checker = createChecker(fake);
    expect(await checker.handle({ type: 'warm-up' })).toEqual({ ready: true, whenUnchecked: { choice: 'ask', answerWithinMs: 6_000 } });
    expect(fake.engine.warm).toHaveBeenCalledTimes(1);
    expect(fake.check).not.toHaveBeenCalled();
  });

  it('opens a policy section in a tab, and refuses anything that is not a section id', async () => {
    const fake = deps();
    const checker = createChecker(fake);
    await checker.handle({ type: 'open-policy', section: 'objective-6' });
    expect(fake.openTab).toHaveBeenCalledWith('chrome-extension://id/policy.html#objective-6');
    expect(checker.handle({ type: 'open-policy', section: '"><script>' })).toBeUndefined();
  });

  it('counts "this warning is wrong" by category only, and refuses anything else', async () => {
    const recordSaidWrong = vi.fn();
    const checker = createChecker(deps({ recordSaidWrong }));
    await checker.handle({ type: 'said-wrong', categories: ['bullying', 'bullying', 'pupil-name'] });
    expect(recordSaidWrong).toHaveBeenCalledWith(['bullying', 'pupil-name']);
    expect(checker.handle({ type: 'said-wrong', categories: ['bullying'], text: 'ignored' })).toBeDefined();
    expect(recordSaidWrong.mock.calls[1]).toEqual([['bullying']]);
    expect(checker.handle({ type: 'said-wrong', categories: ['not-a-category'] })).toBeUndefined();
    expect(checker.handle({ type: 'said-wrong', categories: 'bullying' })).toBeUndefined();
    expect(checker.handle({ type: 'said-wrong', categories: Array(20).fill('bullying') })).toBeUndefined();
    expect(recordSaidWrong).toHaveBeenCalledTimes(2);
  });

  it('opens the pupils’ help page in a tab', async () => {
    const fake = deps();
    await createChecker(fake).handle({ type: 'open-help' });
    expect(fake.openTab).toHaveBeenCalledWith('chrome-extension://id/help.html');
  });

  describe('in the school’s language', () => {
    const catalogues: Record<Locale, Catalogue> = { en_GB: EN_MESSAGES, cy: CY_MESSAGES };
    const loadCatalogue = vi.fn(async (locale: Locale) => catalogues[locale]);
    const named: Finding = { ...finding, ruleId: 'names/pupil-full', message: 'This names a pupil (Tamsin Okoro). English.', suggestion: 'English.' };

    it('says the findings in Welsh when the school chose Welsh, and sends the nudge its Welsh words', async () => {
      const checker = createChecker(deps({ check: () => [named], loadCatalogue }, { hashedRoster: roster, role: 'pupil', language: 'cy' }));
      const reply = (await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' })) as { findings: Finding[]; words: { locale: string; messages: Catalogue } };
      expect(reply.findings[0].message).toBe('Mae hwn yn enwi disgybl (Tamsin Okoro). Mae hynny’n iawn os yw’n garedig a’u bod nhw’n hapus i gael eu henwi.');
      expect(reply.words.locale).toBe('cy');
      expect(reply.words.messages.nudge_edit.message).toBe('Golygu’r postiad');
      expect(reply.words.messages.section_objective_1.message).toMatch(/^Amcan 1/);
      // Only the nudge's own words travel, not the whole catalogue.
      expect(Object.keys(reply.words.messages).every((key) => /^(nudge_|section_objective_|section_strategy_)/.test(key))).toBe(true);
    });

    it('follows the browser when the school left it to the browser, and sends nothing extra with a kind post', async () => {
      const checker = createChecker(deps({ loadCatalogue, browserLanguages: () => ['cy'] }, { hashedRoster: roster, role: 'staff' }));
      const warm = (await checker.handle({ type: 'warm-up' })) as { words: { locale: string } };
      expect(warm.words.locale).toBe('cy');
      expect(await checker.handle({ type: 'check', text: 'Lovely match', host: 'x.com' })).toEqual({ findings: [], role: 'staff', whenUnchecked: goesAhead });
    });

    it('still answers, in the engine’s English, when a catalogue cannot be read', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const failing = vi.fn(async () => Promise.reject(new Error('no such file')));
      const checker = createChecker(deps({ check: () => [named], loadCatalogue: failing }, { hashedRoster: roster, language: 'cy' }));
      const reply = (await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' })) as { findings: Finding[]; words?: unknown };
      expect(reply.findings[0].message).toBe(named.message);
      expect(reply.words).toBeUndefined();
      warn.mockRestore();
    });
  });

  it('ignores messages that are not its own', () => {
    const checker = createChecker(deps());
    expect(checker.handle({ type: 'something-else' })).toBeUndefined();
    expect(checker.handle('check')).toBeUndefined();
    expect(checker.handle({ type: 'check', text: 42, host: 'x.com' })).toBeUndefined();
  });

  describe('with the school’s settings', () => {
    const all = () => [finding, swearing, threat];

    it('drops findings whose category the school turned off for this role, and says the mode of the rest', async () => {
      const recordNudge = vi.fn();
      const managed = { role: 'pupil', categories: { profanity: { pupil: 'off' }, threat: { pupil: 'block', staff: 'off' }, 'pupil-name': { pupil: 'reason' } } };
      const reply = await createChecker(deps({ check: all, recordNudge }, managed)).handle({ type: 'check', text: 'x', host: 'x.com' });
      expect(reply).toEqual({ findings: [finding, threat], role: 'pupil', nudgeSettings: { modes: { 'pupil-name': 'reason', threat: 'block' } }, whenUnchecked: { choice: 'ask', answerWithinMs: 6_000 } });
      expect(recordNudge).toHaveBeenCalledWith(['pupil-name', 'threat']);
    });

    it('lets a post go at once when every finding is in a category turned off', async () => {
      const recordNudge = vi.fn();
      const managed = { role: 'staff', categories: { profanity: { staff: 'off' } } };
      const checker = createChecker(deps({ check: () => [swearing], recordNudge }, managed));
      expect(await checker.handle({ type: 'check', text: 'bloody', host: 'x.com' })).toEqual({ findings: [], role: 'staff', whenUnchecked: goesAhead });
      expect(recordNudge).not.toHaveBeenCalled();
    });

    it('sends where to report and whom to talk to with the findings', async () => {
      const managed = {
        reportUrl: 'https://school.example.org/report',
        reportEmail: 'dsl@school.example.org',
        supportContacts: ['Mrs Khan, Designated Safeguarding Lead, room B12', 'School nurse: 01632 960 123'],
      };
      const reply = (await createChecker(deps({ check: () => [threat] }, managed)).handle({ type: 'check', text: 'x', host: 'x.com' })) as { nudgeSettings: unknown };
      expect(reply.nudgeSettings).toEqual({
        modes: { threat: 'nudge' },
        reportUrl: 'https://school.example.org/report',
        reportEmail: 'dsl@school.example.org',
        supportContacts: [
          { name: 'Mrs Khan', text: 'Designated Safeguarding Lead, room B12' },
          { name: 'School nurse', phone: '01632 960 123' },
        ],
      });
    });

    it('says allow at once on a site the school turned off, without checking the text', async () => {
      const fake = deps({ builtInSites: BUILT_IN_SITES }, { disabledSites: ['x.com', '*.school-example.org'], role: 'pupil' });
      const checker = createChecker(fake);
      for (const host of ['x.com', 'twitter.com', 'mobile.x.com', 'forum.school-example.org']) {
        expect(await checker.handle({ type: 'check', text: 'Tamsin Okoro', host })).toEqual({ findings: [], role: 'pupil', whenUnchecked: goesAhead });
      }
      expect(fake.check).not.toHaveBeenCalled();
      expect(await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'www.facebook.com' })).toMatchObject({ findings: [finding] });
    });

    it('keeps working when a managed value is invalid: that one is ignored with a warning', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const fake = deps({}, { hashedRoster: roster, role: 'headteacher', categories: { 'pupil-name': { pupil: 'sometimes' } } });
      const reply = await createChecker(fake).handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' });
      expect(reply).toMatchObject({ findings: [finding], role: 'pupil', nudgeSettings: { modes: { 'pupil-name': 'nudge' } } });
      expect(warn.mock.calls.join(' ')).toMatch(/role/);
      warn.mockRestore();
    });

    it('fails open when the settings cannot be read (there is no school’s choice to follow)', async () => {
      const checker = createChecker(deps({ loadSettings: () => Promise.reject(new Error('no storage')) }));
      expect(await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' })).toMatchObject({
        unchecked: 'failed',
        detail: 'settings could not be read: Error: no storage',
        choice: 'post',
      });
    });

    it('opens the school’s own policy at the section’s anchor, or its address', async () => {
      const managed = {
        policyUrl: 'https://school.example.org/policies/social-media#top',
        policySectionAnchors: { 'objective-1': 'pupils', 'strategy-4': 'https://school.example.org/anti-bullying' },
      };
      const openTab = vi.fn(async (_url: string) => undefined);
      const checker = createChecker(deps({ openTab }, managed));
      await checker.handle({ type: 'open-policy', section: 'objective-1' });
      await checker.handle({ type: 'open-policy', section: 'strategy-4' });
      await checker.handle({ type: 'open-policy', section: 'objective-6' });
      expect(openTab.mock.calls).toEqual([
        ['https://school.example.org/policies/social-media#pupils'],
        ['https://school.example.org/anti-bullying'],
        ['https://school.example.org/policies/social-media#top'],
      ]);
    });

    it('opens the packaged policy when the settings cannot be read', async () => {
      const fake = deps({ loadSettings: () => Promise.reject(new Error('no storage')) });
      await createChecker(fake).handle({ type: 'open-policy', section: 'objective-6' });
      expect(fake.openTab).toHaveBeenCalledWith('chrome-extension://id/policy.html#objective-6');
    });
  });
});

describe('disabled sites', () => {
  it('match exactly, by *. for a domain, or by any domain of a built-in site', () => {
    expect(isSiteDisabled('x.com', ['x.com'], BUILT_IN_SITES)).toBe(true);
    expect(isSiteDisabled('twitter.com', ['x.com'], BUILT_IN_SITES)).toBe(true);
    expect(isSiteDisabled('X.COM.', ['x.com'], BUILT_IN_SITES)).toBe(true);
    expect(isSiteDisabled('facebook.com', ['x.com'], BUILT_IN_SITES)).toBe(false);
    expect(isSiteDisabled('chat.school-example.org', ['*.school-example.org'])).toBe(true);
    expect(isSiteDisabled('school-example.org.evil.com', ['*.school-example.org'])).toBe(false);
  });
});

describe('support contacts', () => {
  it.each([
    ['Mrs Khan', { name: 'Mrs Khan' }],
    ['Mrs Khan, Designated Safeguarding Lead, room B12', { name: 'Mrs Khan', text: 'Designated Safeguarding Lead, room B12' }],
    ['Pastoral team: https://school.example.org/talk', { name: 'Pastoral team', url: 'https://school.example.org/talk' }],
    ['Kooth: free online counselling, https://www.kooth.com.', { name: 'Kooth', text: 'free online counselling', url: 'https://www.kooth.com' }],
    ['Reception, 01632 960 000, 8am to 4pm', { name: 'Reception', phone: '01632 960 000', text: '8am to 4pm' }],
  ])('reads %j', (line, contact) => {
    expect(supportContactFrom(line)).toEqual(contact);
  });
});

describe('the content script’s side', () => {
  it('remembers what the school wants done with a post the background never answers about, and how long to wait', async () => {
    const replies: unknown[] = [
      { ready: true, whenUnchecked: { choice: 'hold', answerWithinMs: 12_000 } },
      { unchecked: 'timed-out', detail: 'took too long', choice: 'hold', whenUnchecked: { choice: 'hold', answerWithinMs: 12_000 } },
      'nonsense',
    ];
    const client = createCheckClient(async () => replies.shift());
    expect(client.whenUnchecked()).toBe('post');
    await client.warmUp();
    expect(client.whenUnchecked()).toBe('hold');
    expect(client.waitLimitMs()).toBe(13_000);
    await expect(client.requestCheck('x', 'x.com')).resolves.toEqual({ unchecked: 'timed-out', detail: 'took too long', choice: 'hold' });
    await expect(client.requestCheck('x', 'x.com')).resolves.toEqual({ unchecked: 'failed', detail: 'the checker gave no answer' });
  });

  it('keeps the nudge’s words from the last reply that brought them', async () => {
    const welsh = { locale: 'cy', messages: { nudge_edit: { message: 'Golygu’r postiad' } } };
    const replies: unknown[] = [{ ready: true, words: welsh }, { findings: [] }, { findings: [], words: { locale: 'xx', messages: {} } }];
    const client = createCheckClient(async () => replies.shift());
    expect(client.words()).toBeUndefined();
    await client.warmUp();
    await client.requestCheck('x', 'x.com');
    await client.requestCheck('x', 'x.com');
    expect(client.words()).toEqual(welsh);
  });
});
