// The real browser behind SettingsPort and PopupPort.

import { browser } from 'wxt/browser';
import { localSettings } from '@/utils/settings';
import { addNudge, NUDGE_COUNTS_KEY, SAID_WRONG_COUNTS_KEY } from './nudge-counts';
import type { Category } from '@/lib/types';
import type { PopupPort, SettingsPort } from './port';
import { storage } from 'wxt/utils/storage';
import type { Catalogue, Locale } from '@/lib/i18n/translate';
import type { PageLanguageDeps } from '@/components/page-language';

// WXT types getMessage and getURL from files it has seen at build time; these
// pages build keys and paths at run time, so they use the plain signatures.
export const getMessage = browser.i18n.getMessage as unknown as (key: string, substitutions?: string[]) => string;
export const extensionUrl = browser.runtime.getURL as unknown as (path: string) => string;

async function readManaged(): Promise<unknown> {
  try {
    // Throws in Firefox when no policy is installed, and is missing in Safari.
    return (await browser.storage.managed?.get()) ?? {};
  } catch {
    return {};
  }
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
