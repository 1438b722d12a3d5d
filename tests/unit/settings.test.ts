// @vitest-environment happy-dom
// Settings layering: managed policy, then this device, then defaults, key by key.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, layerSettings, matchPatternsFor, normaliseSite } from '@/utils/settings';

describe('layerSettings', () => {
  it('uses defaults when nothing is set', () => {
    const { settings, sources } = layerSettings({}, {});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.values(sources).every((source) => source === 'default')).toBe(true);
  });

  it('prefers managed policy over this device, key by key', () => {
    const { settings, sources } = layerSettings(
      { schoolNames: ['St Aidan’s'], role: 'staff' },
      { schoolNames: ['Somewhere Else'], staffNames: ['Mr Okafor'], role: 'pupil' },
    );
    expect(settings.schoolNames).toEqual(['St Aidan’s']);
    expect(settings.role).toBe('staff');
    expect(settings.staffNames).toEqual(['Mr Okafor']);
    expect(sources).toMatchObject({ schoolNames: 'managed', role: 'managed', staffNames: 'local', pupilNames: 'default' });
  });

  it('ignores an invalid managed value with a warning, falls back, and keeps the rest', () => {
    const warn = vi.fn();
    const { settings, sources } = layerSettings(
      { role: 'headteacher', schoolNames: 'not a list', extraSites: ['forum.school-example.org'] },
      { role: 'staff' },
      warn,
    );
    expect(settings.role).toBe('staff');
    expect(sources.role).toBe('local');
    expect(settings.schoolNames).toEqual([]);
    expect(settings.extraSites).toEqual(['forum.school-example.org']);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.join(' ')).toMatch(/role/);
  });

  it('skips one bad entry in a list rather than losing the whole list', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { settings } = layerSettings({ pupilNames: ['Tamsin Okoro', 'Tamsin', 42], extraSites: ['ok.example.org', 'not a host!'] }, {});
    expect(settings.pupilNames).toEqual(['Tamsin Okoro']);
    expect(settings.extraSites).toEqual(['ok.example.org']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('extra sites', () => {
  it.each([
    ['forum.school-example.org', 'forum.school-example.org'],
    ['*.example.org', '*.example.org'],
    ['https://Forum.School-Example.org:8443/t/42', 'forum.school-example.org'],
    ['http://localhost:3000', 'localhost'],
    ['has space.org', null],
    ['*.', null],
    ['', null],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseSite(raw)).toBe(expected);
  });

  it('match http and https on any port, and subdomains for *.', () => {
    expect(matchPatternsFor(['forum.school-example.org', '*.example.org'])).toEqual([
      '*://forum.school-example.org/*',
      '*://*.example.org/*',
    ]);
  });
});
