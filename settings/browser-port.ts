// The only file in settings/ that touches the browser: the device's own
// settings and the school's managed policy in browser storage, this week's
// counts, site permissions, and the popup's tab. The real browser behind
// SettingsPort and PopupPort (./port.ts) for the pages, and loadSettings,
// watchSettings and nudgeCounter for the background. Everything else in
// settings/ is pure, and runs in Node and the tests without a browser.

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Catalogue, Locale } from '@/lib/i18n/translate';
import type { Category } from '@/lib/types';
import { layerSettings, type LayeredSettings, type SettingKey } from './layers';
import { addNudge, NUDGE_COUNTS_KEY, SAID_WRONG_COUNTS_KEY } from './nudge-counts';
import type { PageLanguageDeps, PopupPort, SettingsPort } from './port';

// WXT types getMessage and getURL from files it has seen at build time; these
// pages build keys and paths at run time, so they use the plain signatures.
export const getMessage = browser.i18n.getMessage as unknown as (key: string, substitutions?: string[]) => string;
export const extensionUrl = browser.runtime.getURL as unknown as (path: string) => string;

/** Settings made on this device (the options page writes here). */
export const localSettings = storage.defineItem<Partial<Record<SettingKey, unknown>>>('local:settings', {
  fallback: {},
});

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    // Throws in Firefox when no policy is installed, and is missing in Safari.
    return ((await browser.storage.managed?.get()) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The settings in force, layered (./layers.ts), for the background. */
export async function loadSettings(): Promise<LayeredSettings> {
  const [managed, local] = await Promise.all([readManaged(), localSettings.getValue()]);
  return layerSettings(managed, local ?? {});
}

/**
 * Calls back when any layer changes. Chrome reports managed changes here without
 * a reload; Firefox never does (its policies are read when it starts), so there
 * the settings read at start-up are the school's.
 */
export function watchSettings(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed' || area === 'local') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Adds to this week's counts (./nudge-counts.ts) for the background: nudges
 * shown, and warnings someone said were wrong. One write at a time, so two
 * quick nudges (or a nudge and an answer to it) both count.
 */
export function nudgeCounter(): { recordNudge(categories: Category[]): void; recordSaidWrong(categories: Category[]): void } {
  let counting: Promise<unknown> = Promise.resolve();
  const countIn = (key: typeof NUDGE_COUNTS_KEY | typeof SAID_WRONG_COUNTS_KEY, categories: Category[]) => {
    counting = counting
      .then(() => storage.getItem(key))
      .then((stored) => storage.setItem(key, addNudge(stored, categories)))
      .catch((error: unknown) => console.warn('Second Thought: could not count a nudge:', error));
  };
  return {
    recordNudge: (categories) => countIn(NUDGE_COUNTS_KEY, categories),
    recordSaidWrong: (categories) => countIn(SAID_WRONG_COUNTS_KEY, categories),
  };
}

export const browserSettingsPort: SettingsPort = {
  async read() {
    const [managed, local] = await Promise.all([readManaged(), localSettings.getValue()]);
    return { managed, local: (local ?? {}) as Record<string, unknown> };
  },
  async writeLocal(local) {
    await localSettings.setValue(local);
  },
  watch(onChange) {
    const listener = (_changes: unknown, area: string) => {
      if (area === 'managed' || area === 'local') onChange();
    };
    browser.storage.onChanged.addListener(listener);
    // Someone allowing (or taking away) a site changes what the page shows too.
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.storage.onChanged.removeListener(listener);
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  },
  async siteAccess(patterns) {
    const granted: string[] = [];
    for (const pattern of patterns) if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
    return granted;
  },
  // Exactly the sites asked for, never every site: the prompt names them.
  requestSiteAccess: (patterns) => browser.permissions.request({ origins: patterns }).catch(() => false),
  async recordSaidWrong(categories) {
    await storage.setItem(SAID_WRONG_COUNTS_KEY, addNudge(await storage.getItem(SAID_WRONG_COUNTS_KEY), categories as Category[]));
  },
};

export const browserPopupPort: PopupPort = {
  ...browserSettingsPort,
  async activeTabUrl() {
    // activeTab lets the popup read the address of the tab it was opened over, and nothing else.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url;
  },
  nudgeCounts: () => storage.getItem(NUDGE_COUNTS_KEY),
  saidWrongCounts: () => storage.getItem(SAID_WRONG_COUNTS_KEY),
  openHelp: () => void browser.tabs.create({ url: extensionUrl('/help.html') }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  builtInPolicyUrl: extensionUrl('/policy.html'),
};

/** The packaged messages.json of a locale: the pages load the school's language themselves (components/page-language.tsx). */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const response = await fetch(extensionUrl(`/_locales/${locale}/messages.json`));
  return (await response.json()) as Catalogue;
}

export const pageLanguage: PageLanguageDeps = {
  port: browserSettingsPort,
  loadCatalogue,
  browserLanguages: () => [browser.i18n.getUILanguage(), ...navigator.languages],
};
