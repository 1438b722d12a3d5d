// Compiles the rule data into something fast to run: a word → tags table for
// the lexicons, a trigger per rule for the prefilter, and the match step that
// runs on a compromise parse of one sentence.

import type { Role } from '../types';
import type { Token } from '../text/tokens';
import { triggerOf, type Trigger } from './pattern';
import type { FramesFile, LexiconFile, Rule, RuleFile } from './types';

/** Tags the engine itself puts on words, beside the lexicons: names found by the name matchers. */
export const ENGINE_TAGS = ['Pupil', 'Staff', 'School'] as const;

export interface CompiledRule {
  rule: Rule;
  triggers: Trigger[];
  unless: string[];
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
        const triggers = rule.patterns.map((p) => triggerOf(p, this.lexiconTags)).filter((t): t is Trigger => !!t);
        const unless = [...(rule.unless ?? [])];
        for (const name of rule.unlessFrames ?? []) unless.push(...(frames.frames[name]?.patterns ?? []));
        this.rules.push({ rule, triggers, unless });
      }
    }
  }

  private addTag(map: Map<string, string[]>, word: string, tag: string): void {
    const tags = map.get(word) ?? [];
    if (!tags.includes(tag)) tags.push(tag);
    map.set(word, tags);
  }

  /** Is this word in any lexicon? (Lets the normaliser settle "ug1y" as "ugly".) */
  isLexiconWord(lower: string): boolean {
    return this.words.has(lower) || this.phrases.has(lower);
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
   * alone. Most sentences have none, and are never parsed.
   */
  eligibleRules(tokens: readonly Token[], engineTags: ReadonlySet<string>, role: Role): CompiledRule[] {
    const tags = new Set<string>(engineTags);
    const words = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const lower = lexiconWordForm(tokens[i].lower);
      words.add(lower);
      for (const tag of this.tagsOfWord(lower) ?? []) tags.add(tag);
      for (const phrase of this.phrases.get(lower) ?? []) {
        if (phrase.words.every((w, k) => tokens[i + k] && lexiconWordForm(tokens[i + k].lower) === w)) {
          for (const tag of phrase.tags) tags.add(tag);
        }
      }
    }
    if (tags.size === 0 && words.size === 0) return [];
    return this.rules.filter(
      (compiled) =>
        (!compiled.rule.roles || compiled.rule.roles.includes(role)) &&
        compiled.triggers.some((t) => t.tags.some((tag) => tags.has(tag)) || t.words.some((w) => words.has(w))),
    );
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
