// Tests build small rules from bare pattern sources: each becomes an entry
// numbered from 1 ("rule#1"), with a placeholder example and note, as the
// engine never reads those (the examples test and lint do, on rules/).
import type { PatternEntry } from '../../lib/rules/types';

export function patternEntries(...sources: string[]): PatternEntry[] {
  return sources.map((pattern, k) => ({ id: String(k + 1), pattern, examples: ['(not checked here)'], note: 'A test pattern.' }));
}

export function phraseEntries(first: number, ...phrases: string[]): PatternEntry[] {
  return phrases.map((phrase, k) => ({ id: String(first + k), phrase, examples: ['(not checked here)'], note: 'A test phrase.' }));
}
