// Settings come in three layers, each key on its own: what the school's admin
// set through managed policy, then what was set on this device, then defaults.
// A key with a bad value is skipped (with a console warning) and the next layer
// is used, so one mistake in a policy file never switches the whole thing off.
// Lists are checked entry by entry: Chrome drops a whole list for one bad item
// when the schema says so, so the schema stays loose where that would hurt.
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { validateConfig, ConfigError } from '@/lib/config';
import { CATEGORIES, POLICY_SECTION_IDS, type Category, type CheckConfig, type Finding, type PolicySectionId, type Role } from '@/lib/types';
import type { NudgeMode, NudgeSettings, SupportContact } from '@/utils/messages';
import {
  ANCHOR_PATTERN,
  ROSTER_HASH_PATTERN,
  CATEGORY_MODES,
  DEFAULT_ADMIN_SETTINGS,
  normaliseHost,
  parseAdminSetting,
  type AdminSettings,
  type CategoryMode,
  type CategoryModes,
} from '@/utils/admin-settings';

export interface Settings extends AdminSettings {
  /**
   * Pupils as "First Last", in plaintext: only from this device (a teacher's own
   * set-up). Never from managed policy, which pupils can read at chrome://policy.
   */
  pupilNames: string[];
}

export type SettingKey = keyof Settings;
export type SettingSource = 'managed' | 'local' | 'default';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ ...DEFAULT_ADMIN_SETTINGS, pupilNames: [] });

type Parser<T> = (value: unknown, key: string) => T;

/** Uses the engine's own validation, so the rules for each field live in one place. */
const parseRole: Parser<Role> = (value) => validateConfig({ role: value }).role;

function warnSkipped(problem: string): void {
  console.warn(`Second Thought: skipped ${problem}`);
}

/**
 * A list of names, checked one entry at a time with the engine's validation.
 * A bad entry is skipped with a warning rather than losing the whole list.
 */
function nameList(key: 'schoolNames' | 'pupilNames' | 'staffNames'): Parser<string[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of names');
    const names: string[] = [];
    value.forEach((item, index) => {
      try {
        names.push(...(validateConfig({ [key]: [item] })[key] as string[]));
      } catch (error) {
        warnSkipped(error instanceof Error ? error.message.replace(`${key}[0]`, `${key}[${index}]`) : String(error));
      }
    });
    return names;
  };
}

/**
 * Accepts what an admin is likely to type: `forum.example.org`, `*.example.org`,
 * or a pasted URL such as `https://forum.example.org:8443/login` (the scheme,
 * port and path are dropped: sites are matched over http and https, on any port).
 */
export function normaliseSite(raw: string): string | null {
  return normaliseHost(raw) ?? null;
}

const siteList: Parser<string[]> = (value, key) => {
  if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of hostnames');
  const sites: string[] = [];
  value.forEach((item, index) => {
    const site = typeof item === 'string' ? normaliseSite(item) : null;
    if (site === null) warnSkipped(`${key}[${index}]: ${JSON.stringify(item)} is not a hostname`);
    else if (!sites.includes(site)) sites.push(site);
  });
  return sites;
};

const textList: Parser<string[]> = (value, key) => {
  if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of text lines');
  const lines: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') lines.push(item.trim());
    else warnSkipped(`${key}[${index}]: should be a line of text`);
  });
  return lines;
};

const ROSTER_LISTS = ['firstNames', 'fullNames', 'firstInitials', 'surnames'] as const;
/** Version 1 rosters had every list; version 2 leaves surnames out. */
const REQUIRED_ROSTER_LISTS: readonly string[] = ['firstNames', 'fullNames', 'firstInitials'];

/**
 * The roster's version and key must be right or it is no use at all; a bad hash
 * in one of its lists only loses that one entry. Then the engine's own check,
 * so the engine never sees a roster it would refuse.
 */
const parseHashedRoster: Parser<Settings['hashedRoster']> = (value, key) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(key, 'should be an object written by the admin tool');
  }
  const raw = value as Record<string, unknown>;
  const hashPattern = new RegExp(ROSTER_HASH_PATTERN);
  const roster: Record<string, unknown> = { version: raw.version, key: raw.key, ...(raw.pupils !== undefined ? { pupils: raw.pupils } : {}) };
  for (const list of ROSTER_LISTS) {
    const items = raw[list];
    if (items === undefined && !REQUIRED_ROSTER_LISTS.includes(list)) continue;
    if (!Array.isArray(items)) throw new ConfigError(`${key}.${list}`, 'should be a list of hashes');
    // Version 2 cuts every hash in a list to one length: an entry of another length was not written by the tool.
    const lengths = items.filter((item): item is string => typeof item === 'string' && hashPattern.test(item)).map((item) => item.length);
    const usualLength = raw.version === 2 ? mostCommon(lengths) : undefined;
    roster[list] = items.filter((item, index) => {
      const ok = typeof item === 'string' && hashPattern.test(item) && (usualLength === undefined || item.length === usualLength);
      if (!ok) warnSkipped(`${key}.${list}[${index}]: not a hash written by the admin tool`);
      return ok;
    });
  }
  return validateConfig({ hashedRoster: parseAdminSetting('hashedRoster', roster) }).hashedRoster;
};

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

const parseAnchors: Parser<Settings['policySectionAnchors']> = (value, key) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(key, 'should be an object of section anchors');
  const anchors: Partial<Record<PolicySectionId, string>> = {};
  const anchorPattern = new RegExp(ANCHOR_PATTERN);
  for (const [section, anchor] of Object.entries(value)) {
    if (!POLICY_SECTION_IDS.includes(section as PolicySectionId)) warnSkipped(`${key}.${section}: not a policy section`);
    else if (typeof anchor !== 'string' || !anchorPattern.test(anchor)) warnSkipped(`${key}.${section}: should be an anchor or an https address`);
    else anchors[section as PolicySectionId] = anchor;
  }
  return anchors;
};

/** Each category and role on its own: a typo in one leaves the others in force. */
const parseCategories: Parser<CategoryModes> = (value, key) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(key, 'should be an object of categories');
  const modes: CategoryModes = {};
  for (const [category, byRole] of Object.entries(value)) {
    if (!CATEGORIES.includes(category as Category)) {
      warnSkipped(`${key}.${category}: not a category`);
      continue;
    }
    if (typeof byRole !== 'object' || byRole === null || Array.isArray(byRole)) {
      warnSkipped(`${key}.${category}: should say a mode for pupil and/or staff`);
      continue;
    }
    for (const [role, mode] of Object.entries(byRole)) {
      if (role !== 'pupil' && role !== 'staff') warnSkipped(`${key}.${category}.${role}: not a role`);
      else if (!CATEGORY_MODES.includes(mode as CategoryMode)) warnSkipped(`${key}.${category}.${role}: should be off, nudge, reason or block`);
      else (modes[category as Category] ??= {})[role] = mode as CategoryMode;
    }
  }
  return modes;
};

const schemaChecked =
  <K extends keyof AdminSettings>(key: K): Parser<AdminSettings[K]> =>
  (value) =>
    parseAdminSetting(key, value);

const PARSERS: { [K in SettingKey]: Parser<Settings[K]> } = {
  schoolNames: nameList('schoolNames'),
  pupilNames: nameList('pupilNames'),
  staffNames: nameList('staffNames'),
  role: parseRole,
  extraSites: siteList,
  disabledSites: siteList,
  hashedRoster: parseHashedRoster,
  policyUrl: schemaChecked('policyUrl'),
  policySectionAnchors: parseAnchors,
  reportUrl: schemaChecked('reportUrl'),
  reportEmail: schemaChecked('reportEmail'),
  supportContacts: textList,
  categories: parseCategories,
  lockSettings: schemaChecked('lockSettings'),
};

export const SETTING_KEYS = Object.keys(PARSERS) as SettingKey[];

/** Settings that never come from managed policy, and why (said in the warning). */
const NOT_FROM_POLICY: Partial<Record<SettingKey, string>> = {
  pupilNames:
    'pupils’ names in plaintext are not read from managed policy, because anyone using the browser can read it at chrome://policy; use hashedRoster (written by the admin tool) instead',
};

export interface LayeredSettings {
  settings: Settings;
  /** Where each value came from, for the options page and for support. */
  sources: Record<SettingKey, SettingSource>;
}

/**
 * Combines the layers. Pure, so it can be tested without a browser. When the
 * school locks settings, nothing made on this device counts: a value saved
 * before the lock must not quietly outlive it.
 */
export function layerSettings(
  managed: Record<string, unknown>,
  local: Record<string, unknown>,
  warn: (message: string) => void = (message) => console.warn(message),
): LayeredSettings {
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  const sources = {} as Record<SettingKey, SettingSource>;
  const values = settings as unknown as Record<string, unknown>;
  for (const key of Object.keys(NOT_FROM_POLICY) as SettingKey[]) {
    if (managed[key] !== undefined) warn(`Second Thought: ignoring the managed setting ${key}: ${NOT_FROM_POLICY[key]}.`);
  }
  const layers: [SettingSource, Record<string, unknown>][] = [['managed', managed]];
  if (managed.lockSettings !== true) layers.push(['local', local]);
  for (const key of SETTING_KEYS) {
    sources[key] = 'default';
    for (const [source, layer] of layers) {
      if (layer[key] === undefined || (source === 'managed' && key in NOT_FROM_POLICY)) continue;
      try {
        values[key] = PARSERS[key](layer[key], key);
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

/** The engine's configuration from the settings. */
export function configFrom(settings: Settings): CheckConfig {
  return {
    schoolNames: settings.schoolNames,
    pupilNames: settings.pupilNames,
    staffNames: settings.staffNames,
    role: settings.role,
    ...(settings.hashedRoster ? { hashedRoster: settings.hashedRoster } : {}),
  };
}

/** What a writer in `role` gets for each category: a nudge unless the school chose otherwise. */
export function modeFor(settings: Pick<Settings, 'categories'>, category: Category, role: Role): CategoryMode {
  return settings.categories[category]?.[role] ?? 'nudge';
}

/** Match patterns for the extra sites: http and https, any port (Chrome matches every port when none is given). */
export function matchPatternsFor(sites: readonly string[]): string[] {
  return sites.map((site) => `*://${site}/*`);
}

/** `host` against an extraSites or disabledSites entry: "forum.example.org" exactly, or "*.example.org" for the domain and its subdomains. */
export function matchesSiteEntry(host: string, entry: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!entry.startsWith('*.')) return name === entry;
  const domain = entry.slice(2);
  return name === domain || name.endsWith(`.${domain}`);
}

/** A built-in site's domains, so turning off "x.com" also turns off twitter.com. */
export interface SiteDomains {
  domains: readonly string[];
}

/** Whether the school (or this device) turned Second Thought off on `hostname`. */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[], builtIns: readonly SiteDomains[] = []): boolean {
  if (disabledSites.length === 0) return false;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const builtIn = builtIns.find((site) => site.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
  return disabledSites.some((entry) => matchesSiteEntry(host, entry) || (builtIn?.domains.includes(entry) ?? false));
}

/**
 * An admin writes a contact as one line ("Mrs Khan, Designated Safeguarding
 * Lead, room B12"). The part before the first colon or comma is the name; a
 * phone number or https address in the rest becomes a link.
 */
export function supportContactFrom(line: string): SupportContact {
  const split = /^([^:,]+)[:,]\s*(.*)$/.exec(line.trim());
  if (!split) return { name: line.trim() };
  const [, name, rest] = split;
  const contact: SupportContact = { name: name.trim() };
  const url = /https:\/\/\S+/.exec(rest)?.[0];
  const phone = /(?:\+44\s?|\b0)\d[\d ]{7,12}\d\b/.exec(rest)?.[0];
  if (url) contact.url = url.replace(/[.,;)]+$/, '');
  if (phone) contact.phone = phone.trim();
  const text = rest
    .replace(url ?? '\0', '')
    .replace(phone ?? '\0', '')
    .replace(/\s*[,;:–—-]\s*$/, '')
    .replace(/^\s*[,;:–—-]\s*/, '')
    .trim();
  if (text) contact.text = text;
  return contact;
}

/** What the nudge needs from the settings, for the categories it is about to show. */
export function nudgeSettingsFor(settings: Pick<Settings, 'categories' | 'role' | 'reportUrl' | 'reportEmail' | 'supportContacts'>, findings: readonly Finding[]): NudgeSettings {
  const modes: Partial<Record<Category, NudgeMode>> = {};
  for (const { category } of findings) {
    const mode = modeFor(settings, category, settings.role);
    if (mode !== 'off') modes[category] = mode;
  }
  const nudge: NudgeSettings = { modes };
  if (settings.reportUrl) nudge.reportUrl = settings.reportUrl;
  if (settings.reportEmail) nudge.reportEmail = settings.reportEmail;
  if (settings.supportContacts.length > 0) nudge.supportContacts = settings.supportContacts.map(supportContactFrom);
  return nudge;
}
