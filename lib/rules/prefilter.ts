// The prefilter: from a sentence's words alone, which rules' patterns could
// match there, and which words made them eligible. Most sentences wake no
// pattern and are never parsed; a pattern is indexed under its rarest required
// word or tag, then confirmed (its other words present, in order, within reach)
// before anything is parsed.

import { contractionTable } from '../text/compromise';
import type { Token } from '../text/tokens';
import type { Role } from '../types';
import type { CompiledRule, ParsedPattern, UnlessPattern } from './compile';
import { CAPITALISED_TAGS, ENGINE_TAGS, lexiconWordForm, type Lexicon } from './lexicon';
import type { Trigger } from './pattern';
import { FUZZY_MIN_LENGTH, type Spelling } from './spelling';

const NO_TAGS: readonly string[] = [];

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

export class Prefilter {
  /** Every pattern, as (rule, pattern) positions, and an index from each required word or tag to them. */
  private readonly patternRefs: Array<{ ruleIndex: number; patternIndex: number }> = [];
  private readonly patternsByTag = new Map<string, number[]>();
  private readonly patternsByWord = new Map<string, number[]>();
  private readonly wordsPerTag: ReadonlyMap<string, number>;
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
    for (const tag of requirement.tags) score += (ENGINE_TAGS as readonly string[]).includes(tag) || this.lexicon.everydayTags.has(tag) ? 1000 : (this.wordsPerTag.get(tag) ?? 0);
    for (const word of requirement.words) score += this.spelling.isCommonWord(word) ? 100 : 1;
    return score;
  }

  private indexPatterns(): void {
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


  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly lexicon: Lexicon,
    private readonly spelling: Spelling,
  ) {
    this.wordsPerTag = lexicon.wordsPerTag();
    this.indexPatterns();
    this.candidateMarks = new Uint32Array(this.patternRefs.length);
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
      const standard = this.spelling.spellings.get(forms[i]);
      if (standard && !isNameWord(tokens[i])) {
        corrections.set(forms[i], standard);
        respelt.set(i, forms[i]);
        forms[i] = standard;
        continue;
      }
      // A misspelling stands for a lexicon or pattern word, unless it is someone's name.
      if (forms[i].length < FUZZY_MIN_LENGTH - 1) continue;
      const corrected = this.spelling.fuzzyWord(forms[i]);
      if (!corrected) continue;
      // A capital mid-sentence is probably a name ("Tyrese" is not "tyres"), unless it stands for a group ("a Muslm").
      const nameLike = i > 0 && /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !this.lexicon.tagsOfWord(corrected)?.some((t) => CAPITALISED_TAGS.has(t));
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
      const direct = this.lexicon.tagsOfWord(forms[i]);
      if (direct) addTags(i, direct);
      for (const phrase of this.lexicon.phrasesAt(forms, i)) for (let k = 0; k < phrase.words.length; k++) addTags(i + k, phrase.tags);
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
          readings = readingsOf(tokens[i].lower, forms[i], tokens[i].possessive).map((word) => ({ word, tags: this.lexicon.tagsOfWord(word) ?? NO_TAGS }));
          readingsByWord.set(key, readings);
        }
        const written = respelt.get(i);
        if (written !== undefined) {
          note(readingPlaces, written, place);
          for (const tag of this.lexicon.tagsOfWord(written) ?? NO_TAGS) note(tagPlaces, tag, place);
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
