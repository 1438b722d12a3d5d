// Reads names out of a school's CSV export. MIS exports (SIMS, Arbor, Bromcom,
// Google Sheets) name their columns differently, so columns are found by their
// header, and the tool says which ones it used.

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

/**
 * Pupils' names as "First Last" (one entry per first-name spelling). A row with
 * a problem is reported by line number and skipped; the problem never repeats
 * the name, so the report is safe to paste into a help request.
 */
export function pupilNamesFromCsv(csvText: string, fileLabel = 'The roster'): NamesFromCsv {
  const [header, ...rows] = recordsOf(csvText, fileLabel);
  const columns = detectColumns(header.fields);
  const problems: RowProblem[] = [];
  const names: string[] = [];
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
    : `${quoted(header.fields[columns.full!])} (first word and last word)`;

  for (const { line, fields } of rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim());
    if (byParts) {
      const last = cell(columns.last);
      const firsts = [cell(columns.first), cell(columns.preferredFirst)].filter((first, index) => index === 0 || first !== '');
      const problem = nameProblem(firsts[0], 'the first name') ?? nameProblem(last, 'the surname');
      if (problem) {
        problems.push({ line, problem });
        continue;
      }
      for (const first of new Set(firsts)) {
        if (nameProblem(first, 'the preferred name')) continue;
        names.push(`${first} ${last}`.replace(/\s+/g, ' '));
      }
    } else {
      const full = fromFullField(cell(columns.full));
      const problem = nameProblem(full, 'the name');
      if (problem) problems.push({ line, problem });
      else if (full.split(' ').length < 2) problems.push({ line, problem: 'the name has no surname' });
      else names.push(full);
    }
  }
  return { names, columnsUsed, problems };
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
