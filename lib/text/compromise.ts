// The one place that talks to compromise (MIT, pinned in package.json).
//
// The engine reads a post with its own tokeniser (lib/text/tokens.ts) and only
// asks compromise for what it does better: its lexicon of English words, its
// contraction table, parsing a match pattern, and tagging and matching a short
// window of a post that the prefilter chose. Everything here that reaches into
// compromise's internals (its world model and its match loop) is named, typed
// and checked once, so a compromise upgrade shows in one file and in the
// engine's tests, which compare whole findings.

import nlp from 'compromise';

/** The parts of compromise's world this engine reads. */
interface World {
  model: {
    one: {
      lexicon: Record<string, string | string[]>;
      contractions: Array<{ word?: string; out: string[] }>;
      aliases: Record<string, string>;
      tagSet: object;
    };
  };
  methods: { one: { match?: RunMatch } };
}

const world = nlp.world() as unknown as World;

/** A match pattern parsed once: compromise re-parses a string on every call, at about 30 times the cost of the match. */
export type ParsedPattern = ReturnType<typeof nlp.parseMatch>;

/**
 * One term of a parsed match pattern (compromise calls it a "reg"), as far as
 * the engine reads it: the prefilter (lib/rules/pattern.ts), the matcher
 * (lib/rules/start-positions.ts) and the compiler's workaround (lib/rules/compile.ts).
 */
export interface PatternReg {
  word?: string;
  tag?: string;
  /** A group's single-word alternatives, as a set. */
  fastOr?: Set<string>;
  /** A group's alternatives, each a sequence of terms. */
  choices?: PatternReg[][];
  operator?: string;
  optional?: boolean;
  negative?: boolean;
  anything?: boolean;
  greedy?: boolean;
  /** Repeats: compromise writes an open repeat ("{2,}") as 999. */
  min?: number;
  max?: number;
  start?: boolean;
  end?: boolean;
  use?: string;
  fuzzy?: boolean;
  regex?: unknown;
  root?: string;
  method?: string;
  switch?: string;
  chunk?: string;
  pos?: string;
  sense?: string;
  id?: unknown;
  [other: string]: unknown;
}

/** A parsed pattern as the engine reads it. */
export function regsOf(parsed: ParsedPattern): PatternReg[] {
  return parsed as unknown as PatternReg[];
}

/** The parts of a compromise term the engine reads and writes (it adds its own tags and aliases). */
export interface MatchTerm {
  text: string;
  normal: string;
  machine?: string | null;
  implicit?: string;
  root?: string;
  alias?: string[];
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/** The parts of a parsed window (a compromise View) the matcher reads. */
export interface ParsedWindow {
  docs: MatchTerm[][];
  _cache?: Array<Set<string>>;
}

/** compromise's internal match loop: runs parsed patterns over parsed sentences. */
export type RunMatch = (
  docs: MatchTerm[][],
  todo: { regs: unknown[]; justOne?: boolean },
  cache?: Array<Set<string> | undefined>,
) => { ptrs: number[][] };

const runMatch = world.methods.one.match;
if (typeof runMatch !== 'function') {
  throw new Error('Second Thought needs compromise 14 (methods.one.match is missing): reinstall the pinned version with npm ci.');
}
/** compromise's own match loop, for the matcher in lib/rules/start-positions.ts. */
export const compromiseMatch: RunMatch = runMatch;

/** compromise's tags for a lower-case word, or undefined when its lexicon does not hold it. */
export function lexiconTagsOf(lower: string): readonly string[] | undefined {
  // An own entry only: "constructor" must not find Object's.
  if (!Object.prototype.hasOwnProperty.call(world.model.one.lexicon, lower)) return undefined;
  const tags = world.model.one.lexicon[lower];
  return Array.isArray(tags) ? tags : [tags];
}

/** compromise's contractions ("gonna" → going, to; "im" → i, am) and aliases ("plz" → please), in lower case. */
export function contractionTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const c of world.model.one.contractions) if (c.word) table.set(c.word.toLowerCase(), c.out.map((w) => w.toLowerCase()));
  for (const [word, alias] of Object.entries(world.model.one.aliases)) table.set(word, [alias]);
  return table;
}

/** The tags compromise's own tagger sets (#Noun, #Person…). */
export const PARSER_TAGS: ReadonlySet<string> = new Set(Object.keys(world.model.one.tagSet));

export function parseMatchPattern(pattern: string): ParsedPattern {
  return nlp.parseMatch(pattern);
}

/**
 * compromise's tagging steps. nlp(text) also runs the post-tagger, the chunker
 * and more: together about 4x the cost, and on the dev corpus, HateCheck and
 * Davidson the findings were the same without them (measured when chosen).
 * 'index' must be recomputed after contractionTwo splits words.
 */
const TAGGING_STEPS = ['lexicon', 'preTagger', 'contractionTwo', 'index'];

/**
 * The words whose splitting by compromise's contractionTwo depends on the
 * tagger's tags: an ending 's ("he's" → he is / he has / possessive) or 'd
 * (would / had), and "ain't". (compromise reads any of these marks as an
 * apostrophe; "don't", "I'm" or "we'll" are split earlier, without tags.) A
 * window holding one is always tagged.
 */
const SPLIT_NEEDS_TAGS = /['‘’‛❛❜][sd](?![\p{L}\p{N}])|\bain['‘’‛❛❜]?t\b/iu;

/** Does compromise need its tagger to split this text's words as it always would? */
export function splitNeedsTagger(text: string): boolean {
  return SPLIT_NEEDS_TAGS.test(text);
}

/** A window of a post, parsed by compromise for the rules to match against. */
export interface ParsedText {
  /** Every term, in order, with its offset into the window's text. */
  terms: MatchTerm[];
  /**
   * The window for the matcher. Call only after every tag is added: it builds
   * compromise's per-sentence cache of words and tags, with which a pattern
   * that needs a missing word or tag is skipped at once.
   */
  sealed(): ParsedWindow;
}

/**
 * Tokenises a short text and, when `tagged`, runs compromise's tagger over it
 * (most of the cost of a parse). Skips the chunker and the other full-parse
 * steps the rules do not use: about a third of the cost of nlp(text).
 */
export function parseText(text: string, tagged: boolean): ParsedText {
  const doc = nlp.tokenize(text);
  doc.compute(tagged ? TAGGING_STEPS : ['index']);
  doc.compute('offset');
  const terms = (doc.docs as MatchTerm[][]).flat();
  return {
    terms,
    sealed: () => {
      doc.compute('cache');
      return doc as unknown as ParsedWindow;
    },
  };
}
