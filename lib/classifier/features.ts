// What the classifier sees of a post: hashed features of its words.
//
// Chosen to generalise to phrasing nobody wrote down:
// - words, and a standard spelling beside a regional or text-speak one
//   ("ye" also counts as "you"), so slang shares weight with plain English;
// - a rough lemma ("threatening" → "threaten"), so inflections share weight;
// - word pairs and pairs with one word skipped, so "kill yourself" is a feature
//   and so is "literally … die" with a filler between;
// - character 3- to 5-grams inside each word, so misspellings, stretched or
//   masked letters and unseen compounds still share most of their features;
// - emoji, which carry much of the tone of a post.
// compromise's part-of-speech tags are not used: a parse costs ~5 ms a post,
// 25 times this whole classifier, and in trials they added nothing the word
// pairs did not already give.
//
// Names found by the engine (pupils, staff, the school) become one placeholder
// word each, so the model learns "‹person› is a liar", never a pupil's name.

import { finish, hashAdd, hashPair, hashStart, hashString } from './hashing';

/** Bump when the features change: a model trained on other features must not be loaded. */
export const FEATURE_VERSION = 1;

export interface ClassifierToken {
  /** The word in lower case, apostrophes removed ("dont"), or a placeholder. */
  word: string;
  /** The standard spelling of a regional or text-speak word ("ye" → "you"), if different. */
  standard?: string;
  /** Offsets into the text the caller highlights (the engine's normalised text). */
  start: number;
  end: number;
  /** Sentence index: word pairs never cross a sentence. */
  sentence: number;
  /** The token is a name the engine found; its letters are not features. */
  entity?: 'person' | 'school';
}

export interface Features {
  /** Bucket of each feature occurrence. */
  buckets: Int32Array;
  /** The token each occurrence belongs to (for windows and explanations). */
  owners: Int32Array;
  /** A pair feature: the second token, for splitting credit between the two words; else -1. */
  partners: Int32Array;
  length: number;
}

export const PERSON_WORD = '‹person›';
export const SCHOOL_WORD = '‹school›';
const NUMBER_WORD = '‹number›';

// Feature kinds, so that the word "kill" and the 4-gram "kill" are different features.
const WORD = 1;
const STANDARD = 2;
const LEMMA = 3;
const PAIR = 4;
const SKIP_PAIR = 5;
const CHARS = 6;
const EMOJI = 7;

const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Longer words are pasted blobs or run-together text: only their first characters give n-grams. */
const MAX_GRAM_WORD = 24;

/**
 * Intensifiers and fillers that can sit inside any phrase ("i want to
 * literally bloody die"). Word pairs are also formed as if they were not
 * there, so the phrase under them still counts.
 */
const FILLERS = new Set([
  'literally', 'actually', 'honestly', 'genuinely', 'seriously', 'totally', 'lowkey', 'highkey', 'deadass', 'really', 'just',
  'bloody', 'fucking', 'fuckin', 'fkn', 'fking', 'effing', 'freaking', 'frickin', 'flipping', 'proper', 'fr', 'so', 'well',
]);

/** A rough English lemma by suffix: enough to make "threatening", "threatened" and "threatens" meet. */
export function roughLemma(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (n > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (n > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  if (n > 4 && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function undouble(stem: string): string {
  const n = stem.length;
  return n > 2 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1]) ? stem.slice(0, -1) : stem;
}

class FeatureBuilder {
  buckets: Int32Array;
  owners: Int32Array;
  partners: Int32Array;
  length = 0;
  constructor(
    capacity: number,
    private readonly mask: number,
  ) {
    this.buckets = new Int32Array(capacity);
    this.owners = new Int32Array(capacity);
    this.partners = new Int32Array(capacity);
  }
  add(hash: number, owner: number, partner = -1): void {
    if (this.length === this.buckets.length) this.grow();
    this.buckets[this.length] = finish(hash) & this.mask;
    this.owners[this.length] = owner;
    this.partners[this.length] = partner;
    this.length++;
  }
  result(): Features {
    return { buckets: this.buckets, owners: this.owners, partners: this.partners, length: this.length };
  }
  private grow(): void {
    const size = this.buckets.length * 2 + 16;
    const copy = (from: Int32Array): Int32Array => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.buckets = copy(this.buckets);
    this.owners = copy(this.owners);
    this.partners = copy(this.partners);
  }
}

const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** The word a feature is built from: placeholders for names and numbers. */
function featureWord(token: ClassifierToken): string {
  if (token.entity === 'person') return PERSON_WORD;
  if (token.entity === 'school') return SCHOOL_WORD;
  return isNumber(token.word) ? NUMBER_WORD : token.word;
}

/**
 * The features of a token list. `text` is the text the tokens' offsets point
 * into; it is read only for emoji, which are not tokens.
 */
export function extractFeatures(tokens: readonly ClassifierToken[], text: string, hashBits: number): Features {
  const builder = new FeatureBuilder(tokens.length * 24 + 8, (1 << hashBits) - 1);
  const wordHashes = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) wordHashes[i] = addWordFeatures(builder, tokens[i], i);
  addContextFeatures(builder, tokens, wordHashes, text);
  return builder.result();
}

/** A word's own features (its word, spelling, lemma and letters): the same wherever it stands. */
export function wordFeatures(token: ClassifierToken, hashBits: number): { buckets: Int32Array; length: number; wordHash: number } {
  const builder = new FeatureBuilder(32, (1 << hashBits) - 1);
  const wordHash = addWordFeatures(builder, token, 0);
  return { buckets: builder.buckets, length: builder.length, wordHash };
}

/**
 * The features that depend on a word's neighbours (pairs, pairs across
 * fillers) and the emoji, given each token's word hash from wordFeatures.
 */
export function contextFeatures(tokens: readonly ClassifierToken[], wordHashes: Int32Array, text: string, hashBits: number): Features {
  const builder = new FeatureBuilder(tokens.length * 3 + 8, (1 << hashBits) - 1);
  addContextFeatures(builder, tokens, wordHashes, text);
  return builder.result();
}

/** Adds a token's own features; returns the hash of its word, which pairs are built from. */
function addWordFeatures(builder: FeatureBuilder, token: ClassifierToken, owner: number): number {
  const word = featureWord(token);
  const plain = token.standard ?? word;
  const wordHash = hashString(hashStart(WORD), plain);
  builder.add(wordHash, owner);
  if (token.standard) builder.add(hashString(hashStart(STANDARD), word), owner);
  if (token.entity || word !== token.word) return wordHash; // a name or a number: no lemma, no letters
  const lemma = roughLemma(plain);
  if (lemma !== plain) builder.add(hashString(hashStart(LEMMA), lemma), owner);
  addCharGrams(builder, word, owner);
  return wordHash;
}

function addContextFeatures(builder: FeatureBuilder, tokens: readonly ClassifierToken[], wordHashes: Int32Array, text: string): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i + 1].sentence !== tokens[i].sentence) continue;
    builder.add(hashPair(PAIR, wordHashes[i], wordHashes[i + 1]), i, i + 1);
    if (i + 2 < tokens.length && tokens[i + 2].sentence === tokens[i].sentence) {
      builder.add(hashPair(SKIP_PAIR, wordHashes[i], wordHashes[i + 2]), i, i + 2);
    }
    // Across fillers: "to literally bloody die" also gives the pair "to die".
    if (FILLERS.has(tokens[i].word) || !FILLERS.has(tokens[i + 1].word)) continue;
    let next = i + 1;
    while (next < tokens.length && FILLERS.has(tokens[next].word) && next - i <= 3) next++;
    if (next < tokens.length && next - i > 1 && !FILLERS.has(tokens[next].word) && tokens[next].sentence === tokens[i].sentence) {
      builder.add(hashPair(PAIR, wordHashes[i], wordHashes[next]), i, next);
    }
  }
  addEmoji(builder, tokens, text);
}

function addCharGrams(builder: FeatureBuilder, word: string, owner: number): void {
  // "<word>" with edge marks, so a prefix or suffix is its own feature.
  const length = Math.min(word.length, MAX_GRAM_WORD) + 2;
  for (let from = 0; from + MIN_GRAM <= length; from++) {
    let hash = hashStart(CHARS);
    for (let n = 0; n < MAX_GRAM && from + n < length; n++) {
      hash = hashAdd(hash, gramUnit(word, length, from + n));
      if (n + 1 >= MIN_GRAM) builder.add(hash, owner);
    }
  }
}

/**
 * Code unit k of "<word>" cut to `length` units: a start mark, the word's letters,
 * and an end mark unless the word was cut. (A plain function rather than a closure
 * made per word: this runs for every word of every post.)
 */
function gramUnit(word: string, length: number, k: number): number {
  if (k === 0) return 0x3c;
  if (k === length - 1 && word.length <= MAX_GRAM_WORD) return 0x3e;
  return word.charCodeAt(k - 1);
}

function addEmoji(builder: FeatureBuilder, tokens: readonly ClassifierToken[], text: string): void {
  if (tokens.length === 0) return;
  EMOJI_PATTERN.lastIndex = 0;
  let owner = 0;
  for (let m = EMOJI_PATTERN.exec(text); m; m = EMOJI_PATTERN.exec(text)) {
    // An emoji belongs to the word before it (or the first word, if it opens the post).
    while (owner + 1 < tokens.length && tokens[owner + 1].start <= m.index) owner++;
    builder.add(hashString(hashStart(EMOJI), m[0]), owner);
  }
}
