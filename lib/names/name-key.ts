// How a name token is written down before it is compared or hashed. The engine,
// the options page and the admin tool must all agree on this, or a hashed
// roster would never match: change it only with a new HashedRoster version.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const IGNORED_IN_NAMES = /['’‘`´\-‐‑.]/g;

/**
 * "Wiśniewski" → "wisniewski", "O'Sullivan" → "osullivan", "Ji-woo" → "jiwoo".
 * Diacritics are dropped because pupils often type names without them.
 */
export function nameKey(token: string): string {
  return token
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(IGNORED_IN_NAMES, '')
    .toLowerCase()
    // Special letters NFKD leaves alone but people type as plain Latin.
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ı/g, 'i') // Turkish dotless i: "Yılmaz" is typed "Yilmaz"
    .replace(/þ/g, 'th')
    .replace(/ð/g, 'd');
}

/** Splits "First Middle Last" into name keys; empty parts are dropped. */
export function nameKeys(fullName: string): string[] {
  return fullName
    .trim()
    .split(/\s+/)
    .map(nameKey)
    .filter((part) => part.length > 0);
}
