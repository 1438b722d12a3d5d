// The settings a school can set through managed policy, their schema, and the
// same checks Chrome applies to that schema. Pure TypeScript: the admin tool
// (Node), the options page and the background all share it. utils/settings.ts
// layers these with the device's own settings; public/managed_schema.json is
// written from here (chromeManagedSchema, via scripts/lib/managed-schema.ts).

import { CATEGORIES, POLICY_SECTION_IDS, type Category, type HashedRoster, type PolicySectionId, type Role } from '../lib/types';

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
}

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
/** "forum.example.org", or "*.example.org" for a domain and its subdomains (as utils/settings.ts reads them). */
export const HOST_PATTERN = '^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$';
export const HTTPS_URL_PATTERN = '^https://[^\\s]+$';
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
export const ANCHOR_PATTERN = '^([A-Za-z][A-Za-z0-9_.:-]*|https://[^\\s]+)$';
/** base64url of a keyed hash, cut to between 4 and 22 characters (see hashRoster). */
export const ROSTER_HASH_PATTERN = '^[A-Za-z0-9_-]{4,22}$';
export const ROSTER_KEY_PATTERN = '^[A-Za-z0-9+/]{22,}={0,2}$';

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
  },
};

export const ADMIN_SETTING_KEYS = Object.keys(MANAGED_SCHEMA.properties) as AdminSettingKey[];

/**
 * The schema Chrome is given (public/managed_schema.json). Chrome drops a whole
 * setting when one list item or nested value fails its schema, so below the top
 * level only types are kept: one mistyped host must not lose every extra site,
 * nor one bad mode every category. utils/settings.ts checks those values one by
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
});

/**
 * One setting checked against its schema, for a settings layer that reads keys
 * one at a time (utils/settings.ts): returns the value, or throws naming the problem.
 */
export function parseAdminSetting<K extends AdminSettingKey>(key: K, value: unknown): AdminSettings[K] {
  const problem = schemaProblems(MANAGED_SCHEMA.properties[key], value, key)[0];
  if (problem) throw new Error(problem);
  return value as AdminSettings[K];
}

/**
 * What an admin is likely to type, cut down to a host name: "forum.example.org",
 * "*.example.org", or a pasted address such as "https://forum.example.org:8443/login".
 * The same rules as normaliseSite in utils/settings.ts, without its WXT imports.
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
