// The word lists (rules/lexicon/*.json) as the engine reads them: each word
// or phrase → its tags (#Insult, #SelfHarm…), plurals included, with phrases
// indexed by their first two words. The prefilter, the spelling readings and
// the tagging of parsed windows all read the lists through this one index.

import type { Token } from '../text/tokens';
import type { LexiconFile } from './types';

/**
 * Tags the engine itself puts on words, beside the lexicons: names found by
 * the name matchers, and pronouns that refer back to a protected group.
 */
export const ENGINE_TAGS = ['Pupil', 'Staff', 'School', 'GroupReference'] as const;

/** Lexicon tags whose words are written with a capital (Muslim, Jew, Asian), so a capitalised misspelling may be one. */
export const CAPITALISED_TAGS = new Set(['IdentityGroup', 'IdentityAdj']);

// Minimal view of compromise's term objects: we only read words and add tags.
export interface TermLike {
  normal: string;
  machine?: string | null;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
}

interface Phrase {
  words: string[];
  tags: string[];
}

const NO_PHRASES: Phrase[] = [];

export function lexiconWordForm(normal: string): string {
  // Most words need none of the clean-up below.
  if (/^[a-z0-9-]*$/.test(normal)) return normal;
  return normal.replace(/['’]s$/, '').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\- ]/gu, '');
}

export class Lexicon {
  /** Every tag a pattern may name: the lexicons' and the engine's own (ENGINE_TAGS). */
  readonly tags = new Set<string>(ENGINE_TAGS);
  /** Lexicon tags whose words are in most school posts (see LexiconFile.everyday). */
  readonly everydayTags = new Set<string>();
  private readonly words = new Map<string, string[]>();
  /** First word of a phrase → the phrases that start with it. */
  private readonly phrases = new Map<string, Phrase[]>();
  /**
   * First word → second word → the phrases that start with both. The hot loops
   * look phrases up by their first two words: a pasted run of one word that
   * begins dozens of phrases ("a a a …") must not try each of them at every word.
   */
  private readonly phrasesByPair = new Map<string, Map<string, Phrase[]>>();

  constructor(lexicons: readonly LexiconFile[]) {
    for (const lexicon of lexicons) {
      this.tags.add(lexicon.tag);
      if (lexicon.everyday) this.everydayTags.add(lexicon.tag);
      for (const entry of lexicon.words) {
        const parts = entry.toLowerCase().split(/\s+/).filter(Boolean);
        if (parts.length === 1) this.addTag(parts[0], lexicon.tag);
        else {
          const list = this.phrases.get(parts[0]) ?? [];
          const existing = list.find((p) => p.words.join(' ') === parts.join(' '));
          if (existing) existing.tags.push(lexicon.tag);
          else {
            const phrase = { words: parts, tags: [lexicon.tag] };
            list.push(phrase);
            const bySecond = this.phrasesByPair.get(parts[0]) ?? new Map<string, Phrase[]>();
            bySecond.set(parts[1], [...(bySecond.get(parts[1]) ?? []), phrase]);
            this.phrasesByPair.set(parts[0], bySecond);
          }
          this.phrases.set(parts[0], list);
        }
      }
    }
  }

  private addTag(word: string, tag: string): void {
    const tags = this.words.get(word) ?? [];
    if (!tags.includes(tag)) tags.push(tag);
    this.words.set(word, tags);
  }

  /** Tags of one word, singular or plural ("losers" → Insult). */
  tagsOfWord(lower: string): string[] | undefined {
    const direct = this.words.get(lower);
    if (direct) return direct;
    if (lower.endsWith('s') && lower.length > 3) return this.words.get(lower.slice(0, -1)) ?? (lower.endsWith('es') ? this.words.get(lower.slice(0, -2)) : undefined);
    return undefined;
  }

  /** Does some listed phrase start with this word? */
  startsPhrase(lower: string): boolean {
    return this.phrases.has(lower);
  }

  /** Is this word in any lexicon? (Lets the normaliser settle "ug1y" as "ugly".) */
  isLexiconWord(lower: string): boolean {
    return this.tagsOfWord(lower) !== undefined || this.phrases.has(lower);
  }

  /** The single words listed, each with its tags. */
  entries(): IterableIterator<[string, string[]]> {
    return this.words.entries();
  }

  /** Every word listed on its own, and the first word of every phrase. */
  firstWords(): string[] {
    return [...this.words.keys(), ...this.phrases.keys()];
  }

  /** How many words and phrases carry each tag: a rough measure of how common the tag is. */
  wordsPerTag(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const tags of this.words.values()) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    for (const phrases of this.phrases.values()) for (const phrase of phrases) for (const tag of phrase.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return counts;
  }

  /** The lexicon phrases that start at word `at` of these word forms. */
  phrasesAt(forms: readonly string[], at: number): Phrase[] {
    const candidates = this.phrasesByPair.get(forms[at])?.get(forms[at + 1]);
    if (!candidates) return NO_PHRASES;
    return candidates.filter((phrase) => {
      for (let k = 2; k < phrase.words.length; k++) if (forms[at + k] !== phrase.words[k]) return false;
      return true;
    });
  }

  /** Does the word at token i carry this tag, on its own or as part of a phrase? */
  hasTag(tokens: readonly Token[], i: number, tag: string): boolean {
    const form = lexiconWordForm(tokens[i].lower);
    if (this.tagsOfWord(form)?.includes(tag)) return true;
    for (let start = Math.max(0, i - 3); start <= i; start++) {
      for (const phrase of this.phrases.get(lexiconWordForm(tokens[start].lower)) ?? []) {
        if (!phrase.tags.includes(tag) || start + phrase.words.length <= i) continue;
        if (phrase.words.every((w, k) => tokens[start + k] && lexiconWordForm(tokens[start + k].lower) === w)) return true;
      }
    }
    return false;
  }

  /**
   * Puts lexicon tags on a parsed sentence's terms, so patterns can say
   * #Insult. `corrections` are the misspellings the prefilter accepted for
   * this sentence, so both see the same words.
   */
  tagTerms(terms: TermLike[], corrections: ReadonlyMap<string, string> = new Map()): void {
    const forms = terms.map((t) => lexiconWordForm((t.machine || t.normal || t.implicit || '').toLowerCase()));
    for (let i = 0; i < terms.length; i++) {
      const corrected = corrections.get(forms[i]);
      if (corrected) {
        forms[i] = corrected;
        // Literal words in patterns match it too ("fukc" for "fuck"): a single word through the alias,
        // a group of words "(sick|ill)" through the machine form.
        terms[i].alias = [...(terms[i].alias ?? []), corrected];
        terms[i].machine ??= corrected;
      }
    }
    for (let i = 0; i < terms.length; i++) {
      for (const tag of this.tagsOfWord(forms[i]) ?? []) terms[i].tags.add(tag);
      for (const phrase of this.phrasesAt(forms, i)) {
        for (let k = 0; k < phrase.words.length; k++) for (const tag of phrase.tags) terms[i + k].tags.add(tag);
      }
    }
  }
}
