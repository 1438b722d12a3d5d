// Words, hashtags and handles of a normalised draft, with their offsets, and
// the sentences they sit in. Everything downstream (name lookups, the rules
// prefilter) works on these, so the text is scanned once.

import { nameKey } from '../names/name-key';

export type TokenKind = 'word' | 'hashtag' | 'handle';

export interface Token {
  kind: TokenKind;
  /** The token as written (after normalisation), without # or @ and without a possessive 's. */
  text: string;
  /** Lower case of `text`. */
  lower: string;
  /** `nameKey(text)`: how names are compared and hashed. */
  key: string;
  /** Offsets into the normalised text, covering the whole token as written (with #/@ and 's). */
  start: number;
  end: number;
  /** The word had a possessive ending ("Amelia's"). */
  possessive: boolean;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** For handles and hashtags, the parts split at . _ - and camelCase ("@may.fletcher_" → may, fletcher). */
  parts: string[];
  /** Punctuation right after the token, before the next one (",", "!", ". "…). */
  after: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of its first token, and one past its last. */
  firstToken: number;
  endToken: number;
}

// A word may carry inner apostrophes and hyphens ("don't", "Ji-woo"); a handle
// or hashtag may also carry dots and underscores.
const TOKEN = /([#@]?)([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+|[-‐][\p{L}\p{M}\p{N}]+|[._][\p{L}\p{M}\p{N}]+)*_*)/gu;
const SENTENCE_BREAK = /[.!?…]+(?=\s|$)|\n+|[!?]+/g;
const POSSESSIVE = /['’]s$|s['’]$/i;

function splitParts(body: string): string[] {
  return body
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[._\-\s]+/)
    .filter((p) => p.length > 0);
}

/** Titles: the name that follows belongs to the same sentence whatever its case ("Mr. Okafor"). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'sgt', 'capt']);
/** Abbreviations that are usually followed by more of the same sentence. */
const ABBREVIATIONS = new Set(['etc', 'vs', 'v', 'eg', 'e.g', 'ie', 'i.e', 'approx', 'incl', 'esp', 'fig', 'no', 'ca', 'cf', 'al']);

const TEXT_SPEAK_LETTERS = new Set(['i', 'a', 'u', 'r', 'y', 'k', 'n', 'c', 'x']);

/** The word (letters, digits and inner dots) ending at `end`, lower case. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, end).toLowerCase();
}

/**
 * Does the "." ending at `index` (exclusive) close an abbreviation rather than
 * a sentence? Only after a title, a known abbreviation, an initial or a dotted
 * acronym, and (except after a title) only when a lower-case word follows:
 * "that's it. they are vile" is two sentences, so frames do not leak across them.
 */
function isAbbreviationDot(text: string, index: number): boolean {
  const word = wordBefore(text, index - 1);
  if (word.length === 0) return false;
  if (TITLES.has(word)) return true;
  if (!/^\s*[a-z]/.test(text.slice(index, index + 3))) return false;
  // A single letter is an initial ("Jack H."), unless it is text-speak ("love u. see ya").
  return ABBREVIATIONS.has(word) || (/^\p{L}$/u.test(word) && !TEXT_SPEAK_LETTERS.has(word)) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

export function sentenceBounds(text: string): Array<{ start: number; end: number }> {
  const bounds: Array<{ start: number; end: number }> = [];
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && isAbbreviationDot(text, end)) continue;
    if (end > start) bounds.push({ start, end });
    start = end;
  }
  if (start < text.length) bounds.push({ start, end: text.length });
  return bounds;
}

export function tokenise(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const bounds = sentenceBounds(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = bounds.map((b) => ({ ...b, firstToken: 0, endToken: 0 }));
  let sentenceIndex = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const sigil = m[1];
    let body = m[2];
    const start = m.index;
    const end = start + m[0].length;
    while (sentenceIndex < bounds.length - 1 && start >= bounds[sentenceIndex].end) sentenceIndex++;
    const possessive = sigil === '' && POSSESSIVE.test(body) && body.length > 3;
    if (possessive) body = body.replace(/['’]s$/i, '').replace(/['’]$/, '');
    const trailing = body.match(/_+$/);
    if (trailing && sigil === '') body = body.slice(0, -trailing[0].length);
    const kind: TokenKind = sigil === '#' ? 'hashtag' : sigil === '@' ? 'handle' : 'word';
    const afterMatch = /^[^\p{L}\p{M}\p{N}#@]*/u.exec(text.slice(end, end + 8));
    tokens.push({
      kind,
      text: body,
      lower: body.toLowerCase(),
      // nameKey only changes plain ASCII letters and digits by lower-casing them, and is slow (NFKD) on every word.
      key: /^[A-Za-z0-9]*$/.test(body) ? body.toLowerCase() : nameKey(body),
      start,
      end,
      possessive,
      sentence: sentenceIndex,
      parts: kind === 'word' ? [body] : splitParts(body),
      after: afterMatch ? afterMatch[0] : '',
    });
  }
  let t = 0;
  sentences.forEach((s, index) => {
    s.firstToken = t;
    while (t < tokens.length && tokens[t].sentence === index) t++;
    s.endToken = t;
  });
  return { tokens, sentences };
}
