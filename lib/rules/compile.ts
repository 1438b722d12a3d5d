// Compiles the rule files into what the prefilter and the matcher run: each
// pattern parsed once by compromise, with the words and tags a sentence must
// hold for it to be worth trying; each rule's cancellations (unless and
// frames) likewise; phrases and borrowed patterns (patternsFrom) in place.

import { PARSER_TAGS, parseMatchPattern, regsOf, type ParsedPattern, type PatternReg } from '../text/compromise';
import { confirmationsOf, requirementsOf, sequenceOf, type Trigger } from './pattern';
import { patternsOf, type RunnablePattern } from './phrases';
import type { FramesFile, Rule, RuleFile } from './types';

export type { ParsedPattern };

export interface CompiledRule {
  rule: Rule;
  /** Per pattern, what a sentence must contain for it to be worth trying. */
  requirements: Trigger[][];
  /** Per pattern, the words it needs in order and how far apart they can be (see sequenceOf). */
  sequences: Array<{ terms: Trigger[]; gaps: number[] }>;
  /** Per pattern, common words it also needs (checked after the index, never indexed). */
  confirmations: Trigger[][];
  patterns: ParsedPattern[];
  /** Per pattern, its source as compromise reads it (a phrase compiled), its own first, then any it borrows. */
  sources: string[];
  /** Per pattern, its id ("threat/veiled#gate-warning"): a borrowed pattern keeps the id it has in the rule that owns it. */
  patternIds: string[];
  /** Keyed by their source text, so a sentence's answer can be shared between rules. */
  unless: UnlessPattern[];
  /** For each cancelling pattern, where it comes from ("unless" or "frame counter-speech"), for explanations. */
  unlessOrigins: string[];
}

/** A cancelling pattern, with what a sentence must hold for it to match (so most are never run). */
export interface UnlessPattern {
  source: string;
  parsed: ParsedPattern;
  requirements: Trigger[];
  confirmations: Trigger[];
}

/**
 * Works around a compromise quirk. A wildcard such as `.{0,4}` or `.*` stops
 * where the next term matches, but it tests an alternative group holding a tag
 * or several words ("(#InsultAdj|#Insult)", "(very stupid|stupid)") as if it
 * were one term, which never matches; so the wildcard always runs to its
 * maximum and the pattern almost never matches. Giving each alternative the
 * fields of its first term lets that test see it; the group itself still
 * matches as before.
 */
function lookAheadIntoGroups(regs: PatternReg[]): void {
  for (const reg of regs) {
    if (!reg.choices) continue;
    for (const choice of reg.choices) {
      if (!Array.isArray(choice) || choice.length === 0) continue;
      lookAheadIntoGroups(choice);
      for (const [key, value] of Object.entries(choice[0])) {
        if (!/^\d+$/.test(key) && key !== 'length') (choice as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
}

export class CompiledRules {
  readonly rules: CompiledRule[] = [];

  /** `tags`: every tag a pattern may name (lexicon and engine tags): the rest are compromise's own. */
  constructor(
    ruleFiles: readonly RuleFile[],
    frames: FramesFile,
    private readonly tags: ReadonlySet<string>,
  ) {
    // Phrases are compiled into patterns here, so everything below sees one list per rule.
    const rules = ruleFiles.flatMap((file) => file.rules);
    const byId = new Map(rules.map((rule) => [rule.id, { rule, patterns: patternsOf(rule, this.tags) }]));
    for (const rule of rules) {
      const own = withBorrowedPatterns(rule, byId);
      const sources = own.map((p) => p.source);
      const requirements = sources.map((p) => requirementsOf(p, this.tags).map((t) => this.shared(t)));
      const confirmations = sources.map((p) => confirmationsOf(p, this.tags).map((t) => this.shared(t)));
      const sequences = sources.map((p) => {
        const { terms, gaps } = sequenceOf(p, this.tags);
        return { terms: terms.map((t) => this.shared(t)), gaps };
      });
      const unlessSources = [...(rule.unless ?? [])];
      const unlessOrigins = unlessSources.map(() => 'unless');
      for (const name of rule.unlessFrames ?? []) {
        for (const pattern of frames.frames[name]?.patterns ?? []) {
          unlessSources.push(pattern);
          unlessOrigins.push(`frame ${name}`);
        }
      }
      this.rules.push({
        rule,
        requirements,
        sequences,
        confirmations,
        patterns: sources.map((p) => this.parsed(p)),
        sources,
        patternIds: own.map((p) => p.id),
        unless: unlessSources.map((source) => this.unlessPattern(source)),
        unlessOrigins,
      });
    }
  }

  private readonly unlessPatterns = new Map<string, UnlessPattern>();
  private unlessPattern(source: string): UnlessPattern {
    let compiled = this.unlessPatterns.get(source);
    if (!compiled) {
      compiled = {
        source,
        parsed: this.parsed(source),
        requirements: requirementsOf(source, this.tags).map((t) => this.shared(t)),
        confirmations: confirmationsOf(source, this.tags).map((t) => this.shared(t)),
      };
      this.unlessPatterns.set(source, compiled);
    }
    return compiled;
  }

  private readonly sharedTriggers = new Map<string, Trigger>();
  /**
   * One object per distinct trigger: many patterns need the same "(you|u)" or
   * "#Insult", so a sentence answers each once (the answers are kept by object).
   */
  private shared(trigger: Trigger): Trigger {
    const key = `${trigger.tags.join('|')}#${trigger.words.join('|')}`;
    const found = this.sharedTriggers.get(key);
    if (found) return found;
    this.sharedTriggers.set(key, trigger);
    return trigger;
  }

  private readonly parsedPatterns = new Map<string, ParsedPattern>();
  private parsed(pattern: string): ParsedPattern {
    let parsed = this.parsedPatterns.get(pattern);
    if (!parsed) {
      parsed = parseForMatch(pattern);
      this.parsedPatterns.set(pattern, parsed);
    }
    return parsed;
  }

  private readonly taggerNeeds = new WeakMap<object, boolean>();
  /** compromise's own tags. One of ours may share a name ("School"), and then compromise sets it too. */
  private readonly parserTags = PARSER_TAGS;
  /**
   * Does a parsed pattern read anything compromise's tagger decides: one of
   * its tags (#Noun, #Person), an @method, a chunk? If no pattern that could
   * run on a window does, the window needs no tagging.
   */
  needsTagger(parsed: ParsedPattern): boolean {
    let answer = this.taggerNeeds.get(parsed);
    if (answer === undefined) {
      const reads = (regs: readonly PatternReg[]): boolean =>
        regs.some(
          (reg) =>
            (typeof reg.tag === 'string' && (!this.tags.has(reg.tag) || this.parserTags.has(reg.tag))) ||
            reg.method !== undefined ||
            reg.chunk !== undefined ||
            reg.switch !== undefined ||
            reg.pos !== undefined ||
            reg.sense !== undefined ||
            reg.fuzzy === true ||
            (reg.choices ?? []).some((choice) => Array.isArray(choice) && reads(choice)),
        );
      answer = reads(regsOf(parsed));
      this.taggerNeeds.set(parsed, answer);
    }
    return answer;
  }
}

/**
 * A rule's patterns, then those it borrows (patternsFrom), each keeping the id
 * it has in the rule that owns it. Throws, naming the rule, when it borrows
 * from a rule that does not exist or that borrows in turn.
 */
function withBorrowedPatterns(rule: Rule, byId: ReadonlyMap<string, { rule: Rule; patterns: RunnablePattern[] }>): RunnablePattern[] {
  const own = byId.get(rule.id)!.patterns;
  if (!rule.patternsFrom || rule.patternsFrom.length === 0) return own;
  const borrowed = rule.patternsFrom.flatMap((id) => {
    const lender = byId.get(id);
    if (!lender) throw new Error(`Rule ${rule.id} borrows the patterns of ${id} (patternsFrom), but there is no rule with that id.`);
    if (lender.rule.patternsFrom && lender.rule.patternsFrom.length > 0) {
      throw new Error(`Rule ${rule.id} borrows the patterns of ${id}, which borrows patterns itself: borrow from the rule that owns them.`);
    }
    return lender.patterns;
  });
  return [...own, ...borrowed];
}

/** A rule's pattern as the engine runs it: longest alternatives first, wildcards able to see into groups. */
export function parseForMatch(pattern: string): ParsedPattern {
  const parsed = parseMatchPattern(longestAlternativesFirst(pattern));
  lookAheadIntoGroups(regsOf(parsed));
  return parsed;
}

/**
 * compromise takes the first alternative of a group that matches and never
 * backtracks, so in "(wont|will not) know" the word "wont" (which compromise
 * expands to "will not") is taken as one word, leaves "not" behind, and the
 * match fails. Trying the longest alternatives first avoids that; otherwise
 * the order of alternatives never changes what a pattern means.
 */
export function longestAlternativesFirst(pattern: string): string {
  return pattern.replace(/\(([^()]*\|[^()]*)\)/g, (_, inner: string) => {
    const alternatives = inner.split('|');
    const words = (alternative: string): number => alternative.trim().split(/\s+/).length;
    const sorted = alternatives.map((a, i) => ({ a, i })).sort((x, y) => words(y.a) - words(x.a) || x.i - y.i).map((x) => x.a);
    return `(${sorted.join('|')})`;
  });
}
