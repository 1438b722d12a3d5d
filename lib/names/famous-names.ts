// Famous people, characters, bands and brands whose full name a pupil may
// share ("Harry Kane", "Tom Holland", "Destiny's Child"). Written in full, such
// a name is about the famous one unless the post is about school, so the
// pupil matcher asks here before it counts a name (rules/lexicon/famous-names.json).

import famous from '../../rules/lexicon/famous-names.json';
import type { Token } from '../text/tokens';
import { nameKey } from './name-key';

/** The longest famous name, in words: a span is never searched further back than this. */
const MAX_WORDS = 5;

/** Each famous name as name keys ("destiny's child" → destinys, child), by its first key. */
const BY_FIRST_KEY = new Map<string, string[][]>();
for (const name of famous.names) {
  const keys = name.split(/\s+/).map(nameKey).filter((k) => k.length > 0);
  if (keys.length < 2 || keys.length > MAX_WORDS) continue;
  const list = BY_FIRST_KEY.get(keys[0]);
  if (list) list.push(keys);
  else BY_FIRST_KEY.set(keys[0], [keys]);
}
// Longest first, so "martin luther king" wins over a shorter name with the same start.
for (const list of BY_FIRST_KEY.values()) list.sort((a, b) => b.length - a.length);

/** A written word as a famous name's key: "Daniel's" is "daniels", as "jack daniels" is listed. */
function wordMatches(token: Token, key: string): boolean {
  return token.kind === 'word' && (token.key === key || (token.possessive && `${token.key}s` === key));
}

/** Tokens a and a + 1 are written as one phrase: same sentence, nothing but a space between. */
function joined(tokens: readonly Token[], a: number): boolean {
  const next = tokens[a + 1];
  return !!next && next.sentence === tokens[a].sentence && !/[,;:!?()"“”/|&+.]/.test(tokens[a].after);
}

/** How many tokens from `start` spell a famous name, or 0. */
function famousNameAt(tokens: readonly Token[], start: number): number {
  const candidates = BY_FIRST_KEY.get(tokens[start].key) ?? BY_FIRST_KEY.get(tokens[start].possessive ? `${tokens[start].key}s` : '');
  if (!candidates) return 0;
  for (const keys of candidates) {
    let k = 0;
    while (k < keys.length && start + k < tokens.length && wordMatches(tokens[start + k], keys[k]) && (k === keys.length - 1 || joined(tokens, start + k))) k++;
    if (k === keys.length) return k;
  }
  return 0;
}

/** The famous name that token i is part of, as a token range, if any. */
export function famousNameAround(tokens: readonly Token[], i: number): { firstToken: number; lastToken: number } | undefined {
  for (let start = Math.max(0, i - MAX_WORDS + 1); start <= i; start++) {
    const length = famousNameAt(tokens, start);
    if (length > 0 && start + length > i) return { firstToken: start, lastToken: start + length - 1 };
  }
  return undefined;
}

/** How many famous names the post holds (a short post about a fight names both boxers). */
export function famousNamesIn(tokens: readonly Token[]): number {
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const length = famousNameAt(tokens, i);
    if (length > 0) {
      count++;
      i += length - 1;
    }
  }
  return count;
}
