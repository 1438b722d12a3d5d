// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18n, translateFrom, type MessageEntry } from '../../components/i18n';
import { layerSettings } from '../../settings/page-view';
import { addNudge, countsThisWeek, weekStarting } from '../../settings/nudge-counts';
import { Popup } from '../../components/settings/Popup';
import type { PopupPort } from '../../settings/port';
import { siteStatus } from '../../settings/site-status';

// Paths from the project root: happy-dom gives import.meta.url an http: address. The messages
// move to public/_locales once the manifest names en_GB as its default locale.
const MESSAGES_PATH = ['public/_locales/en_GB/messages.json', 'components/settings/locales/en_GB/messages.json']
  .map((path) => join(process.cwd(), path))
  .find((path) => existsSync(path))!;
const messages = JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, MessageEntry>;
const t = translateFrom(messages);
const SITES = [
  { id: 'x', domains: ['x.com', 'twitter.com'] },
  { id: 'instagram', domains: ['instagram.com'] },
];

function fakePort(options: { url?: string; managed?: Record<string, unknown>; local?: Record<string, unknown>; counts?: unknown }): PopupPort {
  return {
    read: async () => ({ managed: options.managed ?? {}, local: options.local ?? {} }),
    writeLocal: async () => {},
    watch: () => () => {},
    activeTabUrl: async () => options.url,
    nudgeCounts: async () => options.counts,
    openOptions: vi.fn(),
    builtInPolicyUrl: 'chrome-extension://id/policy.html',
  };
}

async function renderPopup(port: PopupPort) {
  render(
    <I18n.Provider value={t}>
      <Popup port={port} builtInSites={SITES} />
    </I18n.Provider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Second Thought' });
}

afterEach(cleanup);

describe('the popup', () => {
  it('says it is active on a built-in site, and who set it up and for whom', async () => {
    await renderPopup(fakePort({ url: 'https://www.instagram.com/p/abc' }));
    expect(screen.getByText('Active on Instagram')).toBeTruthy();
    expect(screen.getByText('This is one of the sites Second Thought checks.')).toBeTruthy();
    expect(screen.getByText('Set up on this device, for pupils.')).toBeTruthy();
    expect(screen.getByText('None so far.')).toBeTruthy();
  });

  it('says when the school turned a site off, and that the school set it up', async () => {
    await renderPopup(fakePort({ url: 'https://x.com/home', managed: { disabledSites: ['x.com'] } }));
    expect(screen.getByText('Not active on X (Twitter)')).toBeTruthy();
    expect(screen.getByText('Your school turned Second Thought off for this site.')).toBeTruthy();
    expect(screen.getByText('Set up by your school, for pupils.')).toBeTruthy();
  });

  it('says when the school added a site, and when a page is not a website', async () => {
    await renderPopup(fakePort({ url: 'https://forum.school.example/t/1', managed: { extraSites: ['forum.school.example'] } }));
    expect(screen.getByText('Active on forum.school.example')).toBeTruthy();
    expect(screen.getByText('Your school added this site.')).toBeTruthy();
    cleanup();
    await renderPopup(fakePort({ url: 'chrome://extensions/' }));
    expect(screen.getByText('Not active on this page')).toBeTruthy();
  });

  it('shows this week’s counts as numbers only, beside how often someone said they were wrong, and links to help, the policy and the settings', async () => {
    const port = {
      ...fakePort({
        url: 'https://example.org/',
        managed: { policyUrl: 'https://school.example/policy', role: 'staff' },
        counts: { week: weekStarting(new Date()), counts: { bullying: 2, 'pupil-name': 1, hate: 0 } },
      }),
      saidWrongCounts: async () => ({ week: weekStarting(new Date()), counts: { 'pupil-name': 1, profanity: 1 } }),
      openHelp: vi.fn(),
    };
    await renderPopup(port);
    expect(screen.getByText('Set up by your school, for staff.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'This week on this device' });
    expect([...table.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Kind of note', 'Shown', 'Said to be wrong'],
      ['Naming a pupil', '1', '1'],
      ['Bullying', '2', '0'],
      ['Swearing', '0', '1'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'What is Second Thought?' }));
    expect(port.openHelp).toHaveBeenCalled();
    expect(screen.getByText('Second Thought checks posts on social media sites, and this is not one of them.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the social media policy' }).getAttribute('href')).toBe('https://school.example/policy');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(port.openOptions).toHaveBeenCalled();
  });

  it('falls back to the policy that comes with the extension', async () => {
    await renderPopup(fakePort({ url: 'https://x.com/' }));
    expect(screen.getByRole('link', { name: 'Read the social media policy' }).getAttribute('href')).toBe('chrome-extension://id/policy.html');
  });
});

describe('siteStatus', () => {
  const view = (managed: Record<string, unknown>, local: Record<string, unknown> = {}) => layerSettings(managed, local);
  it('matches subdomains of built-in sites, wildcard entries, and your own switches', () => {
    expect(siteStatus('https://mobile.twitter.com/', view({}), SITES)).toMatchObject({ active: true, reason: 'built-in', siteId: 'x' });
    expect(siteStatus('https://a.example.org/', view({ extraSites: ['*.example.org'] }), SITES)).toMatchObject({ active: true, reason: 'added-by-school' });
    expect(siteStatus('https://example.org/', view({}, { extraSites: ['*.example.org'] }), SITES)).toMatchObject({ active: true, reason: 'added-by-you' });
    expect(siteStatus('https://other.example.org/', view({ extraSites: ['forum.example.org'] }), SITES)).toMatchObject({ active: false, reason: 'not-covered' });
    expect(siteStatus('https://instagram.com/', view({}, { disabledSites: ['instagram.com'] }), SITES)).toMatchObject({ active: false, reason: 'turned-off-by-you' });
    expect(siteStatus(undefined, view({}), SITES)).toEqual({ active: false, reason: 'not-a-website' });
  });
});

describe('nudge counts', () => {
  it('count each category once per nudge, and start again each Monday', () => {
    const wednesday = new Date(2026, 10, 25, 15, 0);
    expect(weekStarting(wednesday)).toBe('2026-11-23');
    expect(weekStarting(new Date(2026, 10, 23, 0, 5))).toBe('2026-11-23');
    expect(weekStarting(new Date(2026, 10, 29, 23, 55))).toBe('2026-11-23');
    let stored = addNudge(undefined, ['bullying', 'bullying', 'pupil-name'], wednesday);
    stored = addNudge(stored, ['bullying'], wednesday);
    expect(stored).toEqual({ week: '2026-11-23', counts: { bullying: 2, 'pupil-name': 1 } });
    expect(countsThisWeek(stored, new Date(2026, 10, 30, 9, 0))).toEqual({});
    expect(countsThisWeek({ week: '2026-11-23', counts: { bullying: 'lots', hate: -1 } }, wednesday)).toEqual({});
  });
});

describe('what the popup and options page show is what is in force', () => {
  it('says a site you turned off is off, unless the school locked the settings', async () => {
    await renderPopup(fakePort({ url: 'https://www.instagram.com/', local: { disabledSites: ['instagram.com'] } }));
    expect(screen.getByText('Not active on Instagram')).toBeTruthy();
    expect(screen.getByText('You turned Second Thought off for this site in its settings.')).toBeTruthy();
    cleanup();
    await renderPopup(fakePort({ url: 'https://www.instagram.com/', managed: { lockSettings: true }, local: { disabledSites: ['instagram.com'] } }));
    expect(screen.getByText('Active on Instagram')).toBeTruthy();
  });

  it('shows the school’s settings that could not be used, with reasons, where it says the school set it up', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderPopup(fakePort({ url: 'https://x.com/', managed: { schoolNames: ['a', 'Oakfield'], extraSites: ['*.com'], failClosed: 'yes', role: 'teacher' } }));
    expect(screen.getByText('Set up by your school, for pupils.')).toBeTruthy();
    expect(screen.getByText('Some of your school’s settings could not be used:')).toBeTruthy();
    expect(screen.getByText(/^School names \(Set by your school\): “a” is too short/)).toBeTruthy();
    expect(screen.getByText(/^Extra sites \(Set by your school\): “\*\.com” would cover every site/)).toBeTruthy();
    expect(screen.getByText('…and 1 more. The settings page lists them all.')).toBeTruthy();
    warn.mockRestore();
  });

  it('says when the school’s extra sites wait for the person’s permission', async () => {
    const port = { ...fakePort({ url: 'https://x.com/', managed: { extraSites: ['forum.school.example'] } }), siteAccess: async () => [] };
    await renderPopup(port);
    expect(await screen.findByText(/Your school added sites that need your permission/)).toBeTruthy();
  });

  it('layers the settings as the background does', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = layerSettings(
      { extraSites: ['forum.example.org', 'not a host!'], pupilNames: ['Tamsin Okoro'], categories: { profanity: { pupil: 'off', staff: 'loud' } } },
      { pupilNames: ['Amira Haddad'], staffNames: ['Mr Okafor'] },
    );
    expect(view.values.extraSites).toEqual(['forum.example.org']);
    expect(view.values.pupilNames).toEqual(['Amira Haddad']);
    expect(view.sources).toMatchObject({ extraSites: 'managed', pupilNames: 'local', staffNames: 'local', categories: 'managed' });
    expect(view.values.categories).toEqual({ profanity: { pupil: 'off' } });
    expect(view.managedBySchool).toBe(true);
    expect(view.lockedBySchool).toBe(false);
    expect(layerSettings({ pupilNames: ['Tamsin Okoro'] }, {}).managedBySchool).toBe(false);
    const locked = layerSettings({ lockSettings: true }, { staffNames: ['Mr Okafor'] });
    expect(locked).toMatchObject({ lockedBySchool: true, values: { staffNames: [] }, sources: { staffNames: 'default' } });
    warn.mockRestore();
  });
});

