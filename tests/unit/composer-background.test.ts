// @vitest-environment happy-dom
// The background's side of the composer protocol: it answers checks with the
// layered settings, fails open when the engine throws, warms the engine once,
// and opens policy sections itself.
import { describe, expect, it, vi } from 'vitest';
import { createChecker, type CheckerDeps } from '@/entrypoints/background/checker';
import { layerSettings } from '@/utils/settings';
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

function deps(overrides: Partial<CheckerDeps> = {}) {
  const managed = { pupilNames: ['Tamsin Okoro'], role: 'staff' };
  return {
    loadSettings: vi.fn(async () => layerSettings(managed, {})),
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
    expect(reply).toEqual({ findings: [finding], role: 'staff' });
    expect(fake.check).toHaveBeenCalledWith(
      'Tamsin Okoro was great',
      expect.objectContaining({ pupilNames: ['Tamsin Okoro'], role: 'staff' }),
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
});
