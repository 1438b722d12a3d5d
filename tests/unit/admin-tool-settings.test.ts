import { describe, expect, it } from 'vitest';
import { hashRoster } from '../../lib/names/roster-hash';
import { cleanManagedSettings, normaliseHost, parseAdminSetting } from '../../settings/admin-settings';

describe('cleanManagedSettings', () => {
  it('keeps good settings and drops a whole setting for one bad item, as Chrome does', () => {
    const roster = hashRoster(['Tamsin Okoro'], Buffer.alloc(32, 1).toString('base64'));
    const { settings, dropped } = cleanManagedSettings({
      schoolNames: ['Oakfield'],
      extraSites: ['forum.example.org', 'not a host'],
      hashedRoster: roster,
      categories: { bullying: { pupil: 'block', staff: 'shout' } },
      lockSettings: 'yes',
      pupilNames: ['Tamsin Okoro'],
    });
    expect(settings).toEqual({ schoolNames: ['Oakfield'], hashedRoster: roster });
    expect(dropped).toEqual([
      'extraSites[1]: "not a host" is not in the expected form',
      'categories.bullying.staff: should be one of "off", "nudge", "reason", "block"',
      'lockSettings: should be true or false',
    ]);
  });

  it('refuses a hashed roster with a name where a hash should be', () => {
    const roster = { ...hashRoster(['Tamsin Okoro']), fullNames: ['tamsin okoro'] };
    expect(cleanManagedSettings({ hashedRoster: roster }).settings).toEqual({});
  });

  it('ignores anything that is not an object', () => {
    expect(cleanManagedSettings(['schoolNames'])).toEqual({ settings: {}, dropped: [] });
  });
});

describe('parseAdminSetting', () => {
  it('returns a good value and throws naming the problem', () => {
    expect(parseAdminSetting('policyUrl', 'https://school.example/policy')).toBe('https://school.example/policy');
    expect(() => parseAdminSetting('reportEmail', 'nobody')).toThrow('reportEmail: "nobody" is not in the expected form');
    expect(() => parseAdminSetting('policySectionAnchors', { 'objective-1': 'has spaces' })).toThrow(/objective-1/);
  });
});

describe('normaliseHost', () => {
  it('cuts what an admin pastes down to a host, keeping wildcards', () => {
    expect(normaliseHost('https://Forum.Example.org:8443/login?x=1')).toBe('forum.example.org');
    expect(normaliseHost('*.example.org')).toBe('*.example.org');
    expect(normaliseHost('example.org.')).toBe('example.org');
    expect(normaliseHost('forum example')).toBeUndefined();
    expect(normaliseHost('')).toBeUndefined();
  });
});
