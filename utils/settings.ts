// Settings come in three layers, each key on its own: what the school's admin
// set through managed policy, then what was set on this device, then defaults.
// A key with a bad value is skipped (with a console warning) and the next layer
// is used, so one mistake in a policy file never switches the whole thing off.
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { validateConfig, ConfigError } from '@/lib/config';
import type { CheckConfig, Role } from '@/lib/types';

export interface Settings {
  schoolNames: string[];
  pupilNames: string[];
  staffNames: string[];
  role: Role;
  /** Hostnames the admin added; `*.example.org` covers the domain and its subdomains. */
  extraSites: string[];
}

export type SettingKey = keyof Settings;
export type SettingSource = 'managed' | 'local' | 'default';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  schoolNames: [],
  pupilNames: [],
  staffNames: [],
  role: 'pupil',
  extraSites: [],
});

type Parser<T> = (value: unknown, key: string) => T;

/** Uses the engine's own validation, so the rules for each field live in one place. */
const parseRole: Parser<Role> = (value) => validateConfig({ role: value }).role;

/**
 * A list of names, checked one entry at a time with the engine's validation.
 * A bad entry is skipped with a warning rather than losing the whole list
 * (Chrome itself drops a whole policy list for one bad item, so the schema
 * stays loose and the checking happens here).
 */
function nameList(key: 'schoolNames' | 'pupilNames' | 'staffNames'): Parser<string[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of names');
    const names: string[] = [];
    value.forEach((item, index) => {
      try {
        names.push(...(validateConfig({ [key]: [item] })[key] as string[]));
      } catch (error) {
        const problem = error instanceof Error ? error.message.replace(`${key}[0]`, `${key}[${index}]`) : String(error);
        console.warn(`Second Thought: skipped ${problem}`);
      }
    });
    return names;
  };
}

const HOST_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/**
 * Accepts what an admin is likely to type: `forum.example.org`, `*.example.org`,
 * or a pasted URL such as `https://forum.example.org:8443/login` (the scheme,
 * port and path are dropped: sites are matched over http and https, on any port).
 */
export function normaliseSite(raw: string): string | null {
  const site = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return HOST_PATTERN.test(site) ? site : null;
}

const parseExtraSites: Parser<string[]> = (value, key) => {
  if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of hostnames');
  const sites: string[] = [];
  value.forEach((item, index) => {
    const site = typeof item === 'string' ? normaliseSite(item) : null;
    // One bad entry is skipped rather than losing the whole list.
    if (site === null) console.warn(`Second Thought: ${key}[${index}] is not a hostname; skipped:`, item);
    else if (!sites.includes(site)) sites.push(site);
  });
  return sites;
};

const PARSERS: { [K in SettingKey]: Parser<Settings[K]> } = {
  schoolNames: nameList('schoolNames'),
  pupilNames: nameList('pupilNames'),
  staffNames: nameList('staffNames'),
  role: parseRole,
  extraSites: parseExtraSites,
};

export const SETTING_KEYS = Object.keys(PARSERS) as SettingKey[];

export interface LayeredSettings {
  settings: Settings;
  /** Where each value came from, for the options page and for support. */
  sources: Record<SettingKey, SettingSource>;
}

/** Combines the layers. Pure, so it can be tested without a browser. */
export function layerSettings(
  managed: Record<string, unknown>,
  local: Record<string, unknown>,
  warn: (message: string) => void = (message) => console.warn(message),
): LayeredSettings {
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  const sources = {} as Record<SettingKey, SettingSource>;
  for (const key of SETTING_KEYS) {
    sources[key] = 'default';
    for (const [source, layer] of [
      ['managed', managed],
      ['local', local],
    ] as const) {
      if (layer[key] === undefined) continue;
      try {
        (settings as unknown as Record<string, unknown>)[key] = PARSERS[key](layer[key], key);
        sources[key] = source;
        break;
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        warn(`Second Thought: ignoring the ${source} setting ${problem}`);
      }
    }
  }
  return { settings, sources };
}

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

export async function loadSettings(): Promise<LayeredSettings> {
  const [managed, local] = await Promise.all([readManaged(), localSettings.getValue()]);
  return layerSettings(managed, local ?? {});
}

/** Calls back when any layer changes. Managed changes arrive without a reload. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed' || area === 'local') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The engine's configuration from the settings. */
export function configFrom(settings: Settings): CheckConfig {
  return {
    schoolNames: settings.schoolNames,
    pupilNames: settings.pupilNames,
    staffNames: settings.staffNames,
    role: settings.role,
  };
}

/** Match patterns for the extra sites: http and https, any port (Chrome matches every port when none is given). */
export function matchPatternsFor(sites: readonly string[]): string[] {
  return sites.map((site) => `*://${site}/*`);
}
