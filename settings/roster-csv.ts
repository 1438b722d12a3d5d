// Reads names out of a school's CSV export. MIS exports (SIMS, Arbor, Bromcom,
// Google Sheets) name their columns differently, so columns are found by their
// header, and the tool says which ones it used. The options page's roster
// import and the admin tool (scripts/policy.ts) both read rosters with it.

import { nameKey } from '../lib/names/name-key';
import { formatName, isParticle, nameFormSet, NEVER_ALONE_GIVEN, type NameParts } from '../lib/names/name-parts';
import { parseCsv, type CsvRecord } from './csv';

export interface NameColumns {
  first?: number;
  /** A second first-name column: a pupil known by a preferred name is matched by both. */
  preferredFirst?: number;
  last?: number;
  full?: number;
  title?: number;
  headers: string[];
}

export interface RowProblem {
  line: number;
  problem: string;
}

export interface NamesFromCsv {
  names: string[];
  /** How the columns were read, for the person running the tool. */
  columnsUsed: string;
  problems: RowProblem[];
}

/** A row whose name repeats an earlier row's (two pupils can share a name; the name is stored once and matches both). */
export interface DuplicateRow {
  line: number;
  sameAs: number;
}

export interface PupilsFromCsv extends NamesFromCsv {
  /** Rows read as pupils (skipped rows are not counted). */
  pupils: number;
  /** Preferred or known-as first names that differ from the legal one, each matched as well. */
  preferredNames: number;
  /** Rows whose name is already on the roster, by line. */
  duplicates: DuplicateRow[];
  /** Rows kept, but only partly matchable, or read in a way the admin should check. Never repeats the name. */
  notes: RowProblem[];
  /** With a group column (e.g. "Year"): the names of each group, for a roster per organisational unit. */
  groups?: Map<string, string[]>;
  /** The group column's header, as written. */
  groupColumn?: string;
}

export class RosterError extends Error {}

const simplify = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

const FIRST = ['first', 'firstname', 'forename', 'forenames', 'givenname', 'givennames', 'given', 'legalforename', 'legalfirstname'];
const PREFERRED_FIRST = ['preferredforename', 'preferredfirstname', 'preferredname', 'knownas', 'chosenname'];
const LAST = ['last', 'lastname', 'surname', 'familyname', 'family', 'legalsurname', 'legallastname', 'preferredsurname'];
const FULL = ['name', 'fullname', 'pupil', 'pupilname', 'student', 'studentname', 'displayname', 'staff', 'staffname', 'learner', 'learnername'];
const TITLE = ['title', 'salutation', 'honorific'];

function findColumn(simple: string[], wanted: string[]): number | undefined {
  // The first wanted spelling wins, so "Legal Forename" loses to "Forename" when both exist.
  for (const spelling of wanted) {
    const index = simple.indexOf(spelling);
    if (index >= 0) return index;
  }
  return undefined;
}

export function detectColumns(headers: string[]): NameColumns {
  const simple = headers.map(simplify);
  return {
    first: findColumn(simple, FIRST),
    preferredFirst: findColumn(simple, PREFERRED_FIRST),
    last: findColumn(simple, LAST),
    full: findColumn(simple, FULL),
    title: findColumn(simple, TITLE),
    headers,
  };
}

const quoted = (header: string) => `“${header.trim()}”`;

// Digits, @ or brackets mean the wrong column (a form group, an email, a UPN), not a name.
const NOT_A_NAME = /[0-9@<>{}[\]\\/|#=_]/;

function nameProblem(part: string, what: string): string | undefined {
  if (part === '') return `${what} is empty`;
  if (NOT_A_NAME.test(part)) return `${what} has digits or symbols, so it does not look like a name`;
  if (part.length > 100) return `${what} is too long to be a name`;
  return undefined;
}

/** "Okoro, Tamsin" (surname first, as SIMS writes it) becomes "Tamsin Okoro". */
function fromFullField(raw: string): string {
  const parts = raw.split(',');
  if (parts.length === 2 && parts[0].trim() && parts[1].trim()) return `${parts[1].trim()} ${parts[0].trim()}`;
  return raw.trim().replace(/\s+/g, ' ');
}

function recordsOf(csvText: string, fileLabel: string): CsvRecord[] {
  const records = parseCsv(csvText);
  if (records.length === 0) throw new RosterError(`${fileLabel} is empty.`);
  return records;
}

/** A known-as name in brackets, as some exports write it: "Robert (Bobby)". */
const BRACKETED = /\s*[([]([^)\]]+)[)\]]\s*/;

/** A split name, or what stops it being used. */
function partsOf(givenText: string, surnameText: string): NameParts {
  const words = (text: string) => text.split(/\s+/).filter((word) => nameKey(word).length > 0);
  return { given: words(givenText), surname: words(surnameText) };
}

/** Words of a name the matcher cannot read in full (see lib/names/pupils.ts), so the admin can check them. */
function nameNotes(parts: NameParts): string[] {
  const notes: string[] = [];
  if (nameFormSet(parts).fullNames.length === 0) {
    notes.push('the first name cannot stand on its own or with the surname, so this name will not be matched; put the name the pupil uses in a Preferred forename column');
    return notes;
  }
  const firstKey = nameKey(parts.given[0]);
  if (/^[a-z]$/.test(firstKey)) notes.push('the first name is a single letter, so only the full name is matched, never the first name alone');
  if (parts.given.length > 2) notes.push('the first name has more than two words; the first word, and all of them together, are matched, but not every other combination');
  if (parts.surname.length > 3) notes.push('the surname has more than three words; shorter forms of it are matched, but not all of it written out with spaces');
  if (NEVER_ALONE_GIVEN.has(firstKey) && parts.given.length > 1) {
    notes.push('the first word of the first name is never matched alone (it is a middle word in Vietnamese names); put the name the pupil uses in a Preferred forename column if it is the second word');
  }
  if (/[^\p{Script=Latin}\p{M}\s'’‘`´.\-‐‑]/u.test([...parts.given, ...parts.surname].join(' '))) {
    notes.push('the name is not written in the Latin alphabet, so it is matched only when a post writes it the same way; add a Latin spelling in a Preferred forename column if pupils use one');
  }
  return notes;
}

/**
 * Pupils' names as the roster holds them: "First Last", or "Surname, First"
 * where the split is not simply the last word (see formatName). One entry per
 * distinct name, with preferred first names as entries of their own. A row
 * with a problem is reported by line number and skipped; a row that repeats a
 * name, or that can only be partly matched, is reported and kept. Reports
 * never repeat the name, so they are safe to paste into a help request.
 */
export function pupilNamesFromCsv(csvText: string, fileLabel = 'The roster', options: { groupBy?: string } = {}): PupilsFromCsv {
  const [header, ...rows] = recordsOf(csvText, fileLabel);
  const columns = detectColumns(header.fields);
  let groupIndex: number | undefined;
  if (options.groupBy !== undefined) {
    groupIndex = header.fields.findIndex((field) => simplify(field) === simplify(options.groupBy!));
    if (groupIndex < 0) {
      throw new RosterError(`${fileLabel} has no column called “${options.groupBy}” to split the roster by (found: ${header.fields.map(quoted).join(', ')}).`);
    }
  }
  const groups = groupIndex === undefined ? undefined : new Map<string, string[]>();
  const problems: RowProblem[] = [];
  const notes: RowProblem[] = [];
  const duplicates: DuplicateRow[] = [];
  const names: string[] = [];
  let pupils = 0;
  let preferredNames = 0;
  const byParts = columns.first !== undefined && columns.last !== undefined;
  if (!byParts && columns.full === undefined) {
    throw new RosterError(
      `${fileLabel} has no name columns I recognise. Its first line should name them, e.g. "Forename,Surname" or "Full name" (found: ${header.fields.map(quoted).join(', ') || 'nothing'}).`,
    );
  }
  const columnsUsed = byParts
    ? [columns.first!, ...(columns.preferredFirst !== undefined ? [columns.preferredFirst] : []), columns.last!]
        .map((index) => quoted(header.fields[index]))
        .join(' + ')
    : `${quoted(header.fields[columns.full!])} (the last word, with any “de”, “van”, “Ní”… before it, is the surname; “Surname, Forename” with a comma also works)`;

  const seen = new Set<string>();
  const identity = (parts: NameParts) => [...parts.given, '|', ...parts.surname].map(nameKey).join(' ');
  /** Adds a name once; false when it is already on the roster. */
  const add = (parts: NameParts): boolean => {
    const id = identity(parts);
    if (seen.has(id)) return false;
    seen.add(id);
    names.push(formatName(parts));
    return true;
  };
  const lineOfLegalName = new Map<string, number>();

  for (const { line, fields } of rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim().replace(/\s+/g, ' '));
    let legal: NameParts;
    const preferredFirsts: string[] = [];
    // "Robert (Bobby)": the bracketed name is the one the pupil goes by.
    const withoutBrackets = (text: string) => {
      const bracketed = BRACKETED.exec(text);
      if (!bracketed) return text;
      preferredFirsts.push(bracketed[1].trim());
      return text.replace(BRACKETED, ' ').trim();
    };
    if (byParts) {
      const first = withoutBrackets(cell(columns.first));
      const last = cell(columns.last);
      const problem = nameProblem(first, 'the first name') ?? nameProblem(last, 'the surname');
      if (problem) {
        problems.push({ line, problem });
        continue;
      }
      legal = partsOf(first, last);
      const preferred = cell(columns.preferredFirst);
      if (preferred) preferredFirsts.push(preferred);
    } else {
      const raw = withoutBrackets(cell(columns.full));
      const problem = nameProblem(raw, 'the name');
      if (problem) {
        problems.push({ line, problem });
        continue;
      }
      const comma = raw.indexOf(',');
      const split = comma > 0 ? partsOf(raw.slice(comma + 1), raw.slice(0, comma)) : parsedFull(raw);
      if (!split || split.surname.length === 0 || split.given.length === 0) {
        problems.push({ line, problem: 'the name has no surname' });
        continue;
      }
      legal = split;
      if (comma <= 0 && split.given.length > 1 && split.surname.length === 1) {
        notes.push({ line, problem: 'the name has more than two words in one column, so its last word was read as the surname and the rest as first names; if the surname has more than one word, give separate Forename and Surname columns' });
      }
    }
    pupils++;
    for (const note of nameNotes(legal)) notes.push({ line, problem: note });
    const rowNames = [legal, ...preferredFirsts.filter((p) => !nameProblem(p, '')).map((p) => ({ given: partsOf(p, '').given, surname: legal.surname }))];
    if (groups) {
      const group = cell(groupIndex).trim();
      if (!group) notes.push({ line, problem: `the “${header.fields[groupIndex!].trim()}” column is empty, so this pupil is only in the whole-school files` });
      else {
        const list = groups.get(group) ?? [];
        for (const parts of rowNames) {
          const written = formatName(parts);
          if (!list.includes(written)) list.push(written);
        }
        groups.set(group, list);
      }
    }
    const id = identity(legal);
    const earlier = lineOfLegalName.get(id);
    if (earlier !== undefined) duplicates.push({ line, sameAs: earlier });
    else lineOfLegalName.set(id, line);
    add(legal);
    for (const preferred of new Set(preferredFirsts)) {
      if (nameProblem(preferred, 'the preferred name')) {
        notes.push({ line, problem: 'the preferred name has digits or symbols, so only the legal name is matched' });
        continue;
      }
      if (nameKey(preferred.replace(/\s+/g, '')) === legal.given.map(nameKey).join('')) continue;
      if (add({ given: partsOf(preferred, '').given, surname: legal.surname })) preferredNames++;
    }
  }
  return {
    names,
    columnsUsed,
    problems,
    pupils,
    preferredNames,
    duplicates,
    notes,
    ...(groups ? { groups, groupColumn: header.fields[groupIndex!].trim() } : {}),
  };
}

function parsedFull(raw: string): NameParts | undefined {
  const words = raw.split(' ').filter((word) => nameKey(word).length > 0);
  if (words.length < 2) return undefined;
  // The same reading as the engine's (parseName): the last word, and particles before it.
  let start = words.length - 1;
  while (start > 1 && isParticle(nameKey(words[start - 1]))) start--;
  return { given: words.slice(0, start), surname: words.slice(start) };
}

/**
 * Staff names as pupils write them: "Mr Okafor" when there is a title column,
 * and "Grace Okafor" when there are first names too.
 */
export function staffNamesFromCsv(csvText: string, fileLabel = 'The staff list'): NamesFromCsv {
  const [header, ...rows] = recordsOf(csvText, fileLabel);
  const columns = detectColumns(header.fields);
  const problems: RowProblem[] = [];
  const names = new Set<string>();
  const hasLast = columns.last !== undefined;
  if (!hasLast && columns.full === undefined) {
    throw new RosterError(
      `${fileLabel} has no name columns I recognise. Its first line should name them, e.g. "Title,Forename,Surname" or "Name" (found: ${header.fields.map(quoted).join(', ') || 'nothing'}).`,
    );
  }
  const usedIndexes = hasLast ? [columns.title, columns.first, columns.last].filter((index) => index !== undefined) : [columns.full!];
  const columnsUsed = usedIndexes.map((index) => quoted(header.fields[index!])).join(' + ');

  for (const { line, fields } of rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim());
    if (hasLast) {
      const last = cell(columns.last);
      const problem = nameProblem(last, 'the surname');
      if (problem) {
        problems.push({ line, problem });
        continue;
      }
      const title = cell(columns.title);
      const first = cell(columns.first);
      if (title && !NOT_A_NAME.test(title)) names.add(`${title} ${last}`);
      if (first && !NOT_A_NAME.test(first)) names.add(`${first} ${last}`);
      if (!title && !first) problems.push({ line, problem: 'there is neither a title nor a first name' });
    } else {
      const full = fromFullField(cell(columns.full));
      const problem = nameProblem(full, 'the name');
      if (problem) problems.push({ line, problem });
      else names.add(full);
    }
  }
  return { names: [...names], columnsUsed, problems };
}
