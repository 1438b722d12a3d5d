// Settings come in three layers, each key on its own: what the school's admin
// set through managed policy, then what was set on this device, then defaults.
// A key with a bad value is skipped and the next layer is used, so one mistake
// in a policy file never switches the whole thing off. Lists are checked entry
// by entry: Chrome drops a whole list for one bad item when the schema says so,
// so the schema stays loose where that would hurt. Everything left out is
// reported in plain words (`rejected`), for the options page and the popup.
// Pure, so the background, the pages and the tests share it; reading the
// layers from the browser is settings/browser-port.ts's job.
import { validateConfig, ConfigError } from '@/lib/config';
import { CATEGORIES, POLICY_SECTION_IDS, type Category, type CheckConfig, type Finding, type PolicySectionId, type Role } from '@/lib/types';
import type { NudgeMode, NudgeSettings, SupportContact } from '@/utils/messages';
import type { UncheckedChoice } from '@/utils/messages';
import {
  ANCHOR_PATTERN,
  ROSTER_HASH_PATTERN,
  CATEGORY_MODES,
  DEFAULT_ADMIN_SETTINGS,
  LIST_LIMITS,
  MAX_CHECK_TIME_LIMIT_MS,
  MIN_CHECK_TIME_LIMIT_MS,
  normaliseHost,
  describeProblem,
  formatCount,
  parseAdminSetting,
  schoolNameIssue,
  siteEntryIssue,
  type AdminSettings,
  type SettingProblem,
  type CategoryMode,
  type CategoryModes,
} from './admin-settings';

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

/** Part of a setting left out (one entry), said in words for the person who set it. */
type Skip = (problem: SettingProblem) => void;
type Parser<T> = (value: unknown, key: string, skip: Skip) => T;

/** Uses the engine's own validation, so the rules for each field live in one place. */
const parseRole: Parser<Role> = (value) => validateConfig({ role: value }).role;

/** Keeps the first `limit` entries of a list; the rest are reported, never silently lost. */
function withinLimit<T>(items: T[], limit: number, skip: Skip): T[] {
  if (items.length <= limit) return items;
  skip({ key: 'problem_over_limit', substitutions: [formatCount(items.length), formatCount(limit)] });
  return items.slice(0, limit);
}

/**
 * A list of names, checked one entry at a time with the engine's validation.
 * A bad entry is skipped (and reported) rather than losing the whole list.
 * School names that would flag ordinary posts ("a", "The", "school") are refused.
 */
function nameList(key: 'schoolNames' | 'pupilNames' | 'staffNames'): Parser<string[]> {
  return (value, _key, skip) => {
    if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of names');
    const names: string[] = [];
    // Only as many as the limit are even looked at: a list of 60,000 costs nothing.
    for (const [index, item] of withinLimit(value, LIST_LIMITS[key], skip).entries()) {
      try {
        const [name] = validateConfig({ [key]: [item] })[key] as string[];
        const problem = key === 'schoolNames' ? schoolNameIssue(name) : undefined;
        if (problem) skip(problem);
        else names.push(name);
      } catch (error) {
        skip(nameEntryProblem(index + 1, item, error));
      }
    }
    return names;
  };
}

/** Why one name could not be used, as the engine's own check (lib/config.ts) found it. */
function nameEntryProblem(entry: number, item: unknown, error: unknown): SettingProblem {
  if (typeof item !== 'string') return { key: 'problem_entry_not_text', substitutions: [entry] };
  const shown = item.slice(0, 60);
  if (item.trim() === '') return { key: 'problem_entry_empty', substitutions: [entry] };
  const detail = error instanceof Error ? error.message.replace(/^[^:]*:\s*/, '') : String(error);
  if (/too long/.test(detail)) return { key: 'problem_entry_too_long', substitutions: [entry, shown] };
  if (/first name and a surname/.test(detail)) return { key: 'problem_entry_needs_surname', substitutions: [entry, shown] };
  return { key: 'problem_entry_unusable', substitutions: [entry, shown, detail] };
}

/**
 * Accepts what an admin is likely to type: `forum.example.org`, `*.example.org`,
 * or a pasted URL such as `https://forum.example.org:8443/login` (the scheme,
 * port and path are dropped: sites are matched over http and https, on any port).
 */
export function normaliseSite(raw: string): string | null {
  return normaliseHost(raw) ?? null;
}

const siteList =
  (limit: number): Parser<string[]> =>
  (value, key, skip) => {
    if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of hostnames');
    const sites: string[] = [];
    for (const item of withinLimit(value, limit, skip)) {
      const site = typeof item === 'string' ? normaliseSite(item) : null;
      const problem = site === null ? { key: 'problem_not_a_site', substitutions: [JSON.stringify(item)] } : siteEntryIssue(site);
      if (problem) skip(problem);
      else if (site !== null && !sites.includes(site)) sites.push(site);
    }
    return sites;
  };

const textList: Parser<string[]> = (value, key, skip) => {
  if (!Array.isArray(value)) throw new ConfigError(key, 'should be a list of text lines');
  const lines: string[] = [];
  for (const [index, item] of withinLimit(value, LIST_LIMITS.supportContacts, skip).entries()) {
    if (typeof item === 'string' && item.trim() !== '') lines.push(item.trim());
    else skip({ key: 'problem_line_not_text', substitutions: [index + 1] });
  }
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
const parseHashedRoster: Parser<Settings['hashedRoster']> = (value, key, skip) => {
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
    const skipIn: Skip = (problem) => skip({ key: 'problem_in_list', substitutions: [list, problem] });
    // Version 2 cuts every hash in a list to one length: an entry of another length was not written by the tool.
    const lengths = items.filter((item): item is string => typeof item === 'string' && hashPattern.test(item)).map((item) => item.length);
    const usualLength = raw.version === 2 ? mostCommon(lengths) : undefined;
    let bad = 0;
    roster[list] = withinLimit(items, LIST_LIMITS.hashedRoster, skipIn).filter((item) => {
      const ok = typeof item === 'string' && hashPattern.test(item) && (usualLength === undefined || item.length === usualLength);
      if (!ok) bad += 1;
      return ok;
    });
    if (bad > 0) skipIn({ key: 'problem_not_hashes', count: bad });
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

const parseAnchors: Parser<Settings['policySectionAnchors']> = (value, key, skip) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(key, 'should be an object of section anchors');
  const anchors: Partial<Record<PolicySectionId, string>> = {};
  const anchorPattern = new RegExp(ANCHOR_PATTERN);
  for (const [section, anchor] of Object.entries(value)) {
    if (!POLICY_SECTION_IDS.includes(section as PolicySectionId)) skip({ key: 'problem_not_a_section', substitutions: [section] });
    else if (typeof anchor !== 'string' || !anchorPattern.test(anchor)) skip({ key: 'problem_anchor_form', substitutions: [section] });
    else anchors[section as PolicySectionId] = anchor;
  }
  return anchors;
};

/** Each category and role on its own: a typo in one leaves the others in force. */
const parseCategories: Parser<CategoryModes> = (value, key, skip) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(key, 'should be an object of categories');
  const modes: CategoryModes = {};
  for (const [category, byRole] of Object.entries(value)) {
    if (!CATEGORIES.includes(category as Category)) {
      skip({ key: 'problem_not_a_category', substitutions: [category] });
      continue;
    }
    if (typeof byRole !== 'object' || byRole === null || Array.isArray(byRole)) {
      skip({ key: 'problem_category_needs_roles', substitutions: [category] });
      continue;
    }
    for (const [role, mode] of Object.entries(byRole)) {
      if (role !== 'pupil' && role !== 'staff') skip({ key: 'problem_not_a_role', substitutions: [category, role] });
      else if (!CATEGORY_MODES.includes(mode as CategoryMode)) skip({ key: `problem_not_a_mode_${role}`, substitutions: [category, JSON.stringify(mode)] });
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
  extraSites: siteList(LIST_LIMITS.extraSites),
  disabledSites: siteList(LIST_LIMITS.disabledSites),
  hashedRoster: parseHashedRoster,
  policyUrl: schemaChecked('policyUrl'),
  policySectionAnchors: parseAnchors,
  reportUrl: schemaChecked('reportUrl'),
  reportEmail: schemaChecked('reportEmail'),
  supportContacts: textList,
  categories: parseCategories,
  lockSettings: schemaChecked('lockSettings'),
  failClosed: schemaChecked('failClosed'),
  checkTimeLimitMs: schemaChecked('checkTimeLimitMs'),
  language: schemaChecked('language'),
};

/** What a whole setting should be, when its value could not be used at all (expected_* in public/_locales). */
const EXPECTED: Record<SettingKey, SettingProblem> = {
  schoolNames: { key: 'expected_list_of_names' },
  pupilNames: { key: 'expected_list_of_names' },
  staffNames: { key: 'expected_list_of_names' },
  role: { key: 'expected_role' },
  extraSites: { key: 'expected_list_of_sites' },
  disabledSites: { key: 'expected_list_of_sites' },
  hashedRoster: { key: 'expected_roster' },
  policyUrl: { key: 'expected_https' },
  policySectionAnchors: { key: 'expected_anchors' },
  reportUrl: { key: 'expected_https' },
  reportEmail: { key: 'expected_email' },
  supportContacts: { key: 'expected_lines' },
  categories: { key: 'expected_categories' },
  lockSettings: { key: 'expected_true_or_false' },
  failClosed: { key: 'expected_true_or_false' },
  checkTimeLimitMs: { key: 'expected_time_limit', substitutions: [MIN_CHECK_TIME_LIMIT_MS, formatCount(MAX_CHECK_TIME_LIMIT_MS)] },
  language: { key: 'expected_language' },
};

/** A setting, or part of one, that was left out, and why. */
export interface RejectedSetting {
  key: SettingKey;
  source: Exclude<SettingSource, 'default'>;
  /** Plain English: what was wrong, and what was done instead (the console, the admin tool). */
  problem: string;
  /** The same as a message, for the options page and popup in the reader's language. */
  reason: SettingProblem;
}

export const SETTING_KEYS = Object.keys(PARSERS) as SettingKey[];

/** Settings that never come from managed policy, and why (said in the warning). */
const NOT_FROM_POLICY: Partial<Record<SettingKey, SettingProblem>> = {
  // Anyone using the browser can read managed policy at chrome://policy.
  pupilNames: { key: 'problem_not_from_policy_pupil_names' },
};

export interface LayeredSettings {
  settings: Settings;
  /** Where each value came from, for the options page and for support. */
  sources: Record<SettingKey, SettingSource>;
  /** Every setting or entry left out, with its reason (shown on the options page and in the popup). */
  rejected: RejectedSetting[];
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
  const rejected: RejectedSetting[] = [];
  const values = settings as unknown as Record<string, unknown>;
  const reject = (key: SettingKey, source: RejectedSetting['source'], reason: SettingProblem) => {
    const problem = describeProblem(reason);
    rejected.push({ key, source, problem, reason });
    warn(`Second Thought: ${source === 'managed' ? 'the school’s' : 'this device’s'} setting ${key}: ${problem}`);
  };
  for (const key of Object.keys(NOT_FROM_POLICY) as SettingKey[]) {
    if (managed[key] !== undefined) reject(key, 'managed', NOT_FROM_POLICY[key]!);
  }
  const layers: [RejectedSetting['source'], Record<string, unknown>][] = [['managed', managed]];
  if (managed.lockSettings !== true) layers.push(['local', local]);
  for (const key of SETTING_KEYS) {
    sources[key] = 'default';
    for (const [source, layer] of layers) {
      if (layer[key] === undefined || (source === 'managed' && key in NOT_FROM_POLICY)) continue;
      try {
        values[key] = PARSERS[key](layer[key], key, (problem) => reject(key, source, problem));
        sources[key] = source;
        break;
      } catch {
        const deviceInstead = source === 'managed' && managed.lockSettings !== true && local[key] !== undefined;
        reject(key, source, { key: deviceInstead ? 'problem_not_used_device' : 'problem_not_used_default', substitutions: [EXPECTED[key]] });
      }
    }
  }
  return { settings, sources, rejected };
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

/**
 * What happens to a post that could not be checked. It goes ahead unless the
 * school chose otherwise: failing closed holds it back (edit only); a school
 * that holds posts back (block) or asks for a reason in any category gets told
 * and chooses. Wellbeing never holds a post back, so its mode does not count.
 */
export function uncheckedChoiceFor(settings: Pick<Settings, 'categories' | 'role' | 'failClosed'>): UncheckedChoice {
  if (settings.failClosed) return 'hold';
  const strict = CATEGORIES.some((category) => category !== 'wellbeing' && ['block', 'reason'].includes(modeFor(settings, category, settings.role)));
  return strict ? 'ask' : 'post';
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

/**
 * Whether site entry `outer` already covers every host that `inner` names:
 * "*.example.org" covers "forum.example.org", "example.org" and "*.forum.example.org".
 */
export function siteEntryCovers(outer: string, inner: string): boolean {
  if (!inner.startsWith('*.')) return matchesSiteEntry(inner, outer);
  return outer.startsWith('*.') && matchesSiteEntry(inner.slice(2), outer);
}

/** The site entry a match pattern of the form `*://host/*` names ("*.example.org", "forum.example.org"), if it is one. */
export function siteEntryOfPattern(pattern: string): string | undefined {
  return /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
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
