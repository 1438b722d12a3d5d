// Runs a parsed compromise pattern over a parsed window, trying it only at the
// words where it can start.
//
// compromise's own match loop tries a pattern at every word of a sentence,
// copying the rest of the sentence and setting up its state each time, and
// testing every alternative of the pattern's first group there. Most of our
// patterns start with a group of plain words or lexicon tags, so one set
// lookup per word says where a match can start; compromise then runs the
// pattern, anchored, at those words only. The answers are the same as
// doc.match's (same matcher, same order, same skipping over a match), at about
// half the cost on a long post; patterns this cannot read are left to
// compromise's own loop.
//
// This leans on compromise internals (methods.one.match and the shape of its
// parsed patterns and terms); the version is pinned, and the engine's tests
// compare whole findings, so a change there shows at once.

import { compromiseMatch, type MatchTerm, type ParsedWindow, type PatternReg } from '../text/compromise';

export type { MatchTerm, ParsedWindow };

/** Where a pattern can start: a word or tag its first term needs, or anywhere. */
interface StartTest {
  words: Set<string>;
  tags: string[];
}

interface CompiledPattern {
  regs: PatternReg[];
  /** undefined: no cheap start test, so compromise's own loop runs it. */
  start?: StartTest;
  /** The same pattern with its first term anchored, run at each possible start. */
  anchored: PatternReg[];
  /** compromise's own bound: a match needs at least this many words. */
  minLength: number;
}

const compiled = new WeakMap<object, CompiledPattern>();

/**
 * Adds the words and tags a term could match on to `into`. False when the
 * term can match in some other way (a wildcard, a negation, a regex, an
 * anchor…), so no start test is possible. `inChoice`: compromise tests the
 * first term of a group's alternative without its optional flag.
 */
function collectStart(reg: PatternReg, into: StartTest, inChoice: boolean): boolean {
  if ((!inChoice && reg.optional) || reg.negative || reg.anything || reg.start || reg.end || reg.use || reg.fuzzy || reg.id !== undefined) return false;
  if (reg.word !== undefined) {
    into.words.add(reg.word);
    return true;
  }
  if (reg.tag !== undefined) {
    into.tags.push(reg.tag);
    return true;
  }
  if (reg.fastOr !== undefined) {
    for (const word of reg.fastOr) into.words.add(word);
    return true;
  }
  if (reg.choices !== undefined && reg.operator === 'or') {
    return reg.choices.every((choice) => Array.isArray(choice) && choice.length > 0 && collectStart(choice[0], into, true));
  }
  return false;
}

/** Does a pattern use ^ or $ anywhere? Anchoring it at a start would change what they mean. */
function usesAnchors(regs: readonly PatternReg[]): boolean {
  return regs.some((reg) => reg.start === true || reg.end === true || (reg.choices ?? []).some((choice) => Array.isArray(choice) && usesAnchors(choice)));
}

function compile(regs: PatternReg[]): CompiledPattern {
  let found = compiled.get(regs);
  if (found) return found;
  const start: StartTest = { words: new Set(), tags: [] };
  const usable = regs.length > 0 && !usesAnchors(regs) && collectStart(regs[0], start, false);
  found = {
    regs,
    start: usable ? start : undefined,
    anchored: usable ? [{ ...regs[0], start: true }, ...regs.slice(1)] : regs,
    minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length,
  };
  compiled.set(regs, found);
  return found;
}

/** Could this term be the first word of a match? (Never false when compromise would say yes.) */
function canStart(term: MatchTerm, test: StartTest): boolean {
  const { words, tags } = test;
  if (words.has(term.normal) || words.has(term.text)) return true;
  if (term.machine && words.has(term.machine)) return true;
  if (term.implicit && words.has(term.implicit)) return true;
  if (term.root && words.has(term.root)) return true;
  if (term.alias) for (const alias of term.alias) if (words.has(alias)) return true;
  for (const tag of tags) if (term.tags.has(tag)) return true;
  return false;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) return true;
  return false;
}

/** compromise's quick test that a sentence lacks a word or tag the pattern needs. */
function sentenceLacks(regs: readonly PatternReg[], cache: Set<string> | undefined): boolean {
  if (!cache) return false;
  for (const reg of regs) {
    if (reg.optional === true || reg.negative === true || reg.fuzzy === true) continue;
    if (reg.word !== undefined && !cache.has(reg.word)) return true;
    if (reg.tag !== undefined && !cache.has(`#${reg.tag}`)) return true;
    if (reg.fastOr !== undefined && !intersects(reg.fastOr, cache)) return true;
  }
  return false;
}

/**
 * Every match of a parsed pattern in a parsed window, as the terms it
 * covers, in the order doc.match gives them. `justOne` stops at the first.
 */
export function matchTerms(window: ParsedWindow, pattern: unknown, justOne = false): MatchTerm[][] {
  const { regs, start, anchored, minLength } = compile(pattern as PatternReg[]);
  const docs = window.docs;
  const found: MatchTerm[][] = [];
  if (!start) {
    for (const [n, from, to] of compromiseMatch(docs, { regs, justOne }, window._cache).ptrs) found.push(docs[n].slice(from, to));
    return found;
  }
  for (let n = 0; n < docs.length; n++) {
    const terms = docs[n];
    if (sentenceLacks(regs, window._cache?.[n])) continue;
    for (let i = 0; i < terms.length; i++) {
      if (terms.length - i < minLength) break;
      if (!canStart(terms[i], start)) continue;
      const ptr = compromiseMatch([terms.slice(i)], { regs: anchored }).ptrs[0];
      if (!ptr) continue;
      found.push(terms.slice(i + ptr[1], i + ptr[2]));
      if (justOne) return found;
      // Like compromise: the next match starts after this one.
      const end = i + ptr[2];
      if (end - 1 > i) i = end - 1;
    }
  }
  return found;
}
