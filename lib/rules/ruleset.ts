// The rules as the engine runs them, put together from one module per job:
//   lib/rules/lexicon.ts           the word lists: word → tags, phrases, tagging parsed words
//   lib/rules/spelling.ts          misspellings, run-together pairs, masked words, text-speak
//   lib/rules/compile.ts           rule files → parsed patterns, cancellations, borrowed patterns
//   lib/rules/prefilter.ts         which patterns a sentence could satisfy, before any parse
//   lib/rules/group-references.ts  "they" that refers back to a protected group
// Matching a parsed window is lib/rules/matching.ts. RuleSet holds one of each,
// built once, and is what the engine and the tools are given.

import type { Token } from '../text/tokens';
import type { Role } from '../types';
import { CompiledRules, type CompiledRule, type ParsedPattern } from './compile';
import { groupReferences } from './group-references';
import { Lexicon, type TermLike } from './lexicon';
import { parsePattern } from './pattern';
import { Prefilter, type Eligibility } from './prefilter';
import { Spelling, type WordOptions } from './spelling';
import type { FramesFile, LexiconFile, RuleFile } from './types';

export { ENGINE_TAGS, lexiconWordForm, type TermLike } from './lexicon';
export { longestAlternativesFirst, parseForMatch, type CompiledRule, type ParsedPattern, type UnlessPattern } from './compile';
export { readingsOf, type Eligibility, type EligibleRule } from './prefilter';
export type { WordOptions } from './spelling';

export class RuleSet {
  readonly lexicon: Lexicon;
  readonly spelling: Spelling;
  readonly rules: readonly CompiledRule[];
  /** Every tag a pattern may name: the lexicons' and the engine's own. */
  readonly lexiconTags: ReadonlySet<string>;
  private readonly compiled: CompiledRules;
  private readonly prefilter: Prefilter;

  constructor(ruleFiles: readonly RuleFile[], lexicons: readonly LexiconFile[], frames: FramesFile, options: WordOptions = {}) {
    this.lexicon = new Lexicon(lexicons);
    this.lexiconTags = this.lexicon.tags;
    this.compiled = new CompiledRules(ruleFiles, frames, this.lexicon.tags);
    this.rules = this.compiled.rules;
    // The literal words of patterns and cancellations: a misspelling may stand for one too ("threat", "suffer").
    const patternWords = this.rules.flatMap(({ rule, sources }) =>
      [...sources, ...(rule.unless ?? [])].flatMap((pattern) => parsePattern(pattern).flatMap((term) => term.words)),
    );
    this.spelling = new Spelling(this.lexicon, patternWords, options);
    this.prefilter = new Prefilter(this.rules, this.lexicon, this.spelling);
  }

  /** The prefilter: which rules could match a sentence, and which of its words made them eligible (lib/rules/prefilter.ts). */
  eligibleRules(tokens: readonly Token[], engineTags: ReadonlyMap<number, readonly string[]>, role: Role, isNameWord?: (token: Token) => boolean): Eligibility {
    return this.prefilter.eligibleRules(tokens, engineTags, role, isNameWord);
  }

  /** Does a parsed pattern read anything compromise's tagger decides? (lib/rules/compile.ts) */
  needsTagger(parsed: ParsedPattern): boolean {
    return this.compiled.needsTagger(parsed);
  }

  /** Puts lexicon tags on a parsed window's terms (lib/rules/lexicon.ts). */
  tagTerms(terms: TermLike[], corrections?: ReadonlyMap<string, string>): void {
    this.lexicon.tagTerms(terms, corrections);
  }

  /** Pronouns that refer back to a protected group (lib/rules/group-references.ts). */
  groupReferences(tokens: readonly Token[], sentences: ReadonlyArray<{ firstToken: number; endToken: number }>): number[] {
    return groupReferences(tokens, sentences, this.lexicon);
  }

  tagsOfWord(lower: string): string[] | undefined {
    return this.lexicon.tagsOfWord(lower);
  }

  isLexiconWord(lower: string): boolean {
    return this.lexicon.isLexiconWord(lower);
  }

  isPatternWord(lower: string): boolean {
    return this.spelling.isPatternWord(lower);
  }

  fuzzyWord(lower: string): string | undefined {
    return this.spelling.fuzzyWord(lower);
  }

  misspeltWord(lower: string): string | undefined {
    return this.spelling.misspeltWord(lower);
  }

  compoundSplit(word: string, sentenceStart = false): number {
    return this.spelling.compoundSplit(word, sentenceStart);
  }

  splitOf(lower: string): number {
    return this.spelling.splitOf(lower);
  }

  wordPrefixes(): ReadonlySet<string> {
    return this.spelling.wordPrefixes();
  }

  unmaskWord(masked: string): string | undefined {
    return this.spelling.unmaskWord(masked);
  }
}
