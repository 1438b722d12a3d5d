// Checks each field as it is typed. Problems come back as message keys (see
// public/_locales/en_GB/messages.json), so every word on screen is translatable.

import { parseName } from '@/lib/names/name-parts';
import type { Translate } from '@/lib/i18n/translate';
import {
  ANCHOR_PATTERN,
  describeProblem,
  EMAIL_PATTERN,
  HTTPS_URL_PATTERN,
  MAX_CHECK_TIME_LIMIT_MS,
  MIN_CHECK_TIME_LIMIT_MS,
  normaliseHost,
  schoolNameIssue,
  siteEntryIssue,
  type SettingProblem,
} from './admin-settings';

export interface FieldProblem {
  message: string;
  /** Filled in as they are; a setting's own problem is said in the page's language. */
  substitutions?: Array<string | SettingProblem>;
}

/** A field's problem in the page's language. */
export function fieldProblemText(t: Translate, problem: FieldProblem): string {
  return t(problem.message, (problem.substitutions ?? []).map((part) => (typeof part === 'string' ? part : describeProblem(part, t))));
}

export type Check<T> = (input: string) => { value: T; problem?: FieldProblem };

/** One entry per line; blank lines are ignored. */
export const linesOf = (input: string) =>
  input
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const MAX_NAME_LENGTH = 200;

export const nameList: Check<string[]> = (input) => {
  const value = linesOf(input);
  const long = value.findIndex((line) => line.length > MAX_NAME_LENGTH);
  if (long >= 0) return { value, problem: { message: 'error_line_too_long', substitutions: [String(long + 1)] } };
  return { value };
};

/** School names: as any name list, and none that would flag ordinary posts ("a", "The", "school"). */
export const schoolNameList: Check<string[]> = (input) => {
  const checked = nameList(input);
  if (checked.problem) return checked;
  for (const [index, name] of checked.value.entries()) {
    const problem = schoolNameIssue(name);
    if (problem) return { value: checked.value, problem: { message: 'error_school_name', substitutions: [String(index + 1), problem] } };
  }
  return checked;
};

export const checkTimeLimit: Check<number | undefined> = (input) => {
  const value = input.trim();
  if (value === '') return { value: undefined };
  const number = Number(value.replace(/[,\s]/g, ''));
  if (!Number.isInteger(number) || number < MIN_CHECK_TIME_LIMIT_MS || number > MAX_CHECK_TIME_LIMIT_MS) {
    return { value: undefined, problem: { message: 'error_time_limit' } };
  }
  return { value: number };
};

export const pupilList: Check<string[]> = (input) => {
  const checked = nameList(input);
  if (checked.problem) return checked;
  // The engine's own reading: "Cher" has no surname; "García Márquez, Lucía" has one of two words.
  const single = checked.value.findIndex((line) => (parseName(line)?.surname.length ?? 0) === 0);
  if (single >= 0) return { value: checked.value, problem: { message: 'error_pupil_needs_surname', substitutions: [String(single + 1)] } };
  return checked;
};

export const optionalHttpsUrl: Check<string | undefined> = (input) => {
  const value = input.trim();
  if (value === '') return { value: undefined };
  if (!new RegExp(HTTPS_URL_PATTERN).test(value)) return { value, problem: { message: 'error_not_https' } };
  try {
    new URL(value);
  } catch {
    return { value, problem: { message: 'error_not_https' } };
  }
  return { value };
};

export const optionalEmail: Check<string | undefined> = (input) => {
  const value = input.trim();
  if (value === '') return { value: undefined };
  return new RegExp(EMAIL_PATTERN).test(value) ? { value } : { value, problem: { message: 'error_not_email' } };
};

export const optionalAnchor: Check<string | undefined> = (input) => {
  const value = input.trim().replace(/^#/, '');
  if (value === '') return { value: undefined };
  return new RegExp(ANCHOR_PATTERN).test(value) ? { value } : { value, problem: { message: 'error_not_anchor' } };
};

export const siteHost: Check<string | undefined> = (input) => {
  if (input.trim() === '') return { value: undefined };
  const host = normaliseHost(input);
  if (!host) return { value: undefined, problem: { message: 'error_not_a_host', substitutions: [input.trim()] } };
  // "*.com" and the like: a wildcard over other people's sites.
  const problem = siteEntryIssue(host);
  return problem ? { value: undefined, problem: { message: 'error_site', substitutions: [problem] } } : { value: host };
};
