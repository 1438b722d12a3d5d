import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../settings/csv';
import { detectColumns, pupilNamesFromCsv, RosterError, staffNamesFromCsv } from '../../settings/roster-csv';

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
    expect(result.columnsUsed).toMatch(/^“Name” \(the last word, with any “de”, “van”, “Ní”… before it, is the surname/);
    expect(result.problems).toEqual([{ line: 4, problem: 'the name has no surname' }]);
    expect(result.notes.map((n) => n.line)).toEqual([3]);
  });

  it('keeps multi-word surnames and given names whole, writing "Surname, Given" where the last word alone would split them wrongly', () => {
    const csv = ['Forename,Surname', 'Siobhán,Ní Bhriain', 'Lucía,García Márquez', 'Thi Hoa,Nguyen', 'Daan,van der Berg', 'Tom,Lloyd-Davies'].join('\n');
    expect(pupilNamesFromCsv(csv).names).toEqual(['Siobhán Ní Bhriain', 'García Márquez, Lucía', 'Thi Hoa Nguyen', 'Daan van der Berg', 'Tom Lloyd-Davies']);
    const full = pupilNamesFromCsv('Full name\nMaría José de la Cruz\n"Kaur Sandhu, Harpreet"\n');
    expect(full.names).toEqual(['María José de la Cruz', 'Kaur Sandhu, Harpreet']);
    expect(full.notes).toEqual([]);
  });

  it('counts pupils, preferred names and duplicates separately, naming duplicate rows by line', () => {
    const csv = [
      'Forename,Preferred forename,Surname',
      'Alexander,Sasha,Petrov', // 2: a preferred name
      'Mohammed,,Khan', // 3
      'Mohammed,,Khan', // 4: the same name as line 3 (two pupils can share one)
      'Robert (Bobby),,Smith', // 5: a known-as name in brackets
      'Jayden,Jayden,Whitlock', // 6: a preferred name that is the same is not another name
      'Alexander,Sasha,Petrov', // 7: the same as line 2
    ].join('\n');
    const result = pupilNamesFromCsv(csv);
    expect(result.pupils).toBe(6);
    expect(result.preferredNames).toBe(2);
    expect(result.duplicates).toEqual([
      { line: 4, sameAs: 3 },
      { line: 7, sameAs: 2 },
    ]);
    expect(result.names).toEqual(['Alexander Petrov', 'Sasha Petrov', 'Mohammed Khan', 'Robert Smith', 'Bobby Smith', 'Jayden Whitlock']);
  });

  it('reports rows it can only partly match, by line and without the name, and keeps them', () => {
    const csv = ['Forename,Surname', 'J,Smith', 'Thi,Nguyen', 'Thi Hoa,Nguyen', '王,伟', 'Tamsin,Okoro'].join('\n');
    const result = pupilNamesFromCsv(csv);
    expect(result.pupils).toBe(5);
    expect(result.notes).toEqual([
      { line: 2, problem: expect.stringMatching(/single letter/) },
      { line: 3, problem: expect.stringMatching(/will not be matched/) },
      { line: 4, problem: expect.stringMatching(/never matched alone/) },
      { line: 5, problem: expect.stringMatching(/not written in the Latin alphabet/) },
    ]);
    expect(JSON.stringify(result.notes)).not.toMatch(/Smith|Nguyen|Thi|王/);
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
