// @vitest-environment happy-dom
// Settings layering: managed policy, then this device, then defaults, key by key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hashRoster } from '@/lib/names/roster-hash';
import { chromeManagedSchema, MANAGED_SCHEMA, type ChromeSchema } from '@/settings/admin-settings';
import { configFrom, DEFAULT_SETTINGS, layerSettings, matchesSiteEntry, matchPatternsFor, modeFor, normaliseSite, siteEntryCovers, siteEntryOfPattern } from '@/settings/layers';
import { sitesNotInManifest } from '@/entrypoints/background/extra-sites';

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

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
    const { settings } = layerSettings({ extraSites: ['ok.example.org', 'not a host!'] }, { pupilNames: ['Tamsin Okoro', 'Tamsin', 42] });
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

  // A school build's sites are in the manifest's content script (issue 13, cold start),
  // so extraSites that it covers are not registered a second time.
  it.each([
    ['*.school-example.org', 'forum.school-example.org', true],
    ['*.school-example.org', 'school-example.org', true],
    ['*.school-example.org', '*.chat.school-example.org', true],
    ['*.school-example.org', '*.school-example.org', true],
    ['forum.school-example.org', 'forum.school-example.org', true],
    ['forum.school-example.org', '*.forum.school-example.org', false],
    ['forum.school-example.org', 'chat.school-example.org', false],
    ['*.school-example.org', 'school-example.org.evil.example', false],
    ['*.x.com', 'notx.com', false],
  ])('%j covers %j: %s', (outer, inner, expected) => {
    expect(siteEntryCovers(outer, inner)).toBe(expected);
  });

  it('reads the site out of a manifest match pattern', () => {
    expect(siteEntryOfPattern('*://*.school-example.org/*')).toBe('*.school-example.org');
    expect(siteEntryOfPattern('*://forum.school-example.org/*')).toBe('forum.school-example.org');
    expect(siteEntryOfPattern('https://forum.school-example.org/path/*')).toBeUndefined();
  });

  it('registers only the extra sites the manifest does not already guard', () => {
    const manifest = ['*.x.com', '*.school-example.org'];
    expect(sitesNotInManifest(['forum.school-example.org', 'x.com', 'forum.other-school.example', '*.school-example.org'], manifest)).toEqual([
      'forum.other-school.example',
    ]);
    expect(sitesNotInManifest(['forum.school-example.org'], [])).toEqual(['forum.school-example.org']);
  });
});

describe('the school’s settings', () => {
  const roster = hashRoster(['Tamsin Okoro', 'Jayden Whitlock']);

  it('never reads pupils’ plaintext names from managed policy, and says why', () => {
    const warn = vi.fn();
    const { settings, sources } = layerSettings({ pupilNames: ['Tamsin Okoro'] }, {}, warn);
    expect(settings.pupilNames).toEqual([]);
    expect(sources.pupilNames).toBe('default');
    expect(warn.mock.calls.join(' ')).toMatch(/pupilNames.*chrome:\/\/policy.*hashedRoster/);
  });

  it('takes plaintext pupil names from this device (a teacher’s own set-up), even with a school roster', () => {
    const { settings, sources } = layerSettings({ hashedRoster: roster, pupilNames: ['Someone Else'] }, { pupilNames: ['Amira Haddad'] }, () => {});
    expect(settings.pupilNames).toEqual(['Amira Haddad']);
    expect(sources.pupilNames).toBe('local');
    expect(settings.hashedRoster).toEqual(roster);
  });

  it('gives the engine the hashed roster', () => {
    const { settings } = layerSettings({ hashedRoster: roster, role: 'staff' }, {});
    expect(configFrom(settings)).toMatchObject({ hashedRoster: roster, role: 'staff', pupilNames: [] });
    expect(configFrom(DEFAULT_SETTINGS)).not.toHaveProperty('hashedRoster');
  });

  it('skips a bad hash but keeps the roster; a roster without its key is ignored', () => {
    const spy = quiet();
    const { settings } = layerSettings({ hashedRoster: { ...roster, firstNames: [...roster.firstNames, 'Okoro!', 'abcdefghijklmnop'] } }, {});
    expect(settings.hashedRoster?.firstNames).toEqual(roster.firstNames);
    const warn = vi.fn();
    const { settings: keyless } = layerSettings({ hashedRoster: { ...roster, key: '' } }, {}, warn);
    expect(keyless.hashedRoster).toBeUndefined();
    expect(warn.mock.calls.join(' ')).toMatch(/hashedRoster/);
    spy.mockRestore();
  });

  it('reads every admin setting from policy', () => {
    const managed = {
      schoolNames: ['Hollins Park Academy'],
      staffNames: ['Mr Okafor'],
      role: 'pupil',
      extraSites: ['forum.school-example.org'],
      disabledSites: ['tiktok.com'],
      hashedRoster: roster,
      policyUrl: 'https://school.example.org/policy',
      policySectionAnchors: { 'objective-1': 'pupils', 'strategy-4': 'https://school.example.org/report' },
      reportUrl: 'https://school.example.org/report',
      reportEmail: 'dsl@school.example.org',
      supportContacts: ['Mrs Khan, Designated Safeguarding Lead, room B12'],
      categories: { profanity: { pupil: 'off' }, threat: { pupil: 'block', staff: 'reason' } },
      lockSettings: true,
      failClosed: true,
      checkTimeLimitMs: 3_000,
      language: 'cy',
    };
    const { settings, sources } = layerSettings(managed, {});
    expect(settings).toEqual({ ...managed, pupilNames: [] });
    expect(Object.entries(sources).filter(([, source]) => source !== 'managed').map(([key]) => key)).toEqual(['pupilNames']);
  });

  it('keeps each good category mode and skips only the bad ones', () => {
    const warn = quiet();
    const { settings } = layerSettings(
      { categories: { profanity: { pupil: 'off', staff: 'silence' }, swearing: { pupil: 'off' }, threat: 'block', hate: { teacher: 'block', pupil: 'block' } } },
      {},
    );
    expect(settings.categories).toEqual({ profanity: { pupil: 'off' }, hate: { pupil: 'block' } });
    expect(warn).toHaveBeenCalledTimes(4);
    expect(modeFor(settings, 'profanity', 'pupil')).toBe('off');
    expect(modeFor(settings, 'profanity', 'staff')).toBe('nudge');
    expect(modeFor(settings, 'hate', 'pupil')).toBe('block');
    warn.mockRestore();
  });

  it('uses nothing from this device once the school locks settings', () => {
    const { settings, sources } = layerSettings(
      { lockSettings: true, schoolNames: ['Hollins Park Academy'] },
      { staffNames: ['Mr Okafor'], categories: { bullying: { pupil: 'off' } }, pupilNames: ['Tamsin Okoro'] },
    );
    expect(settings.staffNames).toEqual([]);
    expect(settings.categories).toEqual({});
    expect(settings.pupilNames).toEqual([]);
    expect(sources.staffNames).toBe('default');
  });

  it('ignores a bad address or email from policy and keeps the rest', () => {
    const warn = vi.fn();
    const { settings } = layerSettings({ reportUrl: 'http://not-https.example.org', reportEmail: 'dsl@school.example.org', policyUrl: 'javascript:alert(1)' }, {}, warn);
    expect(settings.reportUrl).toBeUndefined();
    expect(settings.policyUrl).toBeUndefined();
    expect(settings.reportEmail).toBe('dsl@school.example.org');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('matches site entries exactly, or a domain and its subdomains for *.', () => {
    expect(matchesSiteEntry('tiktok.com', 'tiktok.com')).toBe(true);
    expect(matchesSiteEntry('www.tiktok.com', 'tiktok.com')).toBe(false);
    expect(matchesSiteEntry('www.tiktok.com', '*.tiktok.com')).toBe(true);
    expect(matchesSiteEntry('tiktok.com.', '*.tiktok.com')).toBe(true);
    expect(matchesSiteEntry('nottiktok.com', '*.tiktok.com')).toBe(false);
  });
});

describe('the schema Chrome is given', () => {
  it('is what public/managed_schema.json holds (regenerate with npx tsx scripts/managed-schema.ts)', () => {
    const file = JSON.parse(readFileSync(join(process.cwd(), 'public/managed_schema.json'), 'utf8'));
    expect(file).toEqual(chromeManagedSchema());
    expect(Object.keys(file.properties)).toEqual(Object.keys(MANAGED_SCHEMA.properties));
    expect(file.properties).not.toHaveProperty('pupilNames');
  });

  it('checks only types below the top level, so one bad list item cannot drop a whole setting in Chrome', () => {
    const nested: string[] = [];
    const walk = (schema: ChromeSchema, path: string, depth: number) => {
      if (depth > 1 && (schema.pattern || schema.enum)) nested.push(path);
      for (const [name, item] of Object.entries(schema.properties ?? {})) walk(item, `${path}.${name}`, depth + 1);
      if (schema.items) walk(schema.items, `${path}[]`, depth + 1);
    };
    walk(chromeManagedSchema(), '', 0);
    expect(nested).toEqual([]);
    expect(chromeManagedSchema().properties?.role.enum).toEqual(['pupil', 'staff']);
  });
});
