// How the rules read words that are not written as the lexicons write them:
// a misspelling of a lexicon or pattern word ("hatrd" → hatred), a run-together
// pair ("Ihate" → I hate), a masked word ("b*tch"), and regional and text-speak
// spellings ("tmrw" → tomorrow). Real words and names are left alone.

import { CAPITALISED_TAGS, type Lexicon } from './lexicon';

/** Words of one or two letters that may be half of a run-together pair. */
const SHORT_HALVES = new Set(['i', 'u', 'a', 'so', 'is', 'im', 'ur', 'my', 'to', 'we', 'he', 'me', 'us', 'be', 'do', 'go', 'no', 'ya', 'an', 'at', 'in', 'of', 'on', 'or', 'it']);

/** …and at the end: not "in" or "a", which are text-speak endings ("smackin", "killa"). */
const SHORT_TAILS = new Set([...SHORT_HALVES].filter((w) => !['in', 'a', 'i', 'u', 'ya', 'an'].includes(w)));

/** Misspellings are only looked for near lexicon words this long or longer. */
export const FUZZY_MIN_LENGTH = 5;

export interface WordOptions {
  /**
   * Which tokens are words in their own right, never read as a misspelt
   * lexicon word or split as a run-together pair: "women" is not a typo for
   * "woman". Without it, no token is corrected or split.
   */
  isEnglishWord?: (lower: string) => boolean;
  /** Everyday words (no names): the halves of a run-together pair must be these or lexicon words. Defaults to isEnglishWord. */
  isCommonWord?: (lower: string) => boolean;
  /** More real words, beyond isEnglishWord, that the misspelling and compound readings must leave alone. */
  guard?: Iterable<string>;
  /** Regional and text-speak spellings read as the standard word ("wi" → with, "tmrw" → tomorrow). */
  spellings?: Readonly<Record<string, string>>;
}

export class Spelling {
  /** Regional and text-speak spellings → the standard word the rules are written with. */
  readonly spellings: ReadonlyMap<string, string>;
  /** Everyday words (no names); the prefilter also uses it to judge how common a pattern word is. */
  readonly isCommonWord: (lower: string) => boolean;
  private readonly isEnglishWord: (lower: string) => boolean;
  private readonly guard: ReadonlySet<string>;
  /** Words a misspelling may stand for: lexicon words and the literal words of patterns ("threat", "suffer"). */
  private readonly vocabulary = new Set<string>();
  /** A vocabulary word with one letter deleted → the words it comes from. */
  private readonly deletes = new Map<string, string[]>();
  private readonly fuzzyCache = new Map<string, string | null>();

  constructor(
    private readonly lexicon: Lexicon,
    patternWords: Iterable<string>,
    options: WordOptions = {},
  ) {
    this.isEnglishWord = options.isEnglishWord ?? (() => true);
    this.isCommonWord = options.isCommonWord ?? this.isEnglishWord;
    this.guard = new Set(options.guard ?? []);
    this.spellings = new Map(Object.entries(options.spellings ?? {}));
    for (const [word] of lexicon.entries()) this.vocabulary.add(word);
    for (const word of patternWords) this.vocabulary.add(word);
    for (const word of this.vocabulary) {
      if (word.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(word)) continue;
      // Typos rarely touch the first letter, and real words that differ only there are many ("pics", "spics").
      for (let i = 1; i < word.length; i++) {
        const key = word.slice(0, i) + word.slice(i + 1);
        const list = this.deletes.get(key) ?? [];
        if (!list.includes(word)) list.push(word);
        this.deletes.set(key, list);
      }
    }
  }

  /**
   * The lexicon word a misspelt token stands for: one letter missing
   * ("hatrd", "womn"), one extra ("hattred") or two neighbours swapped
   * ("despicalbe", "haet"). Only for lexicon words of five letters or more
   * (four for a swap that keeps the first letter), and only for tokens that
   * are not words in their own right. Results are cached, so each distinct
   * token costs O(its length) once.
   */
  fuzzyWord(lower: string): string | undefined {
    const cached = this.fuzzyCache.get(lower);
    if (cached !== undefined) return cached ?? undefined;
    // A dropped g ("killin") is the pattern's word even though it reads as English ("pin" is not "ping").
    const gDropped = lower.endsWith('in') && this.isVocabulary(`${lower}g`) && !this.isCommonWord(lower) ? `${lower}g` : undefined;
    const found = gDropped ?? (this.isWord(lower) ? undefined : this.misspeltWord(lower));
    if (this.fuzzyCache.size > 50_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(lower, found ?? null);
    return found;
  }

  /** fuzzyWord without asking whether the token is a word of its own (for building the guard list). */
  misspeltWord(lower: string): string | undefined {
    if (lower.length < FUZZY_MIN_LENGTH - 1 || lower.length > 24 || !/^[a-z]+$/.test(lower)) return undefined;
    if (this.vocabulary.has(lower) || this.lexicon.tagsOfWord(lower) || this.lexicon.startsPhrase(lower)) return undefined;
    // A misspelt plural ("muslms"): the singular is what the lexicon lists.
    return this.oneEditFrom(lower) ?? (lower.endsWith('s') ? this.oneEditFrom(lower.slice(0, -1)) : undefined);
  }

  private isWord(lower: string): boolean {
    return this.guard.has(lower) || this.isEnglishWord(lower);
  }

  /** A lexicon or pattern word, as written or as a plural. */
  private isVocabulary(lower: string): boolean {
    return this.vocabulary.has(lower) || this.lexicon.tagsOfWord(lower) !== undefined;
  }

  private readonly splitCache = new Map<string, number>();

  /**
   * Where a run-together pair splits ("Ihate" → 1, "muchdisdain" → 4), or 0:
   * the token must not be a word itself, both halves must be words, and at
   * least one a lexicon word. Results are cached.
   */
  compoundSplit(word: string, sentenceStart = false): number {
    const lower = word.toLowerCase();
    let at = this.splitCache.get(lower);
    if (at === undefined) {
      at = this.findSplit(lower);
      if (this.splitCache.size > 50_000) this.splitCache.clear();
      this.splitCache.set(lower, at);
    }
    // A capital mid-sentence is probably a name ("Coburn"), unless it starts with "I" or a group ("Muslimsdisgust").
    if (at > 1 && !sentenceStart && /^\p{Lu}\p{Ll}/u.test(word) && !this.lexicon.tagsOfWord(lower.slice(0, at))?.some((t) => CAPITALISED_TAGS.has(t))) return 0;
    return at;
  }

  /** compoundSplit without asking whether the whole token is a word (for building the guard list). */
  splitOf(lower: string): number {
    if (lower.length < 5 || lower.length > 30 || !/^[a-z]+$/.test(lower)) return 0;
    if (this.isVocabulary(lower) || this.lexicon.startsPhrase(lower)) return 0;
    const partIsWord = (part: string): boolean => this.isVocabulary(part) || this.isCommonWord(part);
    for (let i = 1; i < lower.length; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i);
      // Short halves only where text-speak runs them on: "Ihate", "uidiot", "sosickening", "deathto".
      if ((head.length <= 2 && !SHORT_HALVES.has(head)) || (tail.length <= 2 && !SHORT_TAILS.has(tail))) continue;
      if (!(this.lexicon.tagsOfWord(head) || this.lexicon.tagsOfWord(tail))) continue;
      if (partIsWord(head) && partIsWord(tail)) return i;
    }
    return 0;
  }

  private findSplit(lower: string): number {
    // A misspelling reading wins: "killin" is "killing", not "kil lin".
    if (lower.length < 5 || this.isWord(lower) || this.fuzzyWord(lower)) return 0;
    return this.splitOf(lower);
  }

  private oneEditFrom(q: string): string | undefined {
    if (q.length < 3 || this.vocabulary.has(q)) return undefined;
    // A letter left out: q is a lexicon word minus one letter.
    // A four-letter token must have lost a vowel ("blck", "womn"): "chik" is not "chink".
    const longer = this.deletes.get(q)?.find((w) => q.length >= FUZZY_MIN_LENGTH || /[aeiou]/.test(w[firstDifference(q, w)]));
    if (longer) return longer;
    // A letter added: q minus one letter is a lexicon word.
    if (q.length > FUZZY_MIN_LENGTH) {
      for (let i = 1; i < q.length; i++) {
        const shorter = q.slice(0, i) + q.slice(i + 1);
        if (this.vocabulary.has(shorter)) return shorter;
      }
    }
    // Two neighbours swapped, never the first letter.
    for (let i = 1; i + 1 < q.length; i++) {
      if (q[i] === q[i + 1]) continue;
      const swapped = q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2);
      if (this.vocabulary.has(swapped)) return swapped;
    }
    return undefined;
  }

  private knownPrefixes: Set<string> | undefined;

  /**
   * Every beginning of every word isLexiconWord or isPatternWord knows
   * (plurals included), so the normaliser can stop reading a run of spaced
   * letters as soon as no such word could start with them.
   */
  wordPrefixes(): ReadonlySet<string> {
    if (!this.knownPrefixes) {
      const prefixes = new Set<string>();
      const add = (word: string): void => {
        for (let i = 1; i <= word.length; i++) prefixes.add(word.slice(0, i));
      };
      for (const word of [...this.lexicon.firstWords(), ...this.vocabulary]) {
        add(word);
        add(`${word}s`);
        add(`${word}es`);
      }
      this.knownPrefixes = prefixes;
    }
    return this.knownPrefixes;
  }

  /** Lexicon words (not everyday ones) by length and first letter, for reading masked words. */
  private maskIndex: Map<string, string[]> | undefined;
  private readonly maskCache = new Map<string, string | null>();

  /**
   * The lexicon word a masked word hides ("b*tch" → "bitch", "f***ing" →
   * "fucking"): same length and first letter, every shown letter in place.
   * Only words of the harm lexicons count; people mask insults and slurs, not
   * "teacher". The first word listed wins when several fit.
   */
  unmaskWord(masked: string): string | undefined {
    const cached = this.maskCache.get(masked);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.maskIndex) {
      this.maskIndex = new Map();
      for (const [word, tags] of this.lexicon.entries()) {
        if (word.length < 3 || !/^[a-z]+$/.test(word) || tags.every((t) => this.lexicon.everydayTags.has(t))) continue;
        const key = `${word.length}:${word[0]}`;
        const list = this.maskIndex.get(key) ?? [];
        list.push(word);
        this.maskIndex.set(key, list);
      }
    }
    const fits = (word: string): boolean => [...masked].every((c, k) => c === '*' || c === word[k]);
    const found = (this.maskIndex.get(`${masked.length}:${masked[0]}`) ?? []).find(fits) ?? null;
    // Bounded, so a post of endless distinct masked words cannot grow it without limit.
    if (this.maskCache.size > 10_000) this.maskCache.clear();
    this.maskCache.set(masked, found);
    return found ?? undefined;
  }

  /** Is this a literal word of some pattern ("threat")? Spaced-out letters may spell one ("t h r e a t"). */
  isPatternWord(lower: string): boolean {
    return lower.length >= 3 && this.vocabulary.has(lower);
  }
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
