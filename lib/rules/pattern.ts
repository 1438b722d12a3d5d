// Reads a compromise match pattern, through compromise's own reading of it,
// just far enough to know which words must be present for it to match. The
// prefilter uses this to skip the full parse for the great majority of posts,
// which contain none of them.

import { parseMatchPattern, regsOf, type PatternReg } from '../text/compromise';

export interface PatternTerm {
  /** Alternatives: literal words (lower case) and tags (without #). */
  words: string[];
  tags: string[];
  /**
   * First words and tags of alternatives of several plain words ("it was" in
   * "(it was|its)"): one of these, or of `words`/`tags`, must be there.
   */
  leadWords: string[];
  leadTags: string[];
  /** How far into its alternative a lead word may sit (0 when every lead word comes first). */
  leadOffset: number;
  /** The most words this term can cover (Infinity for `+`, `*` and open repeats). */
  maxWords: number;
  /** True for `.`, `*`, negations, regexes and other terms that say nothing about a word. */
  wildcard: boolean;
  optional: boolean;
}

/** Words so common that requiring one tells the prefilter nothing. */
export const COMMON_WORDS = new Set([
  'a', 'an', 'the', 'i', 'you', 'u', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them', 'my', 'your',
  'ur', 'his', 'our', 'their', 'is', 'are', 'was', 'were', 'be', 'am', 'r', 'to', 'of', 'in', 'on', 'at', 'for',
  'and', 'or', 'but', 'so', 'not', 'no', 'do', 'did', 'does', 'have', 'has', 'had', 'will', 'would', 'can', 'this',
  'that', 'with', 'just', 'all', 'if', 'what', 'who', 'im', "i'm", 'get', 'got', 'go', 'up', 'out', 'like',
]);

/** A word as the prefilter can look it up: letters, digits, apostrophes and hyphens. */
const PLAIN_WORD = /^[\p{L}\p{N}'’-]+$/u;

/** compromise writes an open repeat ("{2,}") as this many. */
const OPEN_REPEAT = 999;

/** A term that says nothing about which word is there: `.`, a negation, a regex, {root}, ~fuzzy~, @method… */
function saysNothingAboutTheWord(reg: PatternReg): boolean {
  return Boolean(reg.anything || reg.negative || reg.regex || reg.root || reg.fuzzy || reg.method || reg.switch || reg.chunk || reg.pos || reg.sense);
}

/** A plain word or tag with no repeat, gap or negation: what an alternative of several words may hold. */
function isPlain(reg: PatternReg): boolean {
  return !saysNothingAboutTheWord(reg) && !reg.choices && !reg.fastOr && !reg.optional && !reg.greedy && reg.min === undefined && reg.max === undefined && (reg.tag !== undefined || reg.word !== undefined);
}

/** How many times a term may repeat (`+`, `*` and `{n,}` have no bound; compromise reads `*` after a term as `+`). */
function repeatsAtMost(reg: PatternReg): number {
  if (reg.max !== undefined) return reg.max >= OPEN_REPEAT ? Infinity : reg.max;
  return reg.greedy ? Infinity : 1;
}

/** The most words one occurrence of a term covers: a group's longest alternative. */
function widthOf(reg: PatternReg): number {
  if (!reg.choices) return 1;
  // A nested repeat inside an alternative: no simple bound.
  if (reg.choices.some((choice) => choice.some((part) => part.greedy || part.choices || (part.max !== undefined && part.max > 1)))) return Infinity;
  return Math.max(1, ...reg.choices.map((choice) => choice.length));
}

/**
 * The pattern's terms as compromise reads them (so the prefilter and the
 * matcher can never disagree about what a pattern says), each with the words
 * and tags one of which must be there.
 */
export function parsePattern(pattern: string): PatternTerm[] {
  return regsOf(parseMatchPattern(pattern)).map((reg) => {
    const optional = reg.optional === true || reg.min === 0;
    const maxWords = repeatsAtMost(reg) * widthOf(reg);
    if (saysNothingAboutTheWord(reg)) return { words: [], tags: [], leadWords: [], leadTags: [], leadOffset: 0, wildcard: true, optional, maxWords };
    const words: string[] = [];
    const tags: string[] = [];
    const leadWords: string[] = [];
    const leadTags: string[] = [];
    let leadOffset = 0;
    let wildcard = false;
    const addWord = (word: string): void => {
      if (PLAIN_WORD.test(word)) words.push(word.toLowerCase());
      else wildcard = true;
    };
    if (reg.tag !== undefined) tags.push(reg.tag);
    if (reg.word !== undefined) addWord(reg.word);
    for (const word of reg.fastOr ?? []) addWord(word);
    for (const choice of reg.choices ?? []) {
      if (choice.length === 1 && isPlain(choice[0])) {
        if (choice[0].tag !== undefined) tags.push(choice[0].tag);
        else addWord(choice[0].word!);
      } else if (choice.every((part) => isPlain(part) && (part.tag !== undefined || PLAIN_WORD.test(part.word!)))) {
        // All of its words must be there, so any one will do: the first that is not an everyday
        // word ("take" of "on the take"), which the prefilter can require rather than merely confirm.
        const at = Math.max(0, choice.findIndex((part) => part.tag === undefined && !COMMON_WORDS.has(part.word!.toLowerCase()) && !CONTRACTION_WORDS.has(part.word!.toLowerCase())));
        leadOffset = Math.max(leadOffset, at);
        if (choice[at].tag !== undefined) leadTags.push(choice[at].tag!);
        else leadWords.push(choice[at].word!.toLowerCase());
      } else wildcard = true;
    }
    return { words, tags, leadWords, leadTags, leadOffset, wildcard, optional, maxWords };
  });
}

export interface Trigger {
  /** Lexicon tags, any one of which satisfies this requirement. */
  tags: string[];
  /** Literal words, any one of which satisfies this requirement. */
  words: string[];
}

/** A term as the prefilter sees it: what one of its alternatives starts with. */
function asTrigger(term: PatternTerm): PatternTerm {
  return { ...term, words: [...term.words, ...term.leadWords], tags: [...term.tags, ...term.leadTags] };
}

/**
 * Words compromise may produce by expanding a contraction ("gonna" → "going to",
 * "won't" → "will not"), so their absence from the raw tokens proves nothing.
 */
const CONTRACTION_WORDS = new Set(['going', 'want', 'got', 'will', 'would', 'not', 'are', 'is', 'am', 'have', 'has', 'had', 'did', 'do', 'let', 'us', 'them', 'you', 'i', 'to', 'of', 'cannot', 'can', 'shall', 'should', 'could', 'must', 'need', 'trying', 'kind', 'out', 'give', 'me', 'what', 'do', 'does', 'dont', 'about', 'because']);

/**
 * What a sentence must contain for a pattern to have any chance: one entry per
 * required term made only of lexicon tags and uncommon literal words. The
 * prefilter tries a pattern only when every entry is satisfied, so "trash"
 * alone does not wake a rule that also needs an identity group. Empty if the
 * pattern has no such term (the rule linter reports that as an error).
 */
export function requirementsOf(pattern: string, lexiconTags: ReadonlySet<string>): Trigger[] {
  return parsePattern(pattern)
    .map(asTrigger)
    .filter((term) => isRequirement(term, lexiconTags))
    .map(({ tags, words }) => ({ tags, words }));
}

/** A term the index can require: lexicon tags and uncommon literal words only. */
function isRequirement(term: PatternTerm, lexiconTags: ReadonlySet<string>): boolean {
  if (term.optional || term.wildcard) return false;
  if (term.tags.some((t) => !lexiconTags.has(t))) return false;
  if (term.words.some((w) => COMMON_WORDS.has(w) || CONTRACTION_WORDS.has(w))) return false;
  return term.tags.length > 0 || term.words.length > 0;
}

/** A required term holding a common word: checked once a pattern is a candidate. */
function isConfirmation(term: PatternTerm, lexiconTags: ReadonlySet<string>): boolean {
  if (term.optional || term.wildcard) return false;
  if (term.tags.some((t) => !lexiconTags.has(t))) return false;
  if (!term.words.some((w) => COMMON_WORDS.has(w) || CONTRACTION_WORDS.has(w))) return false;
  // A word written with an apostrophe may be parsed as two; leave such terms to the parse.
  return !term.words.some((w) => /['’]/.test(w));
}

/**
 * The terms of a pattern the prefilter checks (requirements and
 * confirmations), in the pattern's order, with how far apart they can be:
 * gaps[j] is the most words from the start of term j to the start of term
 * j + 1 (Infinity when a repeat between them has no bound). A sentence whose
 * words are all there, but out of order or too far apart, cannot match.
 */
export function sequenceOf(pattern: string, lexiconTags: ReadonlySet<string>): { terms: Trigger[]; gaps: number[] } {
  const terms: Trigger[] = [];
  const gaps: number[] = [];
  let sinceLast: number | undefined;
  for (const term of parsePattern(pattern).map(asTrigger)) {
    if (isRequirement(term, lexiconTags) || isConfirmation(term, lexiconTags)) {
      // Its word may sit a few words into the term ("take" of "on the take"): widen the reach to it.
      if (sinceLast !== undefined) gaps.push(sinceLast + term.leadOffset);
      terms.push({ tags: term.tags, words: term.words });
      sinceLast = 0;
    }
    if (sinceLast !== undefined) sinceLast += term.maxWords;
  }
  return { terms, gaps };
}

/**
 * The required terms requirementsOf leaves out because they hold a common word
 * ("(you|u|ur)", "(are|r)"): useless as index keys, but cheap to confirm once
 * a pattern is a candidate, and most candidates fail them. Only terms made of
 * plain words and lexicon tags: a compromise tag cannot be checked without a parse.
 */
export function confirmationsOf(pattern: string, lexiconTags: ReadonlySet<string>): Trigger[] {
  return parsePattern(pattern)
    .map(asTrigger)
    .filter((term) => isConfirmation(term, lexiconTags))
    .map(({ tags, words }) => ({ tags, words }));
}

/** The first requirement of a pattern, or undefined if it has none (used by the rule linter). */
export function triggerOf(pattern: string, lexiconTags: ReadonlySet<string>): Trigger | undefined {
  return requirementsOf(pattern, lexiconTags)[0];
}

/** Every tag a pattern mentions, for the linter's check that each one exists. */
export function tagsIn(pattern: string): string[] {
  return [...pattern.matchAll(/#([A-Za-z]+)/g)].map((m) => m[1]);
}
