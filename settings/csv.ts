// A small RFC 4180 reader: quoted fields (with commas, doubled quotes and line
// breaks inside), a UTF-8 byte-order mark, and CRLF, LF or CR line ends, as
// Excel and school MIS exports write them. It keeps the line each record
// starts on so that problems can be reported by line number. The roster
// import (./roster-csv.ts) is built on it; the eval and bench scripts use it too.

export interface CsvRecord {
  /** 1-based line in the file where this record starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedLine = 0;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    // Blank lines carry nothing; spreadsheets often leave some at the end.
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < source.length) {
    const char = source[i];
    if (inQuotes) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      inQuotes = true;
      quotedLine = line;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && source[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else {
      field += char;
    }
    i++;
  }
  if (inQuotes) throw new CsvError(`line ${quotedLine}: a quoted field is never closed (a " is missing)`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

// Some UK exports use semicolons or tabs; pick whichever appears most in the header line.
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const counts = [',', ';', '\t'].map((candidate) => ({ candidate, count: header.split(candidate).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].candidate : ',';
}
