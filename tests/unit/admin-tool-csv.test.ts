import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../scripts/lib/csv';
import { detectColumns, pupilNamesFromCsv, RosterError, staffNamesFromCsv } from '../../scripts/lib/roster-csv';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, and keeps each record’s line', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,row';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'z'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('accepts LF and lone CR line ends, and semicolons or tabs from other exports', () => {
    expect(parseCsv('a;b\nc;d\n').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a\tb\rc\td').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('says which line a never-closed quote starts on', () => {
    expect(() => parseCsv('a,b\nok,row\n"broken,row\nmore')).toThrow(new CsvError('line 3: a quoted field is never closed (a " is missing)'));
  });
});

describe('detectColumns', () => {
  it('recognises the usual MIS spellings', () => {
    expect(detectColumns(['UPN', 'Legal Forename', 'Preferred forename', 'Legal Surname', 'Reg'])).toMatchObject({
      first: 1,
      preferredFirst: 2,
      last: 3,
    });
    expect(detectColumns(['Given name', 'Family name'])).toMatchObject({ first: 0, last: 1 });
    expect(detectColumns(['Pupil Name', 'Year'])).toMatchObject({ full: 0, first: undefined });
  });
});

describe('pupilNamesFromCsv', () => {
  it('joins first name and surname, adds a preferred first name, and reports bad rows by line without the name', () => {
    const csv = [
      'Forename,Preferred forename,Surname,Form',
      'Tamsin,,Okoro,7B',
      'Alexander,Sasha,Petrov,7C',
      'Jo,,,8A',
      '7B,,Khan,9A',
      'Mia,,Hughes,9A',
    ].join('\n');
    const result = pupilNamesFromCsv(csv);
    expect(result.names).toEqual(['Tamsin Okoro', 'Alexander Petrov', 'Sasha Petrov', 'Mia Hughes']);
    expect(result.columnsUsed).toBe('“Forename” + “Preferred forename” + “Surname”');
    expect(result.problems).toEqual([
      { line: 4, problem: 'the surname is empty' },
      { line: 5, problem: 'the first name has digits or symbols, so it does not look like a name' },
    ]);
    expect(JSON.stringify(result.problems)).not.toMatch(/Jo|Khan/);
  });

  it('reads a full-name column, including "Surname, Forename" as SIMS writes it', () => {
    const result = pupilNamesFromCsv('Name,Year\n"Okoro, Tamsin",7\nZoë Anne O\'Neill,8\nCher,9\n');
    expect(result.names).toEqual(['Tamsin Okoro', "Zoë Anne O'Neill"]);
    expect(result.columnsUsed).toBe('“Name” (first word and last word)');
    expect(result.problems).toEqual([{ line: 4, problem: 'the name has no surname' }]);
  });

  it('refuses a file without name columns or without any lines', () => {
    expect(() => pupilNamesFromCsv('UPN,Form\nA123,7B\n')).toThrow(RosterError);
    expect(() => pupilNamesFromCsv('UPN,Form\nA123,7B\n')).toThrow(/found: “UPN”, “Form”/);
    expect(() => pupilNamesFromCsv('\uFEFF\r\n')).toThrow(/is empty/);
  });
});

describe('staffNamesFromCsv', () => {
  it('writes staff as pupils do: title and surname, and first name and surname', () => {
    const result = staffNamesFromCsv('Title,Forename,Surname\nMr,Daniel,Okafor\nMs,,Patel\n,,Nobody\n');
    expect(result.names).toEqual(['Mr Okafor', 'Daniel Okafor', 'Ms Patel']);
    expect(result.problems).toEqual([{ line: 4, problem: 'there is neither a title nor a first name' }]);
  });
});
