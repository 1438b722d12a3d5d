// The shape of the rule data in rules/. Rules are data: each names its
// category, the policy sections it links to, its message and suggestion, and
// examples that must and must not match (run as tests by tests/unit/rules-examples.test.ts).

import type { Category, PolicySectionId, Role, Severity } from '../types';

export interface RuleExamples {
  /**
   * More posts that must produce a finding from this rule (as its roles allow), beyond
   * its patterns' own: for a borrowed pattern, or where several patterns fire together.
   */
  match?: string[];
  /** Each must produce no finding from this rule. */
  noMatch: string[];
}

/**
 * One thing a rule looks for, with its own test and reason: written either as
 * a compromise match pattern or as a plain phrase, never both.
 */
export interface PatternEntry {
  /**
   * Short, unique in its rule, in lower case with hyphens ("calls-you-a-name").
   * Findings, `--explain` and "Why?" name it after the rule: "bullying/second-person-insult#calls-you-a-name".
   */
  id: string;
  /**
   * compromise match syntax, tried against each sentence that passes the
   * prefilter. Tags from rules/lexicon/*.json can be used like compromise's own
   * (#Insult, #SelfHarm…). It needs at least one required lexicon tag or
   * uncommon literal word, which is how the prefilter finds it cheaply.
   */
  pattern?: string;
  /**
   * The same in plain words, for people who do not write patterns (lib/rules/phrases.ts,
   * docs/rules.md): "see/meet you/me at the [front/back] gate/gates after school".
   * Words in order; `...` a gap of up to three words; `[word]` may be left out;
   * `word/other` either word; `{insult}` any word of the lexicon tagged Insult.
   */
  phrase?: string;
  /** Posts this pattern must fire on, without the rule's `unless` or frames cancelling it: its tests. At least one. */
  examples: string[];
  /** Why what it catches is harmful: for whoever maintains it, never shown to the writer. */
  note: string;
}

export interface Rule {
  /** Unique across all rule files, "category/short-name". */
  id: string;
  category: Category;
  severity?: Severity;
  /** Limits the rule to writers in these roles (e.g. professional distance is staff-only). */
  roles?: Role[];
  /** Defaults to the category's sections (lib/policy/category-sections.ts). */
  policySections?: PolicySectionId[];
  /** Plain British English. `{match}` is replaced by the matched words. */
  message: string;
  suggestion?: string;
  /** What the rule looks for: each pattern (or phrase) with its id, examples and note. May be empty when the rule borrows patterns. */
  patterns: PatternEntry[];
  /**
   * Ids of rules whose patterns (and phrases) this rule also matches with, under
   * its own category, message, unless and frames: one pattern serving two
   * categories (an accusation against a teacher is both defamation and a
   * risk to the school's name) is written once, in the rule that owns it.
   * A match through a borrowed pattern is named by the owner's pattern id.
   * The rule lent from must not borrow in turn.
   */
  patternsFrom?: string[];
  /** What the rule as a whole is for, and what its `unless` leaves alone: for whoever maintains it, never shown to the writer. */
  note?: string;
  /** Patterns that, anywhere in the same sentence, cancel the rule (negation, reporting, counter-speech). */
  unless?: string[];
  /** Named shared frames from rules/frames.json that cancel the rule (e.g. "counter-speech"). */
  unlessFrames?: string[];
  examples: RuleExamples;
}

export interface RuleFile {
  description?: string;
  rules: Rule[];
}

export interface LexiconFile {
  /** The compromise tag these words receive, e.g. "Insult". */
  tag: string;
  description?: string;
  /**
   * Its words are in most school posts ("teacher", "sir"): the prefilter then indexes a
   * pattern under another of its words where it can, so fewer patterns are woken.
   */
  everyday?: boolean;
  /** Lower-case words or short phrases ("sewer slide"). */
  words: string[];
}

export interface FramesFile {
  description?: string;
  frames: Record<string, { description: string; patterns: string[] }>;
}
