// The settings a school can set through managed policy, their schema, and the
// same checks Chrome applies to that schema. Pure TypeScript: the admin tool
// (Node), the options page and the background all share it. ./layers.ts
// layers these with the device's own settings; public/managed_schema.json is
// written from here (chromeManagedSchema, via scripts/managed-schema.ts).

import * as randomWords from 'random-words';
import { eng as englishStopWords } from 'stopword';
import { parse as parseDomain } from 'tldts';
import { CATEGORIES, POLICY_SECTION_IDS, type Category, type HashedRoster, type PolicySectionId, type Role } from '../lib/types';
import english from '../public/_locales/en_GB/messages.json';
import { translateFrom, type Catalogue, type Translate } from '../lib/i18n/translate';

/**
 * A problem with a setting, as a message key (problem_* in public/_locales) and
 * what fills it in, so the options page and popup say it in the reader's
 * language; describeProblem gives the English for the admin tool and the console.
 * A substitution may itself be a problem ("not used: it $EXPECTED$…").
 */
export interface SettingProblem {
  key: string;
  substitutions?: Array<string | number | SettingProblem>;
  /** For a message with plural forms: the count, which becomes $1. */
  count?: number;
}

const ENGLISH = translateFrom(english as Catalogue);

export function describeProblem(problem: SettingProblem, t: Translate = ENGLISH): string {
  const substitutions = (problem.substitutions ?? []).map((part) => (typeof part === 'object' ? describeProblem(part, t) : part));
  return problem.count === undefined ? t(problem.key, substitutions) : t.plural(problem.key, problem.count, substitutions);
}

/** A number as the options page shows it: "60,000" (the same grouping in Welsh). */
export const formatCount = (count: number) => count.toLocaleString('en-GB');

export const CATEGORY_MODES = ['off', 'nudge', 'reason', 'block'] as const;
/**
 * off: no check; nudge: a calm warning, post anyway; reason: post only after
 * choosing a reason; block: the post cannot be sent from this browser.
 */
export type CategoryMode = (typeof CATEGORY_MODES)[number];
export type CategoryModes = Partial<Record<Category, Partial<Record<Role, CategoryMode>>>>;

export interface AdminSettings {
  /** The school's full name, short forms and abbreviations. */
  schoolNames: string[];
  /** Staff as people write them, e.g. "Mr Okafor". Adults' names; kept in plaintext. */
  staffNames: string[];
  /** Who uses this browser: pupils or staff. */
  role: Role;
  /** Sites to check beyond the built-in ones, as host names ("forum.example.org"). */
  extraSites: string[];
  /** Built-in sites the school turns off, as host names. */
  disabledSites: string[];
  /** Pupils in private form, written by the admin tool. Never plaintext names in policy. */
  hashedRoster?: HashedRoster;
  /** The school's own copy of its social media policy. */
  policyUrl?: string;
  /** Where each policy section lives in the school's copy: an anchor ("section-3") or a full https address. */
  policySectionAnchors: Partial<Record<PolicySectionId, string>>;
  /** Where a pupil can report something (an online form). */
  reportUrl?: string;
  reportEmail?: string;
  /** People to talk to, each as one line: "Mrs Khan, Designated Safeguarding Lead, room B12". */
  supportContacts: string[];
  categories: CategoryModes;
  /** When true, people cannot change any setting on this device, not only the ones policy sets. */
  lockSettings: boolean;
  /**
   * When a post cannot be checked (the check ran past its time limit or failed),
   * hold it back: the writer may edit it but not post it unchecked. Off by
   * default: it goes ahead (with a message when any category is in block or
   * reason mode for this role).
   */
  failClosed: boolean;
  /** How long one check may run before it is abandoned, in milliseconds. */
  checkTimeLimitMs: number;
  /**
   * The language of everything Second Thought says: Welsh ('cy'), English
   * ('en_GB'), or the browser's own language ('browser', the default). Chrome
   * has no Welsh interface, so a school in Wales sets 'cy' here.
   */
  language: LanguageChoice;
}

export const LANGUAGE_CHOICES = ['browser', 'en_GB', 'cy'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export type AdminSettingKey = keyof AdminSettings;

/** The subset of JSON Schema that Chrome accepts for managed storage (components/policy/core/common/schema.cc). */
export interface ChromeSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  patternProperties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  required?: string[];
  items?: ChromeSchema;
  enum?: (string | number)[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

// Patterns are written to mean the same in RE2 (Chrome) and JavaScript.
/** "forum.example.org", or "*.example.org" for a domain and its subdomains (as ./layers.ts reads them). */
export const HOST_PATTERN = '^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$';
export const HTTPS_URL_PATTERN = '^https://[^\\s]+$';
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
export const ANCHOR_PATTERN = '^([A-Za-z][A-Za-z0-9_.:-]*|https://[^\\s]+)$';
/** base64url of a keyed hash, cut to between 4 and 22 characters (see hashRoster). */
export const ROSTER_HASH_PATTERN = '^[A-Za-z0-9_-]{4,22}$';
export const ROSTER_KEY_PATTERN = '^[A-Za-z0-9+/]{22,}={0,2}$';

/**
 * The longest each list may be. A big secondary school has about 2,000 pupils
 * and 250 staff; these leave plenty of room, and keep a mistaken file (60,000
 * school names made the first check take 8 s) from slowing every check.
 * Chrome's schema has no maxItems, so ./layers.ts applies them: the first
 * entries are used and the rest are reported.
 */
export const LIST_LIMITS = {
  /** The full name, short forms and abbreviations; a trust's sister schools too. */
  schoolNames: 50,
  /** ~250 staff, each written a few ways ("Mr Okafor", "Daniel Okafor"). */
  staffNames: 1_000,
  extraSites: 50,
  /** The built-in sites have about 20 domains between them. */
  disabledSites: 50,
  supportContacts: 20,
  /** A teacher's own plaintext list on one device. */
  pupilNames: 5_000,
  /** Entries in each list of the hashed roster: room for a 5,000-pupil school. */
  hashedRoster: 5_000,
} as const;

/** The time a check may take: the default suits a slow Chromebook; the range keeps it useful. */
export const DEFAULT_CHECK_TIME_LIMIT_MS = 2_000;
export const MIN_CHECK_TIME_LIMIT_MS = 100;
export const MAX_CHECK_TIME_LIMIT_MS = 10_000;

/** A school name shorter than this (letters and digits) matches ordinary words: "a", "HP". */
export const MIN_SCHOOL_NAME_LETTERS = 3;

// Words that say what a school is, not which one: "the school" is in half of all posts.
const SCHOOL_WORDS = [
  'school', 'schools', 'academy', 'college', 'high', 'primary', 'secondary', 'grammar', 'sixth', 'form', 'upper', 'lower',
  'middle', 'junior', 'infant', 'infants', 'nursery', 'trust', 'federation', 'community', 'free', 'studio', 'utc', 'centre',
  'catholic', 'church', 'ce', 'rc', 'c', 'of', 'e', 'voluntary', 'aided', 'controlled', 'foundation', 'international', 'our', 'my',
];
// random-words' ~2,000 common English words ("park", "view", "high"). Its
// typings call the list wordsList, but the module exports it as wordList.
const commonEnglishWords = (randomWords as unknown as { wordList: readonly string[] }).wordList;
const EVERYDAY_WORDS = new Set([...commonEnglishWords, ...englishStopWords, ...SCHOOL_WORDS].map((word) => word.toLowerCase()));

function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s.,&()/-]+/)
    .map((word) => word.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/**
 * Why a school name cannot be used, in plain words, or undefined when it can.
 * A name that is too short, or only an everyday word ("The", "school", "Park"),
 * would flag nearly every post. Several everyday words together ("Park View")
 * are a real school's name, and the engine asks for capitals before it counts them.
 */
export function schoolNameIssue(name: string): SettingProblem | undefined {
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < MIN_SCHOOL_NAME_LETTERS) return { key: 'problem_school_name_too_short', substitutions: [name] };
  const words = wordsOf(name);
  const named = words[0] === 'the' && words.length > 1 ? words.slice(1) : words;
  if (named.length === 1 && EVERYDAY_WORDS.has(named[0])) return { key: 'problem_school_name_everyday', substitutions: [name] };
  if (named.every((word) => englishStopWords.includes(word) || SCHOOL_WORDS.includes(word))) {
    return { key: 'problem_school_name_generic', substitutions: [name] };
  }
  return undefined;
}

/** schoolNameIssue in English, for the admin tool. */
export function schoolNameProblem(name: string): string | undefined {
  const issue = schoolNameIssue(name);
  return issue && describeProblem(issue);
}

/**
 * Why an extraSites or disabledSites entry cannot be used, or undefined. A
 * wildcard on a public suffix ("*.com", "*.co.uk", "*.sch.uk", "*.github.io")
 * would cover other people's sites, not the school's; the suffixes come from
 * the Public Suffix List (tldts), private domains included.
 */
export function siteEntryIssue(entry: string): SettingProblem | undefined {
  if (!entry.startsWith('*.')) return undefined;
  const domain = entry.slice(2);
  const parsed = parseDomain(domain, { allowPrivateDomains: true });
  if (parsed.isIp) return { key: 'problem_site_wildcard_ip', substitutions: [entry] };
  if (parsed.domain === null) return { key: 'problem_site_public_suffix', substitutions: [entry, domain] };
  return undefined;
}

/** siteEntryIssue in English, for the admin tool and the build. */
export function siteEntryProblem(entry: string): string | undefined {
  const issue = siteEntryIssue(entry);
  return issue && describeProblem(issue);
}

const stringList = (description: string, pattern?: string): ChromeSchema => ({
  type: 'array',
  description,
  items: pattern ? { type: 'string', pattern } : { type: 'string' },
});

const roleModes: ChromeSchema = {
  type: 'object',
  properties: {
    pupil: { type: 'string', enum: [...CATEGORY_MODES] },
    staff: { type: 'string', enum: [...CATEGORY_MODES] },
  },
};

export const MANAGED_SCHEMA: ChromeSchema & { properties: Record<AdminSettingKey, ChromeSchema> } = {
  type: 'object',
  properties: {
    schoolNames: stringList('The school’s full name, short forms and abbreviations.'),
    staffNames: stringList('Staff names as people write them, e.g. "Mr Okafor".'),
    role: { type: 'string', enum: ['pupil', 'staff'], description: 'Who uses this browser.' },
    extraSites: stringList('Further sites to check, as host names.', HOST_PATTERN),
    disabledSites: stringList('Built-in sites to leave alone, as host names.', HOST_PATTERN),
    hashedRoster: {
      type: 'object',
      description: 'Pupils’ names as keyed hashes. Write this with the admin tool (npm run policy); never put names here.',
      properties: {
        version: { type: 'integer', enum: [1, 2] },
        key: { type: 'string', pattern: ROSTER_KEY_PATTERN },
        pupils: { type: 'integer', minimum: 0, description: 'How many pupils the roster was made from.' },
        firstNames: stringList('Hashes of first names.', ROSTER_HASH_PATTERN),
        fullNames: stringList('Hashes of given name and surname pairs.', ROSTER_HASH_PATTERN),
        firstInitials: stringList('Hashes of first name and initial.', ROSTER_HASH_PATTERN),
        surnames: stringList('Version 1 only: hashes of surnames.', ROSTER_HASH_PATTERN),
      },
      required: ['version', 'key', 'firstNames', 'fullNames', 'firstInitials'],
    },
    policyUrl: { type: 'string', pattern: HTTPS_URL_PATTERN, description: 'The school’s social media policy.' },
    policySectionAnchors: {
      type: 'object',
      description: 'Where each section is in the school’s policy: an anchor or a full https address.',
      properties: Object.fromEntries(POLICY_SECTION_IDS.map((id) => [id, { type: 'string', pattern: ANCHOR_PATTERN }])),
    },
    reportUrl: { type: 'string', pattern: HTTPS_URL_PATTERN, description: 'Where to report a worry.' },
    reportEmail: { type: 'string', pattern: EMAIL_PATTERN, description: 'Who to email about a worry.' },
    supportContacts: stringList('People to talk to, one line each.'),
    categories: {
      type: 'object',
      description: 'For each kind of problem and each role: off, nudge, reason or block.',
      properties: Object.fromEntries(CATEGORIES.map((category) => [category, roleModes])),
    },
    lockSettings: { type: 'boolean', description: 'Stop people changing any setting on this device.' },
    failClosed: {
      type: 'boolean',
      description: 'Hold back a post that could not be checked (the writer can edit it but not post it). Default false: it goes ahead.',
    },
    checkTimeLimitMs: {
      type: 'integer',
      minimum: MIN_CHECK_TIME_LIMIT_MS,
      maximum: MAX_CHECK_TIME_LIMIT_MS,
      description: `How long one check may run before it is abandoned and the post counts as unchecked, in milliseconds (default ${DEFAULT_CHECK_TIME_LIMIT_MS}).`,
    },
    language: {
      type: 'string',
      enum: [...LANGUAGE_CHOICES],
      description: 'The language Second Thought speaks: "cy" (Welsh), "en_GB" (English) or "browser" (the browser’s own language, the default).',
    },
  },
};

export const ADMIN_SETTING_KEYS = Object.keys(MANAGED_SCHEMA.properties) as AdminSettingKey[];

/**
 * The schema Chrome is given (public/managed_schema.json). Chrome drops a whole
 * setting when one list item or nested value fails its schema, so below the top
 * level only types are kept: one mistyped host must not lose every extra site,
 * nor one bad mode every category. ./layers.ts checks those values one by
 * one instead and skips only the bad ones. MANAGED_SCHEMA keeps the full rules
 * for the admin tool and the options page.
 */
export function chromeManagedSchema(schema: ChromeSchema = MANAGED_SCHEMA, depth = 0): ChromeSchema {
  const loose: ChromeSchema = { ...schema };
  if (depth > 1) {
    delete loose.pattern;
    delete loose.enum;
    delete loose.minimum;
    delete loose.maximum;
  }
  if (schema.properties) {
    loose.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, item]) => [name, chromeManagedSchema(item, depth + 1)]));
  }
  if (schema.items) loose.items = chromeManagedSchema(schema.items, depth + 1);
  if (schema.additionalProperties) loose.additionalProperties = chromeManagedSchema(schema.additionalProperties, depth + 1);
  return loose;
}

/**
 * Problems with `value` against `schema`, each naming the path. Chrome's rules:
 * type, properties, patternProperties, additionalProperties, required, items,
 * enum, pattern, minimum, maximum. Unknown properties are reported only when
 * `strict` (Chrome drops them quietly; the admin tool should not write any).
 */
export function schemaProblems(schema: ChromeSchema, value: unknown, path: string, strict = false): string[] {
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(`${path}: ${problem}`);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('should be an object');
        break;
      }
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) if (!(name in record)) fail(`is missing "${name}"`);
      for (const [name, item] of Object.entries(record)) {
        const at = `${path}.${name}`;
        const known = schema.properties?.[name];
        const byPattern = Object.entries(schema.patternProperties ?? {})
          .filter(([pattern]) => new RegExp(pattern).test(name))
          .map(([, itemSchema]) => itemSchema);
        const itemSchemas = known ? [known, ...byPattern] : byPattern;
        if (itemSchemas.length === 0 && schema.additionalProperties) itemSchemas.push(schema.additionalProperties);
        if (itemSchemas.length === 0) {
          if (strict) problems.push(`${at}: is not a known setting`);
          continue;
        }
        for (const itemSchema of itemSchemas) problems.push(...schemaProblems(itemSchema, item, at, strict));
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) {
        fail('should be a list');
        break;
      }
      value.forEach((item, index) => problems.push(...schemaProblems(schema.items!, item, `${path}[${index}]`, strict)));
      break;
    case 'string':
      if (typeof value !== 'string') fail('should be text');
      else if (schema.pattern && !new RegExp(schema.pattern).test(value)) fail(`"${value}" is not in the expected form`);
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) {
        fail(`should be ${schema.type === 'integer' ? 'a whole number' : 'a number'}`);
      } else {
        if (schema.minimum !== undefined && value < schema.minimum) fail(`should be at least ${schema.minimum}`);
        if (schema.maximum !== undefined && value > schema.maximum) fail(`should be at most ${schema.maximum}`);
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail('should be true or false');
      break;
  }
  if (problems.length === 0 && schema.enum && !schema.enum.includes(value as string | number)) {
    fail(`should be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`);
  }
  return problems;
}

/**
 * Keeps each managed setting that passes the schema and drops the rest, as
 * Chrome does, so Firefox (which enforces no schema) behaves the same.
 * `dropped` names each dropped setting with why.
 */
export function cleanManagedSettings(raw: unknown): { settings: Partial<AdminSettings>; dropped: string[] } {
  const settings: Record<string, unknown> = {};
  const dropped: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings, dropped };
  for (const [key, value] of Object.entries(raw)) {
    const schema = MANAGED_SCHEMA.properties[key as AdminSettingKey];
    if (!schema) continue;
    const problems = schemaProblems(schema, value, key);
    if (problems.length > 0) dropped.push(problems[0]);
    else settings[key] = value;
  }
  return { settings: settings as Partial<AdminSettings>, dropped };
}

/** What each admin setting is when neither the school nor the person set it. */
export const DEFAULT_ADMIN_SETTINGS: Readonly<AdminSettings> = Object.freeze({
  schoolNames: [],
  staffNames: [],
  role: 'pupil',
  extraSites: [],
  disabledSites: [],
  hashedRoster: undefined,
  policyUrl: undefined,
  policySectionAnchors: {},
  reportUrl: undefined,
  reportEmail: undefined,
  supportContacts: [],
  categories: {},
  lockSettings: false,
  failClosed: false,
  checkTimeLimitMs: DEFAULT_CHECK_TIME_LIMIT_MS,
  language: 'browser',
});

/**
 * One setting checked against its schema, for a settings layer that reads keys
 * one at a time (./layers.ts): returns the value, or throws naming the problem.
 */
export function parseAdminSetting<K extends AdminSettingKey>(key: K, value: unknown): AdminSettings[K] {
  const problem = schemaProblems(MANAGED_SCHEMA.properties[key], value, key)[0];
  if (problem) throw new Error(problem);
  return value as AdminSettings[K];
}

/**
 * What an admin is likely to type, cut down to a host name: "forum.example.org",
 * "*.example.org", or a pasted address such as "https://forum.example.org:8443/login".
 * The same rules as normaliseSite in ./layers.ts.
 */
export function normaliseHost(input: string): string | undefined {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return new RegExp(HOST_PATTERN).test(host) ? host : undefined;
}

/**
 * Problems with settings an admin is about to deploy that the schema cannot
 * say: list limits, school names that would flag ordinary posts, wildcards on
 * public suffixes. The admin tool refuses them; the extension drops them.
 */
export function policyLimitProblems(settings: Partial<AdminSettings>): string[] {
  const problems: string[] = [];
  const lists = ['schoolNames', 'staffNames', 'extraSites', 'disabledSites', 'supportContacts'] as const;
  for (const key of lists) {
    const list = settings[key];
    if (Array.isArray(list) && list.length > LIST_LIMITS[key]) problems.push(`${key}: has ${list.length} entries; the limit is ${LIST_LIMITS[key]}`);
  }
  const roster = settings.hashedRoster as Record<string, unknown> | undefined;
  for (const [list, hashes] of Object.entries(roster ?? {})) {
    if (Array.isArray(hashes) && hashes.length > LIST_LIMITS.hashedRoster) {
      problems.push(`hashedRoster.${list}: has ${hashes.length} entries; the limit is ${LIST_LIMITS.hashedRoster}`);
    }
  }
  for (const name of settings.schoolNames ?? []) {
    const problem = typeof name === 'string' ? schoolNameProblem(name) : undefined;
    if (problem) problems.push(`schoolNames: ${problem}`);
  }
  for (const key of ['extraSites', 'disabledSites'] as const) {
    for (const entry of settings[key] ?? []) {
      const host = typeof entry === 'string' ? normaliseHost(entry) : undefined;
      const problem = host ? siteEntryProblem(host) : undefined;
      if (problem) problems.push(`${key}: ${problem}`);
    }
  }
  return problems;
}
