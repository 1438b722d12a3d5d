// Compiles the rule data into something fast to run: a word → tags table for
// the lexicons, a trigger per rule for the prefilter, and the match step that
// runs on a compromise parse of one sentence.

import { PARSER_TAGS, contractionTable, parseMatchPattern, type ParsedPattern } from '../text/compromise';
import type { Role } from '../types';
import type { Token } from '../text/tokens';
import { confirmationsOf, parsePattern, requirementsOf, sequenceOf, type Trigger } from './pattern';
import { withPhrases } from './phrases';
import type { FramesFile, LexiconFile, Rule, RuleFile } from './types';

/**
 * Tags the engine itself puts on words, beside the lexicons: names found by
 * the name matchers, and pronouns that refer back to a protected group.
 */
export const ENGINE_TAGS = ['Pupil', 'Staff', 'School', 'GroupReference'] as const;

/** The lexicon tag of protected groups; "they" after one refers back to it (#GroupReference). */
const GROUP_TAG = 'IdentityGroup';
/** Pronouns that can refer back to a group named earlier. */
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'these', 'those', "they're", 'theyre', "they've", 'theyve', "they'll", 'theyll', "they'd"]);
/** …and the ones that can name it as the subject of "are": "they are Muslims after all". */
const SUBJECT_PRONOUNS = new Set(['they', 'these', 'those', "they're", 'theyre']);

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
  /** Per pattern, its id ("threat/veiled#3"): a borrowed pattern keeps the id it has in the rule that owns it. */
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

/** A rule with only the patterns a sentence could satisfy, and where each sits in the rule's own list. */
export type EligibleRule = CompiledRule & { patternIndexes: number[] };

export interface Eligibility {
  rules: EligibleRule[];
  /** Indices (into the tokens given) of the words that made the rules eligible. */
  hits: number[];
  /** Misspelt words of this sentence read as lexicon words ("hatrd" → "hatred"); tagTerms needs the same. */
  corrections: Map<string, string>;
  /** Could this cancelling pattern match anywhere in the sentence? If not, it need not be run. */
  mayMatch: (unless: UnlessPattern) => boolean;
}

interface Phrase {
  words: string[];
  tags: string[];
}

const NO_PHRASES: Phrase[] = [];
const NO_TAGS: readonly string[] = [];

// Minimal view of compromise's term objects: we only read words and add tags.
export interface TermLike {
  normal: string;
  machine?: string | null;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
}

/** Lexicon tags whose words are written with a capital (Muslim, Jew, Asian), so a capitalised misspelling may be one. */
const CAPITALISED_TAGS = new Set(['IdentityGroup', 'IdentityAdj']);

/** Words of one or two letters that may be half of a run-together pair. */
const SHORT_HALVES = new Set(['i', 'u', 'a', 'so', 'is', 'im', 'ur', 'my', 'to', 'we', 'he', 'me', 'us', 'be', 'do', 'go', 'no', 'ya', 'an', 'at', 'in', 'of', 'on', 'or', 'it']);

/** …and at the end: not "in" or "a", which are text-speak endings ("smackin", "killa"). */
const SHORT_TAILS = new Set([...SHORT_HALVES].filter((w) => !['in', 'a', 'i', 'u', 'ya', 'an'].includes(w)));

/** Misspellings are only looked for near lexicon words this long or longer. */
const FUZZY_MIN_LENGTH = 5;

/** The parts of a parsed compromise match term this file touches. */
interface MatchReg {
  choices?: MatchReg[][];
  [key: string]: unknown;
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
function lookAheadIntoGroups(regs: MatchReg[]): void {
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

/** compromise's own contraction table ("gonna" → going, to; "im" → i, am) and aliases ("plz" → please). */
let contractions: Map<string, string[]> | undefined;
function contractionsOf(lower: string): string[] | undefined {
  contractions ??= contractionTable();
  return contractions.get(lower);
}

/** What an apostrophe ending may stand for ("'s" is "is", "has" or "us" in "let's"). */
const APOSTROPHE_ENDINGS: ReadonlyMap<string, string[]> = new Map([
  ['s', ['is', 'has', 'was', 'us', 'does']], ['d', ['would', 'had', 'did', 'could']], ['ll', ['will', 'shall']], ['ve', ['have']], ['re', ['are']], ['m', ['am']],
]);

/**
 * Every word compromise may read a token as: the token, its hyphen and
 * apostrophe parts, and their expansions ("they're" → they, are;
 * "can't" → can, not; "ain't" → is, are, am, not; "gonna" → going, to).
 */
export function readingsOf(lower: string, form: string, possessive = false): string[] {
  const readings = [form];
  // The tokeniser took the "'s" off "Ian's"; compromise may read it as "Ian is".
  if (possessive) readings.push(...APOSTROPHE_ENDINGS.get('s')!);
  const plain = lower.replace(/’/g, "'");
  const table = contractionsOf(plain) ?? contractionsOf(form);
  if (table) readings.push(...table);
  if (/[-‐]/.test(plain)) readings.push(...plain.split(/[-‐]/).map(lexiconWordForm));
  if (plain.includes("'")) {
    const parts = plain.split("'");
    readings.push(...parts.map(lexiconWordForm));
    if (/n't$/.test(plain)) readings.push(plain.slice(0, -3), 'not', 'can', 'will', 'shall', 'should', 'is', 'are', 'am', 'do', 'does');
    // A Map, not an object: an ending such as "rock'constructor" must find nothing.
    readings.push(...(APOSTROPHE_ENDINGS.get(parts[parts.length - 1]) ?? []));
  }
  if (plain === 'aint' || plain === "ain't") readings.push('is', 'are', 'am', 'not', 'have', 'has');
  return readings;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

export function lexiconWordForm(normal: string): string {
  // Most words need none of the clean-up below.
  if (/^[a-z0-9-]*$/.test(normal)) return normal;
  return normal.replace(/['’]s$/, '').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\- ]/gu, '');
}

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

export class RuleSet {
  readonly rules: CompiledRule[] = [];
  readonly lexiconTags = new Set<string>();
  /** Single word → tags. */
  private readonly words = new Map<string, string[]>();
  /** First word of a phrase → the phrases that start with it. */
  private readonly phrases = new Map<string, Phrase[]>();
  /**
   * First word → second word → the phrases that start with both. The hot loops
   * look phrases up by their first two words: a pasted run of one word that
   * begins dozens of phrases ("a a a …") must not try each of them at every word.
   */
  private readonly phrasesByPair = new Map<string, Map<string, Phrase[]>>();

  /** Lexicon word with one letter deleted → the lexicon words it came from (a symmetric-delete index). */
  private readonly deletes = new Map<string, string[]>();
  /** Misspelling → the lexicon word it stands for (or null), remembered across checks. */
  private readonly fuzzyCache = new Map<string, string | null>();
  private readonly isEnglishWord: (lower: string) => boolean;
  private readonly isCommonWord: (lower: string) => boolean;
  private readonly guard: ReadonlySet<string>;
  private readonly spellings: ReadonlyMap<string, string>;

  constructor(ruleFiles: readonly RuleFile[], lexicons: readonly LexiconFile[], frames: FramesFile, options: WordOptions = {}) {
    this.isEnglishWord = options.isEnglishWord ?? (() => true);
    this.isCommonWord = options.isCommonWord ?? this.isEnglishWord;
    this.guard = new Set(options.guard ?? []);
    this.spellings = new Map(Object.entries(options.spellings ?? {}));
    for (const tag of ENGINE_TAGS) this.lexiconTags.add(tag);
    for (const lexicon of lexicons) {
      this.lexiconTags.add(lexicon.tag);
      if (lexicon.everyday) this.everydayTags.add(lexicon.tag);
      for (const entry of lexicon.words) {
        const parts = entry.toLowerCase().split(/\s+/).filter(Boolean);
        if (parts.length === 1) this.addTag(this.words, parts[0], lexicon.tag);
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
    // A rule's plain phrases become patterns after its own, so everything below sees one list.
    const compiledRules = ruleFiles.flatMap((file) => file.rules).map((written) => withPhrases(written, this.lexiconTags));
    const byId = new Map(compiledRules.map((rule) => [rule.id, rule]));
    for (const own of compiledRules) {
      const { rule, patternIds } = withBorrowedPatterns(own, byId);
      const requirements = rule.patterns.map((p) => requirementsOf(p, this.lexiconTags).map((t) => this.shared(t)));
      const confirmations = rule.patterns.map((p) => confirmationsOf(p, this.lexiconTags).map((t) => this.shared(t)));
      const sequences = rule.patterns.map((p) => {
        const { terms, gaps } = sequenceOf(p, this.lexiconTags);
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
        patterns: rule.patterns.map((p) => this.parsed(p)),
        patternIds,
        unless: unlessSources.map((source) => this.unlessPattern(source)),
        unlessOrigins,
      });
    }
    this.indexPatterns();
    this.candidateMarks = new Uint32Array(this.patternRefs.length);
    this.indexDeletes();
  }

  /** Words a misspelling may stand for: lexicon words and the literal words of patterns ("threat", "suffer"). */
  private readonly vocabulary = new Set<string>();

  private indexDeletes(): void {
    for (const word of this.words.keys()) this.vocabulary.add(word);
    for (const { rule } of this.rules) {
      for (const pattern of [...rule.patterns, ...(rule.unless ?? [])]) {
        for (const term of parsePattern(pattern)) for (const word of term.words) this.vocabulary.add(word);
      }
    }
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
    if (this.vocabulary.has(lower) || this.tagsOfWord(lower) || this.phrases.has(lower)) return undefined;
    // A misspelt plural ("muslms"): the singular is what the lexicon lists.
    return this.oneEditFrom(lower) ?? (lower.endsWith('s') ? this.oneEditFrom(lower.slice(0, -1)) : undefined);
  }

  private isWord(lower: string): boolean {
    return this.guard.has(lower) || this.isEnglishWord(lower);
  }

  /** A lexicon or pattern word, as written or as a plural. */
  private isVocabulary(lower: string): boolean {
    return this.vocabulary.has(lower) || this.tagsOfWord(lower) !== undefined;
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
    if (at > 1 && !sentenceStart && /^\p{Lu}\p{Ll}/u.test(word) && !this.tagsOfWord(lower.slice(0, at))?.some((t) => CAPITALISED_TAGS.has(t))) return 0;
    return at;
  }

  /** compoundSplit without asking whether the whole token is a word (for building the guard list). */
  splitOf(lower: string): number {
    if (lower.length < 5 || lower.length > 30 || !/^[a-z]+$/.test(lower)) return 0;
    if (this.isVocabulary(lower) || this.phrases.has(lower)) return 0;
    const partIsWord = (part: string): boolean => this.isVocabulary(part) || this.isCommonWord(part);
    for (let i = 1; i < lower.length; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i);
      // Short halves only where text-speak runs them on: "Ihate", "uidiot", "sosickening", "deathto".
      if ((head.length <= 2 && !SHORT_HALVES.has(head)) || (tail.length <= 2 && !SHORT_TAILS.has(tail))) continue;
      if (!(this.tagsOfWord(head) || this.tagsOfWord(tail))) continue;
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

  /** Every pattern, as (rule, pattern) positions, and an index from each required word or tag to them. */
  private readonly patternRefs: Array<{ ruleIndex: number; patternIndex: number }> = [];
  private readonly patternsByTag = new Map<string, number[]>();
  private readonly patternsByWord = new Map<string, number[]>();
  private readonly wordsPerTag = new Map<string, number>();
  /** Lexicon tags whose words are in most school posts (see LexiconFile.everyday). */
  private readonly everydayTags = new Set<string>();
  /** candidateMarks[id] === candidateStamp: pattern id is already a candidate of this sentence. */
  private candidateMarks = new Uint32Array(0);
  private candidateStamp = 0;

  /**
   * Roughly how many sentences satisfy a requirement: a lexicon tag counts its
   * words, a name tag (#Pupil…) is on many school posts, an everyday word is in
   * most sentences. Only chooses index keys, so any estimate gives the same answers.
   */
  private commonness(requirement: Trigger): number {
    let score = 0;
    for (const tag of requirement.tags) score += (ENGINE_TAGS as readonly string[]).includes(tag) || this.everydayTags.has(tag) ? 1000 : (this.wordsPerTag.get(tag) ?? 0);
    for (const word of requirement.words) score += this.isCommonWord(word) ? 100 : 1;
    return score;
  }

  private indexPatterns(): void {
    for (const tags of this.words.values()) for (const tag of tags) this.wordsPerTag.set(tag, (this.wordsPerTag.get(tag) ?? 0) + 1);
    for (const phrases of this.phrases.values()) for (const phrase of phrases) for (const tag of phrase.tags) this.wordsPerTag.set(tag, (this.wordsPerTag.get(tag) ?? 0) + 1);
    this.rules.forEach((compiled, ruleIndex) => {
      compiled.requirements.forEach((required, patternIndex) => {
        if (required.length === 0) return;
        const id = this.patternRefs.push({ ruleIndex, patternIndex }) - 1;
        // Indexing under one requirement is enough, as all must hold anyway: the rarest
        // one, so that a sentence wakes as few patterns as possible to be confirmed.
        const key = required.reduce((best, r) => (this.commonness(r) < this.commonness(best) ? r : best));
        for (const tag of key.tags) this.patternsByTag.set(tag, [...(this.patternsByTag.get(tag) ?? []), id]);
        for (const word of key.words) this.patternsByWord.set(word, [...(this.patternsByWord.get(word) ?? []), id]);
      });
    });
  }

  private readonly unlessPatterns = new Map<string, UnlessPattern>();
  private unlessPattern(source: string): UnlessPattern {
    let compiled = this.unlessPatterns.get(source);
    if (!compiled) {
      compiled = {
        source,
        parsed: this.parsed(source),
        requirements: requirementsOf(source, this.lexiconTags).map((t) => this.shared(t)),
        confirmations: confirmationsOf(source, this.lexiconTags).map((t) => this.shared(t)),
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

  private addTag(map: Map<string, string[]>, word: string, tag: string): void {
    const tags = map.get(word) ?? [];
    if (!tags.includes(tag)) tags.push(tag);
    map.set(word, tags);
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
      const reads = (regs: readonly MatchReg[]): boolean =>
        regs.some(
          (reg) =>
            (typeof reg.tag === 'string' && (!this.lexiconTags.has(reg.tag) || this.parserTags.has(reg.tag))) ||
            reg.method !== undefined ||
            reg.chunk !== undefined ||
            reg.switch !== undefined ||
            reg.pos !== undefined ||
            reg.sense !== undefined ||
            reg.fuzzy === true ||
            (reg.choices ?? []).some((choice) => Array.isArray(choice) && reads(choice)),
        );
      answer = reads(parsed as unknown as MatchReg[]);
      this.taggerNeeds.set(parsed, answer);
    }
    return answer;
  }

  /** Is this word in any lexicon? (Lets the normaliser settle "ug1y" as "ugly".) */
  isLexiconWord(lower: string): boolean {
    return this.tagsOfWord(lower) !== undefined || this.phrases.has(lower);
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
      for (const word of [...this.words.keys(), ...this.phrases.keys(), ...this.vocabulary]) {
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
      for (const [word, tags] of this.words) {
        if (word.length < 3 || !/^[a-z]+$/.test(word) || tags.every((t) => this.everydayTags.has(t))) continue;
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
  eligibleRules(
    tokens: readonly Token[],
    engineTags: ReadonlyMap<number, readonly string[]>,
    role: Role,
    isNameWord: (token: Token) => boolean = () => false,
  ): Eligibility {
    const forms = tokens.map((t) => lexiconWordForm(t.lower));
    const corrections = new Map<string, string>();
    // The spelling as written still counts too: a rule may list "2moro" itself.
    const respelt = new Map<number, string>();
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'word' || engineTags.has(i)) continue;
      // "wi" is "with", "tmrw" is "tomorrow": read as the word the rules are written with.
      const standard = this.spellings.get(forms[i]);
      if (standard && !isNameWord(tokens[i])) {
        corrections.set(forms[i], standard);
        respelt.set(i, forms[i]);
        forms[i] = standard;
        continue;
      }
      // A misspelling stands for a lexicon or pattern word, unless it is someone's name.
      if (forms[i].length < FUZZY_MIN_LENGTH - 1) continue;
      const corrected = this.fuzzyWord(forms[i]);
      if (!corrected) continue;
      // A capital mid-sentence is probably a name ("Tyrese" is not "tyres"), unless it stands for a group ("a Muslm").
      const nameLike = i > 0 && /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !this.tagsOfWord(corrected)?.some((t) => CAPITALISED_TAGS.has(t));
      if (!nameLike && !isNameWord(tokens[i])) {
        corrections.set(forms[i], corrected);
        forms[i] = corrected;
      }
    }
    // Tags per token, only for tokens that have any (most have none).
    const tokenTags = new Map<number, string[]>();
    const tags = new Set<string>();
    const addTags = (i: number, added: readonly string[]): void => {
      const list = tokenTags.get(i);
      if (list) list.push(...added);
      else tokenTags.set(i, [...added]);
      for (const tag of added) tags.add(tag);
    };
    for (const [i, added] of engineTags) addTags(i, added);
    for (let i = 0; i < tokens.length; i++) {
      const direct = this.tagsOfWord(forms[i]);
      if (direct) addTags(i, direct);
      for (const phrase of this.phrasesAt(forms, i)) for (let k = 0; k < phrase.words.length; k++) addTags(i + k, phrase.tags);
    }
    const words = new Set([...forms, ...respelt.values()]);
    const satisfiedAnswers = new Map<Trigger, boolean>();
    const satisfied = (t: Trigger): boolean => {
      let answer = satisfiedAnswers.get(t);
      if (answer === undefined) {
        answer = t.tags.some((tag) => tags.has(tag)) || t.words.some((w) => words.has(w));
        satisfiedAnswers.set(t, answer);
      }
      return answer;
    };
    // Every word compromise may read each token as ("they're" → they, are; "gonna" → going, to),
    // and its tags, with where each stands: counted as compromise will count its words at the
    // least (a contraction becomes two words, never fewer, and only "he / she" or "2 - 5" join
    // across a space). Built on first need: most sentences are settled by `satisfied` alone.
    let readingPlaces: Map<string, number[]> | undefined;
    let tagPlaces: Map<string, number[]> | undefined;
    const readAll = (): void => {
      readingPlaces = new Map();
      tagPlaces = new Map();
      const note = (map: Map<string, number[]>, key: string, place: number): void => {
        const list = map.get(key);
        if (!list) map.set(key, [place]);
        else if (list[list.length - 1] !== place) list.push(place);
      };
      // A word's readings and their tags depend only on how it is written: worked out
      // once per distinct word, as a long post (or a pasted run) repeats its words.
      const readingsByWord = new Map<string, Array<{ word: string; tags: readonly string[] }>>();
      let place = 0;
      for (let i = 0; i < tokens.length; i++) {
        if (i > 0 && /\s/.test(tokens[i - 1].after) && !/[/\-–—]/.test(tokens[i - 1].after)) place++;
        const key = `${tokens[i].possessive ? 1 : 0}${forms[i]}\u0000${tokens[i].lower}`;
        let readings = readingsByWord.get(key);
        if (!readings) {
          readings = readingsOf(tokens[i].lower, forms[i], tokens[i].possessive).map((word) => ({ word, tags: this.tagsOfWord(word) ?? NO_TAGS }));
          readingsByWord.set(key, readings);
        }
        const written = respelt.get(i);
        if (written !== undefined) {
          note(readingPlaces, written, place);
          for (const tag of this.tagsOfWord(written) ?? NO_TAGS) note(tagPlaces, tag, place);
        }
        for (const reading of readings) {
          note(readingPlaces, reading.word, place);
          for (const tag of reading.tags) note(tagPlaces, tag, place);
        }
        for (const tag of tokenTags.get(i) ?? NO_TAGS) note(tagPlaces, tag, place);
      }
    };
    const confirmedAnswers = new Map<Trigger, boolean>();
    const confirmed = (t: Trigger): boolean => {
      let answer = confirmedAnswers.get(t);
      if (answer === undefined) {
        answer = t.tags.some((tag) => tags.has(tag));
        if (!answer) {
          if (!readingPlaces) readAll();
          answer = t.words.some((w) => readingPlaces!.has(w));
        }
        confirmedAnswers.set(t, answer);
      }
      return answer;
    };
    const metAt = new Map<Trigger, number[]>();
    const whereMet = (t: Trigger): number[] => {
      let found = metAt.get(t);
      if (!found) {
        if (!readingPlaces) readAll();
        const lists = [...t.words.map((w) => readingPlaces!.get(w)), ...t.tags.map((tag) => tagPlaces!.get(tag))].filter((l) => l !== undefined);
        found = lists.length === 1 ? lists[0] : [...new Set(lists.flat())].sort((a, b) => a - b);
        metAt.set(t, found);
      }
      return found;
    };
    // Can the pattern's words be met in its order, each within reach of the one before?
    const inSequence = ({ terms, gaps }: { terms: Trigger[]; gaps: number[] }): boolean => {
      if (terms.length < 2) return true;
      let reached = whereMet(terms[0]);
      for (let j = 1; j < terms.length && reached.length > 0; j++) {
        const before = reached;
        const gap = gaps[j - 1];
        reached = withinReach(whereMet(terms[j]), before, gap);
      }
      return reached.length > 0;
    };
    // Only patterns indexed under a word or tag this sentence has can be satisfied.
    // Marked in a reused array rather than a Set: a long post has hundreds of candidates per sentence.
    const stamp = ++this.candidateStamp;
    const found: number[] = [];
    const mark = (ids: readonly number[] | undefined): void => {
      for (const id of ids ?? []) {
        if (this.candidateMarks[id] === stamp) continue;
        this.candidateMarks[id] = stamp;
        found.push(id);
      }
    };
    for (const tag of tags) mark(this.patternsByTag.get(tag));
    for (const word of words) mark(this.patternsByWord.get(word));
    // In rule order, so findings come out in the same order whatever the sentence.
    const candidates = Int32Array.from(found).sort();
    const keepByRule = new Map<number, Array<[ParsedPattern, number]>>();
    const usedTriggers = new Set<Trigger>();
    for (const id of candidates) {
      const { ruleIndex, patternIndex } = this.patternRefs[id];
      const compiled = this.rules[ruleIndex];
      if (compiled.rule.roles && !compiled.rule.roles.includes(role)) continue;
      const required = compiled.requirements[patternIndex];
      if (!required.every(satisfied) || !compiled.confirmations[patternIndex].every(confirmed)) continue;
      // The words around every pattern that has its words make the windows, as they
      // always have: a window's edges decide what the cancelling frames can see.
      for (const r of required) usedTriggers.add(r);
      if (!inSequence(compiled.sequences[patternIndex])) continue;
      const keep = keepByRule.get(ruleIndex) ?? [];
      keep.push([compiled.patterns[patternIndex], patternIndex]);
      keepByRule.set(ruleIndex, keep);
    }
    const rules: EligibleRule[] = [...keepByRule.entries()].map(([ruleIndex, kept]) => ({
      ...this.rules[ruleIndex],
      patterns: kept.map(([pattern]) => pattern),
      patternIndexes: kept.map(([, index]) => index),
    }));
    const hits: number[] = [];
    if (rules.length > 0) {
      const usedTags = new Set<string>();
      const usedWords = new Set<string>();
      for (const r of usedTriggers) {
        for (const tag of r.tags) usedTags.add(tag);
        for (const word of r.words) usedWords.add(word);
      }
      for (let i = 0; i < tokens.length; i++) {
        if (usedWords.has(forms[i]) || usedWords.has(respelt.get(i) ?? '') || tokenTags.get(i)?.some((t) => usedTags.has(t))) hits.push(i);
      }
    }
    const mayMatch = (unless: UnlessPattern): boolean => unless.requirements.every(satisfied) && unless.confirmations.every(confirmed);
    return { rules, hits, corrections, mayMatch };
  }

  /**
   * Pronouns that refer back to a protected group (token indices): after the
   * group in its own sentence and anywhere in the next ("That's typical of
   * immigrants. They're vile."), and in the sentence before one that names
   * them ("They are so stupid. They are Muslims after all.").
   */
  groupReferences(tokens: readonly Token[], sentences: ReadonlyArray<{ firstToken: number; endToken: number }>): number[] {
    const pronoun = tokens.map((t) => t.kind === 'word' && GROUP_PRONOUNS.has(t.lower.replace(/’/g, "'")));
    if (!pronoun.some(Boolean)) return [];
    const found = new Set<number>();
    const hasPronoun = sentences.map((sentence) => pronoun.slice(sentence.firstToken, sentence.endToken).some(Boolean));
    // Only sentences with a pronoun in or next to them need their group found.
    const firstGroup = sentences.map((sentence, s) => {
      if (!hasPronoun[s] && !hasPronoun[s + 1] && !hasPronoun[s - 1]) return -1;
      for (let k = sentence.firstToken; k < sentence.endToken; k++) if (this.hasTag(tokens, k, GROUP_TAG)) return k;
      return -1;
    });
    sentences.forEach((sentence, s) => {
      const group = firstGroup[s];
      if (group < 0) return;
      for (let k = group + 1; k < sentence.endToken; k++) if (pronoun[k]) found.add(k);
      const next = sentences[s + 1];
      if (next) for (let k = next.firstToken; k < next.endToken; k++) if (pronoun[k]) found.add(k);
      const previous = sentences[s - 1];
      if (previous && this.namesGroupAsSubject(tokens, sentence, group)) {
        for (let k = previous.firstToken; k < previous.endToken; k++) if (pronoun[k]) found.add(k);
      }
    });
    return [...found].sort((a, b) => a - b);
  }

  /** "they are Muslims", "they're immigrants": a subject pronoun, a copula, then the group within a few words. */
  private namesGroupAsSubject(tokens: readonly Token[], sentence: { firstToken: number }, group: number): boolean {
    for (let k = Math.max(sentence.firstToken, group - 6); k < group; k++) {
      const lower = tokens[k].lower.replace(/’/g, "'");
      if (!SUBJECT_PRONOUNS.has(lower)) continue;
      if (lower === "they're" || lower === 'theyre' || ['are', 'r', 'were'].includes(tokens[k + 1]?.lower ?? '')) return true;
    }
    return false;
  }

  /** The lexicon phrases that start at word `at` of these word forms. */
  private phrasesAt(forms: readonly string[], at: number): Phrase[] {
    const candidates = this.phrasesByPair.get(forms[at])?.get(forms[at + 1]);
    if (!candidates) return NO_PHRASES;
    return candidates.filter((phrase) => {
      for (let k = 2; k < phrase.words.length; k++) if (forms[at + k] !== phrase.words[k]) return false;
      return true;
    });
  }

  private hasTag(tokens: readonly Token[], i: number, tag: string): boolean {
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

/**
 * The positions in `next` that some position in `before` precedes by at most
 * `gap` words. Both lists are sorted, so one pass over each: a run-on post of
 * hundreds of thousands of words must not make this quadratic.
 */
function withinReach(next: readonly number[], before: readonly number[], gap: number): number[] {
  const out: number[] = [];
  let q = 0;
  for (const p of next) {
    // The first earlier position that is not too far back…
    while (q < before.length && before[q] < p - gap) q++;
    // …counts if it is not after p.
    if (q < before.length && before[q] <= p) out.push(p);
  }
  return out;
}

/**
 * A rule with the patterns it borrows (patternsFrom) after its own, and each
 * pattern's id: its place in the rule that owns it. Throws, naming the rule,
 * when it borrows from a rule that does not exist or that borrows in turn.
 */
function withBorrowedPatterns(own: Rule, byId: ReadonlyMap<string, Rule>): { rule: Rule; patternIds: string[] } {
  const ids = (rule: Rule): string[] => rule.patterns.map((_, k) => `${rule.id}#${k + 1}`);
  if (!own.patternsFrom || own.patternsFrom.length === 0) return { rule: own, patternIds: ids(own) };
  const lenders = own.patternsFrom.map((id) => {
    const lender = byId.get(id);
    if (!lender) throw new Error(`Rule ${own.id} borrows the patterns of ${id} (patternsFrom), but there is no rule with that id.`);
    if (lender.patternsFrom && lender.patternsFrom.length > 0) {
      throw new Error(`Rule ${own.id} borrows the patterns of ${id}, which borrows patterns itself: borrow from the rule that owns them.`);
    }
    return lender;
  });
  return {
    rule: { ...own, patterns: [...own.patterns, ...lenders.flatMap((lender) => lender.patterns)] },
    patternIds: [...ids(own), ...lenders.flatMap(ids)],
  };
}

/** A rule's pattern as the engine runs it: longest alternatives first, wildcards able to see into groups. */
export function parseForMatch(pattern: string): ParsedPattern {
  const parsed = parseMatchPattern(longestAlternativesFirst(pattern));
  lookAheadIntoGroups(parsed as unknown as MatchReg[]);
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
