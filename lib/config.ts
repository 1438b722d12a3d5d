import { parseName } from './names/name-parts';
import { isRole, type CheckConfig, type HashedRoster, type Role } from './types';

/** Thrown for a configuration the engine cannot use; the message names the field. */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ConfigError';
  }
}

// Generous limits: a big secondary school has ~2,000 pupils; anything far beyond
// this is almost certainly a mistaken file, and would slow every check down.
const MAX_LIST = 50_000;
const MAX_NAME_LENGTH = 200;

function stringList(raw: Record<string, unknown>, field: string, required: boolean): string[] {
  const value = raw[field];
  if (value === undefined) {
    if (required) throw new ConfigError(field, 'is missing; it should be a list of names');
    return [];
  }
  if (!Array.isArray(value)) throw new ConfigError(field, 'should be a list of names');
  if (value.length > MAX_LIST) throw new ConfigError(field, `has ${value.length} entries; the limit is ${MAX_LIST}`);
  return value.map((item, index) => {
    if (typeof item !== 'string') throw new ConfigError(`${field}[${index}]`, 'should be text');
    const trimmed = item.normalize('NFC').trim();
    if (trimmed.length === 0) throw new ConfigError(`${field}[${index}]`, 'is empty');
    if (trimmed.length > MAX_NAME_LENGTH) throw new ConfigError(`${field}[${index}]`, 'is too long to be a name');
    return trimmed;
  });
}

function hashedRoster(value: unknown): HashedRoster | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('hashedRoster', 'should be an object written by the admin tool');
  }
  const roster = value as Record<string, unknown>;
  if (roster.version !== 1 && roster.version !== 2) {
    throw new ConfigError('hashedRoster.version', 'should be 2 (or 1 from an older admin tool); make the policy again with the admin tool');
  }
  if (typeof roster.key !== 'string' || roster.key.length < 16) {
    throw new ConfigError('hashedRoster.key', 'should be the school’s key (base64 text)');
  }
  const lists = roster.version === 1 ? (['firstNames', 'fullNames', 'firstInitials', 'surnames'] as const) : (['firstNames', 'fullNames', 'firstInitials'] as const);
  const out: Partial<HashedRoster> = { version: roster.version, key: roster.key };
  for (const list of lists) {
    const items = roster[list] ?? [];
    if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
      throw new ConfigError(`hashedRoster.${list}`, 'should be a list of hashes');
    }
    // Version 2 cuts every hash in a list to one length, and the engine cuts its own to match.
    const lengths = new Set((items as string[]).map((item) => item.length));
    if (roster.version === 2 && lengths.size > 1) {
      throw new ConfigError(`hashedRoster.${list}`, 'mixes hashes of different lengths, so it was not written by the admin tool; make the policy again');
    }
    out[list] = items as string[];
  }
  if (roster.version === 2 && typeof roster.pupils === 'number' && Number.isInteger(roster.pupils) && roster.pupils >= 0) out.pupils = roster.pupils;
  return out as HashedRoster;
}

/**
 * Checks a configuration from any source (a JSON file, managed policy, local
 * settings) and returns a clean copy. Throws ConfigError naming the field.
 */
export function validateConfig(raw: unknown): CheckConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config', 'should be a JSON object with schoolNames, pupilNames, staffNames and role');
  }
  const record = raw as Record<string, unknown>;
  const role = record.role ?? 'pupil';
  if (!isRole(role)) {
    throw new ConfigError('role', `should be "staff" or "pupil", not ${JSON.stringify(role)}`);
  }
  const pupilNames = stringList(record, 'pupilNames', false);
  pupilNames.forEach((name, index) => {
    if ((parseName(name)?.surname.length ?? 0) === 0) {
      throw new ConfigError(`pupilNames[${index}]`, `"${name}" should be a first name and a surname`);
    }
  });
  return {
    schoolNames: stringList(record, 'schoolNames', false),
    pupilNames,
    hashedRoster: hashedRoster(record.hashedRoster),
    staffNames: stringList(record, 'staffNames', false),
    role: role as Role,
  };
}
