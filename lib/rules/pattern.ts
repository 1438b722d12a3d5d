// Reads a compromise match pattern just far enough to know which words must
// be present for it to match. The prefilter uses this to skip the full parse
// for the great majority of posts, which contain none of them.

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

function splitTerms(pattern: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of pattern.trim()) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ' ' && depth === 0) {
      if (current) terms.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current) terms.push(current);
  return terms;
}

/** How many times a term may repeat: `+`, `*` and `{n,}` have no bound. */
function repeatsAtMost(raw: string): number {
  if (/[+*]$/.test(raw)) return Infinity;
  const exactly = /\{(\d+)\}$/.exec(raw);
  if (exactly) return Number(exactly[1]);
  const range = /\{\d*,(\d*)\}$/.exec(raw);
  if (range) return range[1] === '' ? Infinity : Number(range[1]);
  return 1;
}

/** The most words one occurrence of a term covers: a group's longest alternative. */
function widthOf(body: string): number {
  if (!body.startsWith('(')) return 1;
  const inner = body.slice(1, -1);
  // A nested group or a repeat inside an alternative: no simple bound.
  if (/[()+*{]/.test(inner)) return Infinity;
  return Math.max(1, ...inner.split('|').map((alternative) => alternative.trim().split(/\s+/).filter(Boolean).length));
}

/** A plain word or tag of a phrase alternative: no wildcard, repeat or negation. */
const PLAIN_PART = /^#?[\p{L}\p{N}'’-]+$/u;

export function parsePattern(pattern: string): PatternTerm[] {
  return splitTerms(pattern)
    .map((raw) => raw.replace(/^\[(<\w+>)?/, '').replace(/\]$/, ''))
    .filter((raw) => raw.length > 0 && raw !== '^' && raw !== '$')
    .map((raw) => {
      const optional = /[?*]$/.test(raw) || /\{0,\d*\}$/.test(raw);
      const body = raw.replace(/^\^/, '').replace(/\$$/, '').replace(/(\{\d*,?\d*\}|[?*+])$/, '');
      const maxWords = repeatsAtMost(raw) * widthOf(body);
      if (body === '.' || body === '*' || body.startsWith('!') || body.startsWith('/') || body.startsWith('~') || body.startsWith('{') || body.startsWith('@')) {
        return { words: [], tags: [], leadWords: [], leadTags: [], leadOffset: 0, wildcard: true, optional, maxWords };
      }
      const inner = body.startsWith('(') ? body.slice(1, -1) : body;
      const alternatives = inner.split('|').map((a) => a.trim()).filter(Boolean);
      const words: string[] = [];
      const tags: string[] = [];
      const leadWords: string[] = [];
      const leadTags: string[] = [];
      let leadOffset = 0;
      let wildcard = false;
      for (const alt of alternatives) {
        const parts = alt.split(/\s+/);
        if (alt.startsWith('#') && parts.length === 1) tags.push(alt.slice(1));
        else if (/^[\p{L}\p{N}'’-]+$/u.test(alt)) words.push(alt.toLowerCase());
        else if (parts.every((part) => PLAIN_PART.test(part))) {
          // All of its words must be there, so any one will do: the first that is not an everyday
          // word ("take" of "on the take"), which the prefilter can require rather than merely confirm.
          const at = Math.max(0, parts.findIndex((part) => !part.startsWith('#') && !COMMON_WORDS.has(part.toLowerCase()) && !CONTRACTION_WORDS.has(part.toLowerCase())));
          leadOffset = Math.max(leadOffset, at);
          if (parts[at].startsWith('#')) leadTags.push(parts[at].slice(1));
          else leadWords.push(parts[at].toLowerCase());
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
