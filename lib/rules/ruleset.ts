// Compiles the rule data into something fast to run: a word → tags table for
// the lexicons, a trigger per rule for the prefilter, and the match step that
// runs on a compromise parse of one sentence.

import nlp from 'compromise';
import type { Role } from '../types';
import type { Token } from '../text/tokens';
import { requirementsOf, type Trigger } from './pattern';
import type { FramesFile, LexiconFile, Rule, RuleFile } from './types';

/** Tags the engine itself puts on words, beside the lexicons: names found by the name matchers. */
export const ENGINE_TAGS = ['Pupil', 'Staff', 'School'] as const;

/** A match pattern parsed once: compromise re-parses a string on every call, at ~30x the cost of the match. */
export type ParsedPattern = ReturnType<typeof nlp.parseMatch>;

export interface CompiledRule {
  rule: Rule;
  /** Per pattern, what a sentence must contain for it to be worth trying. */
  requirements: Trigger[][];
  patterns: ParsedPattern[];
  /** Keyed by their source text, so a sentence's answer can be shared between rules. */
  unless: Array<{ source: string; parsed: ParsedPattern }>;
}

/** A rule with only the patterns a sentence could satisfy. */
export type EligibleRule = CompiledRule;

export interface Eligibility {
  rules: EligibleRule[];
  /** Indices (into the tokens given) of the words that made the rules eligible. */
  hits: number[];
}

interface Phrase {
  words: string[];
  tags: string[];
}

// Minimal view of compromise's term objects: we only read words and add tags.
export interface TermLike {
  normal: string;
  machine?: string;
  implicit?: string;
  tags: Set<string>;
}

export function lexiconWordForm(normal: string): string {
  return normal.replace(/['’]s$/, '').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\- ]/gu, '');
}

export class RuleSet {
  readonly rules: CompiledRule[] = [];
  readonly lexiconTags = new Set<string>();
  /** Single word → tags. */
  private readonly words = new Map<string, string[]>();
  /** First word of a phrase → the phrases that start with it. */
  private readonly phrases = new Map<string, Phrase[]>();

  constructor(ruleFiles: readonly RuleFile[], lexicons: readonly LexiconFile[], frames: FramesFile) {
    for (const tag of ENGINE_TAGS) this.lexiconTags.add(tag);
    for (const lexicon of lexicons) {
      this.lexiconTags.add(lexicon.tag);
      for (const entry of lexicon.words) {
        const parts = entry.toLowerCase().split(/\s+/).filter(Boolean);
        if (parts.length === 1) this.addTag(this.words, parts[0], lexicon.tag);
        else {
          const list = this.phrases.get(parts[0]) ?? [];
          const existing = list.find((p) => p.words.join(' ') === parts.join(' '));
          if (existing) existing.tags.push(lexicon.tag);
          else list.push({ words: parts, tags: [lexicon.tag] });
          this.phrases.set(parts[0], list);
        }
      }
    }
    for (const file of ruleFiles) {
      for (const rule of file.rules) {
        const requirements = rule.patterns.map((p) => requirementsOf(p, this.lexiconTags));
        const unlessSources = [...(rule.unless ?? [])];
        for (const name of rule.unlessFrames ?? []) unlessSources.push(...(frames.frames[name]?.patterns ?? []));
        this.rules.push({
          rule,
          requirements,
          patterns: rule.patterns.map((p) => this.parsed(p)),
          unless: unlessSources.map((source) => ({ source, parsed: this.parsed(source) })),
        });
      }
    }
    this.indexPatterns();
  }

  /** Every pattern, as (rule, pattern) positions, and an index from each required word or tag to them. */
  private readonly patternRefs: Array<{ ruleIndex: number; patternIndex: number }> = [];
  private readonly patternsByTag = new Map<string, number[]>();
  private readonly patternsByWord = new Map<string, number[]>();

  private indexPatterns(): void {
    this.rules.forEach((compiled, ruleIndex) => {
      compiled.requirements.forEach((required, patternIndex) => {
        if (required.length === 0) return;
        const id = this.patternRefs.push({ ruleIndex, patternIndex }) - 1;
        // Indexing under the first requirement is enough: all must hold anyway.
        for (const tag of required[0].tags) this.patternsByTag.set(tag, [...(this.patternsByTag.get(tag) ?? []), id]);
        for (const word of required[0].words) this.patternsByWord.set(word, [...(this.patternsByWord.get(word) ?? []), id]);
      });
    });
  }

  private readonly parsedPatterns = new Map<string, ParsedPattern>();
  private parsed(pattern: string): ParsedPattern {
    let parsed = this.parsedPatterns.get(pattern);
    if (!parsed) {
      parsed = nlp.parseMatch(pattern);
      this.parsedPatterns.set(pattern, parsed);
    }
    return parsed;
  }

  private addTag(map: Map<string, string[]>, word: string, tag: string): void {
    const tags = map.get(word) ?? [];
    if (!tags.includes(tag)) tags.push(tag);
    map.set(word, tags);
  }

  /** Is this word in any lexicon? (Lets the normaliser settle "ug1y" as "ugly".) */
  isLexiconWord(lower: string): boolean {
    return this.tagsOfWord(lower) !== undefined || this.phrases.has(lower);
  }

  /** Tags of one word, singular or plural ("losers" → Insult). */
  tagsOfWord(lower: string): string[] | undefined {
    const direct = this.words.get(lower);
    if (direct) return direct;
    if (lower.endsWith('s') && lower.length > 3) return this.words.get(lower.slice(0, -1)) ?? (lower.endsWith('es') ? this.words.get(lower.slice(0, -2)) : undefined);
    return undefined;
  }

  /**
   * The prefilter: which rules could match a sentence, judged from its tokens
   * alone, and which tokens made them eligible (so only the words around them
   * need parsing). Most sentences have no eligible rule and are never parsed.
   * `engineTags` gives the tags of names found by the name matchers, by token index.
   */
  eligibleRules(tokens: readonly Token[], engineTags: ReadonlyMap<number, readonly string[]>, role: Role): Eligibility {
    const tokenTags: string[][] = tokens.map((_, i) => [...(engineTags.get(i) ?? [])]);
    const forms = tokens.map((t) => lexiconWordForm(t.lower));
    for (let i = 0; i < tokens.length; i++) {
      for (const tag of this.tagsOfWord(forms[i]) ?? []) tokenTags[i].push(tag);
      for (const phrase of this.phrases.get(forms[i]) ?? []) {
        if (phrase.words.every((w, k) => forms[i + k] === w)) {
          for (let k = 0; k < phrase.words.length; k++) tokenTags[i + k].push(...phrase.tags);
        }
      }
    }
    const tags = new Set(tokenTags.flat());
    const words = new Set(forms);
    const satisfied = (t: Trigger): boolean => t.tags.some((tag) => tags.has(tag)) || t.words.some((w) => words.has(w));
    // Only patterns indexed under a word or tag this sentence has can be satisfied.
    const candidates = new Set<number>();
    for (const tag of tags) for (const id of this.patternsByTag.get(tag) ?? []) candidates.add(id);
    for (const word of words) for (const id of this.patternsByWord.get(word) ?? []) candidates.add(id);
    const keepByRule = new Map<number, ParsedPattern[]>();
    const usedTags = new Set<string>();
    const usedWords = new Set<string>();
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const { ruleIndex, patternIndex } = this.patternRefs[id];
      const compiled = this.rules[ruleIndex];
      if (compiled.rule.roles && !compiled.rule.roles.includes(role)) continue;
      const required = compiled.requirements[patternIndex];
      if (!required.every(satisfied)) continue;
      for (const r of required) {
        r.tags.forEach((t) => usedTags.add(t));
        r.words.forEach((w) => usedWords.add(w));
      }
      const keep = keepByRule.get(ruleIndex) ?? [];
      keep.push(compiled.patterns[patternIndex]);
      keepByRule.set(ruleIndex, keep);
    }
    const rules: EligibleRule[] = [...keepByRule.entries()].map(([ruleIndex, patterns]) => ({ ...this.rules[ruleIndex], patterns }));
    const hits: number[] = [];
    if (rules.length > 0) {
      for (let i = 0; i < tokens.length; i++) {
        if (usedWords.has(forms[i]) || tokenTags[i].some((t) => usedTags.has(t))) hits.push(i);
      }
    }
    return { rules, hits };
  }

  /** Puts lexicon tags on a parsed sentence's terms, so patterns can say #Insult. */
  tagTerms(terms: TermLike[]): void {
    const forms = terms.map((t) => lexiconWordForm((t.machine || t.normal || t.implicit || '').toLowerCase()));
    for (let i = 0; i < terms.length; i++) {
      for (const tag of this.tagsOfWord(forms[i]) ?? []) terms[i].tags.add(tag);
      for (const phrase of this.phrases.get(forms[i]) ?? []) {
        if (phrase.words.every((w, k) => forms[i + k] === w)) {
          for (let k = 0; k < phrase.words.length; k++) for (const tag of phrase.tags) terms[i + k].tags.add(tag);
        }
      }
    }
  }
}
