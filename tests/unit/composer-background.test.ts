// @vitest-environment happy-dom
// The background's side of the composer protocol: it answers checks with the
// layered settings, fails open when the engine throws, warms the engine once,
// and opens policy sections itself.
import { describe, expect, it, vi } from 'vitest';
import { createChecker, type CheckerDeps } from '@/entrypoints/background/checker';
import { hashRoster } from '@/lib/names/roster-hash';
import { isSiteDisabled, layerSettings, supportContactFrom } from '@/utils/settings';
import { BUILT_IN_SITES } from '@/utils/sites';
import type { Finding } from '@/lib/types';

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

function deps(overrides: Partial<CheckerDeps> = {}, managed: Record<string, unknown> = { hashedRoster: roster, role: 'staff' }, local: Record<string, unknown> = {}) {
  return {
    loadSettings: vi.fn(async () => layerSettings(managed, local)),
    check: vi.fn((text: string) => (text.includes('Tamsin') ? [finding] : [])),
    getURL: (path: string) => `chrome-extension://id${path}`,
    openTab: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('the background checker', () => {
  it('checks with the settings and the role, and says the role back', async () => {
    const fake = deps();
    const reply = await createChecker(fake).handle({ type: 'check', text: 'Tamsin Okoro was great', host: 'x.com' });
    expect(reply).toEqual({ findings: [finding], role: 'staff', nudgeSettings: { modes: { 'pupil-name': 'nudge' } } });
    expect(fake.check).toHaveBeenCalledWith(
      'Tamsin Okoro was great',
      expect.objectContaining({ hashedRoster: roster, pupilNames: [], role: 'staff' }),
      { role: 'staff' },
    );
  });

  it('counts each nudge by category, and nothing for a kind post', async () => {
    const recordNudge = vi.fn();
    const checker = createChecker(deps({ recordNudge }));
    await checker.handle({ type: 'check', text: 'Lovely match', host: 'x.com' });
    expect(recordNudge).not.toHaveBeenCalled();
    await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' });
    expect(recordNudge).toHaveBeenCalledWith(['pupil-name']);
  });

  it('answers with an error (so the post goes ahead) when the engine throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const checker = createChecker(deps({ check: () => { throw new Error('boom'); } }));
    expect(await checker.handle({ type: 'check', text: 'hello', host: 'x.com' })).toEqual({ error: 'boom' });
    error.mockRestore();
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

  it('warms the engine once, however many composers gain focus', async () => {
    const fake = deps();
    const checker = createChecker(fake);
    expect(await checker.handle({ type: 'warm-up' })).toEqual({ ready: true });
    await checker.handle({ type: 'warm-up' });
    expect(fake.check).toHaveBeenCalledTimes(1);
  });

  it('opens a policy section in a tab, and refuses anything that is not a section id', async () => {
    const fake = deps();
    const checker = createChecker(fake);
    await checker.handle({ type: 'open-policy', section: 'objective-6' });
    expect(fake.openTab).toHaveBeenCalledWith('chrome-extension://id/policy.html#objective-6');
    expect(checker.handle({ type: 'open-policy', section: '"><script>' })).toBeUndefined();
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
      expect(reply).toEqual({ findings: [finding, threat], role: 'pupil', nudgeSettings: { modes: { 'pupil-name': 'reason', threat: 'block' } } });
      expect(recordNudge).toHaveBeenCalledWith(['pupil-name', 'threat']);
    });

    it('lets a post go at once when every finding is in a category turned off', async () => {
      const recordNudge = vi.fn();
      const managed = { role: 'staff', categories: { profanity: { staff: 'off' } } };
      const checker = createChecker(deps({ check: () => [swearing], recordNudge }, managed));
      expect(await checker.handle({ type: 'check', text: 'bloody', host: 'x.com' })).toEqual({ findings: [], role: 'staff' });
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
        expect(await checker.handle({ type: 'check', text: 'Tamsin Okoro', host })).toEqual({ findings: [], role: 'pupil' });
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

    it('fails open when the settings cannot be read', async () => {
      const checker = createChecker(deps({ loadSettings: () => Promise.reject(new Error('no storage')) }));
      expect(await checker.handle({ type: 'check', text: 'Tamsin Okoro', host: 'x.com' })).toEqual({ error: 'settings could not be read: Error: no storage' });
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
