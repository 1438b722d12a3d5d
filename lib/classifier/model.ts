// The learned classifier: a linear model per category over hashed features
// (lib/classifier/features.ts), with int8 weights in one small binary file.
//
// Why a hand-written linear model and not a library: the extension's service
// worker may not use eval (MV3 forbids 'unsafe-eval'), the model must load from
// bytes, and a check must take well under a millisecond. fastText's WASM builds
// need 'unsafe-eval' or cannot load quantised models; ONNX and transformer
// runtimes are megabytes of WASM for what is here a few thousand multiply-adds.
// A linear model is also easy to explain: each word's share of the score is
// exact, so a warning can say which words drove it.
//
// File layout (little-endian):
//   "STC1"  u16 format  u8 hashBits  u8 categories  u32 featureVersion
//   per category: u8 name length, name (ASCII), f32 scale, f32 bias, f32 threshold
//   zero padding to a multiple of 4
//   int8 weights, bucket-major: weights[bucket * categories + category] × scale

import { FEATURE_VERSION, contextFeatures, extractFeatures, wordFeatures, type ClassifierToken, type Features } from './features';

const MAGIC = 'STC1';
const FORMAT = 1;

export interface ModelCategory {
  name: string;
  /** A weight is its int8 value times this. */
  scale: number;
  bias: number;
  /** A score (in logits) at or above this flags the category. */
  threshold: number;
}

export interface ModelParts {
  hashBits: number;
  categories: ModelCategory[];
  /** bucket-major int8 weights */
  weights: Int8Array;
}

/** The stretch of a post that scored highest for a category. */
export interface CategoryScore {
  category: string;
  /** Logit of the best window. */
  score: number;
  threshold: number;
  /** The best window, as token indices [first, end). */
  firstToken: number;
  endToken: number;
}

/** A window worth scoring on its own: a sentence, two neighbouring sentences, a slice of a run-on sentence, or the whole post. */
interface TokenWindow {
  first: number;
  end: number;
}

/** Posts up to this many words are scored only as a whole. */
const WHOLE_ONLY_TOKENS = 60;
/** A window of a longer post: at least this many words (a short post) where sentences allow, at most this many. */
const MIN_WINDOW_TOKENS = 12;
const WINDOW_TOKENS = 40;
/** Run-on sentences are sliced this many words apart. */
const SLICE_STEP = 20;

export class ClassifierModel {
  readonly hashBits: number;
  readonly categories: readonly ModelCategory[];
  private readonly weights: Int8Array;

  constructor(parts: ModelParts) {
    const expected = (1 << parts.hashBits) * parts.categories.length;
    if (parts.weights.length !== expected) throw new Error(`The model has ${parts.weights.length} weights; expected ${expected}.`);
    this.hashBits = parts.hashBits;
    this.categories = parts.categories;
    this.weights = parts.weights;
  }

  /** Reads a model file. Throws an Error that says what is wrong with it. */
  static fromBytes(bytes: Uint8Array): ClassifierModel {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const fail = (why: string): never => {
      throw new Error(`The classifier model file cannot be read: ${why}. Rebuild it with npm run train.`);
    };
    if (bytes.length < 12 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== MAGIC) fail('it does not start with STC1');
    if (view.getUint16(4, true) !== FORMAT) fail(`format ${view.getUint16(4, true)} is not ${FORMAT}`);
    const hashBits = bytes[6];
    const count = bytes[7];
    if (view.getUint32(8, true) !== FEATURE_VERSION) fail(`it was trained on feature version ${view.getUint32(8, true)}, not ${FEATURE_VERSION}`);
    if (hashBits < 8 || hashBits > 24 || count === 0) fail('its header is damaged');
    let at = 12;
    const categories: ModelCategory[] = [];
    for (let c = 0; c < count; c++) {
      if (at + 1 > bytes.length) fail('it is cut short');
      const length = bytes[at++];
      if (at + length + 12 > bytes.length) fail('it is cut short');
      const name = String.fromCharCode(...bytes.subarray(at, at + length));
      at += length;
      categories.push({ name, scale: view.getFloat32(at, true), bias: view.getFloat32(at + 4, true), threshold: view.getFloat32(at + 8, true) });
      at += 12;
    }
    at = (at + 3) & ~3;
    const size = (1 << hashBits) * count;
    if (bytes.length !== at + size) fail(`it holds ${bytes.length - at} weight bytes, not ${size}`);
    return new ClassifierModel({ hashBits, categories, weights: new Int8Array(bytes.buffer, bytes.byteOffset + at, size) });
  }

  toBytes(): Uint8Array {
    let header = 12;
    for (const c of this.categories) header += 1 + c.name.length + 12;
    header = (header + 3) & ~3;
    const bytes = new Uint8Array(header + this.weights.length);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
    view.setUint16(4, FORMAT, true);
    bytes[6] = this.hashBits;
    bytes[7] = this.categories.length;
    view.setUint32(8, FEATURE_VERSION, true);
    let at = 12;
    for (const c of this.categories) {
      bytes[at++] = c.name.length;
      for (let i = 0; i < c.name.length; i++) bytes[at++] = c.name.charCodeAt(i);
      view.setFloat32(at, c.scale, true);
      view.setFloat32(at + 4, c.bias, true);
      view.setFloat32(at + 8, c.threshold, true);
      at += 12;
    }
    bytes.set(new Uint8Array(this.weights.buffer, this.weights.byteOffset, this.weights.length), header);
    return bytes;
  }

  /** The same weights with new per-category thresholds (training chooses them after fitting). */
  withThresholds(thresholds: readonly number[]): ClassifierModel {
    return new ClassifierModel({
      hashBits: this.hashBits,
      categories: this.categories.map((c, i) => ({ ...c, threshold: thresholds[i] })),
      weights: this.weights,
    });
  }

  features(tokens: readonly ClassifierToken[], text: string): Features {
    return extractFeatures(tokens, text, this.hashBits);
  }

  /**
   * Each token's share of each category's raw score (int8 units, before the
   * scale), and how many features it owns. A pair's weight goes to its first
   * word. A word's own features are the same wherever it stands, so each
   * distinct word is summed once per post: long posts repeat their words.
   */
  private contributions(tokens: readonly ClassifierToken[], text: string): { sums: Float64Array; counts: Int32Array } {
    const k = this.categories.length;
    const { sums, counts, wordHashes } = this.ownWordSums(tokens);
    const weights = this.weights;
    const context = contextFeatures(tokens, wordHashes, text, this.hashBits);
    for (let f = 0; f < context.length; f++) {
      const row = context.buckets[f] * k;
      const out = context.owners[f] * k;
      for (let c = 0; c < k; c++) sums[out + c] += weights[row + c];
      counts[context.owners[f]]++;
    }
    return { sums, counts };
  }

  /**
   * Each token's own features (its word, spelling, lemma and letters) summed per
   * category, how many it has, and its word hash for the pairs. A word's own
   * features are the same wherever it stands, so each distinct word is worked
   * out once per call: a pasted wall of one word costs one word.
   */
  private ownWordSums(tokens: readonly ClassifierToken[]): { sums: Float64Array; counts: Int32Array; wordHashes: Int32Array } {
    const k = this.categories.length;
    const sums = new Float64Array(tokens.length * k);
    const counts = new Int32Array(tokens.length);
    const wordHashes = new Int32Array(tokens.length);
    const weights = this.weights;
    const seen = new Map<string, { sums: Float64Array; count: number; wordHash: number }>();
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      const key = `${token.entity ?? ''}\u0000${token.word}\u0000${token.standard ?? ''}`;
      let own = seen.get(key);
      if (!own) {
        const features = wordFeatures(token, this.hashBits);
        const ownSums = new Float64Array(k);
        for (let f = 0; f < features.length; f++) {
          const row = features.buckets[f] * k;
          for (let c = 0; c < k; c++) ownSums[c] += weights[row + c];
        }
        own = { sums: ownSums, count: features.length, wordHash: features.wordHash };
        if (seen.size < 50_000) seen.set(key, own);
      }
      for (let c = 0; c < k; c++) sums[t * k + c] = own.sums[c];
      counts[t] = own.count;
      wordHashes[t] = own.wordHash;
    }
    return { sums, counts, wordHashes };
  }

  /**
   * Scores a post as a whole and by sentence, by pairs of short neighbouring
   * sentences and by slices of long sentences, so that one harmful line in a
   * long post is not diluted by the rest. Linear in the post's length: every
   * window is summed from running totals.
   */
  score(tokens: readonly ClassifierToken[], text: string): CategoryScore[] {
    const k = this.categories.length;
    const best: CategoryScore[] = this.categories.map((c) => ({ category: c.name, score: -Infinity, threshold: c.threshold, firstToken: 0, endToken: 0 }));
    if (tokens.length === 0) return best;
    const { sums, counts } = this.contributions(tokens, text);
    // Running totals: window [a, b) sums to total[b] - total[a].
    const total = new Float64Array((tokens.length + 1) * k);
    const totalCount = new Float64Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) {
      for (let c = 0; c < k; c++) total[(i + 1) * k + c] = total[i * k + c] + sums[i * k + c];
      totalCount[i + 1] = totalCount[i] + counts[i];
    }
    const consider = (first: number, end: number): void => {
      const n = totalCount[end] - totalCount[first];
      if (n <= 0) return;
      const norm = 1 / Math.sqrt(n);
      for (let c = 0; c < k; c++) {
        const category = this.categories[c];
        const score = category.bias + category.scale * (total[end * k + c] - total[first * k + c]) * norm;
        if (score > best[c].score) best[c] = { ...best[c], score, firstToken: first, endToken: end };
      }
    };
    for (const w of windows(tokens)) consider(w.first, w.end);
    return best;
  }

  /**
   * Each token's share of a category's score within a window: share[i] belongs
   * to token first + i. A pair's weight is split between its words. Unsorted:
   * the caller picks the few it needs in one pass (a pasted wall of words must
   * not cost a sort of thousands).
   */
  explain(tokens: readonly ClassifierToken[], text: string, category: string, first: number, end: number): Float64Array {
    const c = this.categories.findIndex((x) => x.name === category);
    if (c < 0) return new Float64Array(0);
    const k = this.categories.length;
    const scale = this.categories[c].scale;
    const window = tokens.slice(first, end);
    const own = this.ownWordSums(window);
    const share = new Float64Array(window.length);
    for (let t = 0; t < window.length; t++) share[t] = own.sums[t * k + c] * scale;
    const context = contextFeatures(window, own.wordHashes, text, this.hashBits);
    for (let f = 0; f < context.length; f++) {
      const weight = this.weights[context.buckets[f] * k + c] * scale;
      const partner = context.partners[f];
      if (partner >= 0) {
        share[context.owners[f]] += weight / 2;
        share[partner] += weight / 2;
      } else share[context.owners[f]] += weight;
    }
    return share;
  }
}

/**
 * Every window the model scores, each a run of whole tokens. A post of up to
 * WHOLE_ONLY_TOKENS is scored only whole: its sentences are each other's
 * context ("shut up you muppet. love you really 😂" is banter, though its
 * first sentence alone is not). A longer post is also scored in windows about
 * the length of an ordinary post, built from whole sentences where it can be,
 * so one harmful line is judged among a few neighbours, not among hundreds.
 */
function windows(tokens: readonly ClassifierToken[]): TokenWindow[] {
  const out: TokenWindow[] = [{ first: 0, end: tokens.length }];
  if (tokens.length <= WHOLE_ONLY_TOKENS) return out;
  const sentences: TokenWindow[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence) j++;
    sentences.push({ first: i, end: j });
    i = j;
  }
  for (let s = 0; s < sentences.length; s++) {
    const { first, end } = sentences[s];
    if (end - first > WINDOW_TOKENS) {
      // A run-on sentence: overlapping slices.
      for (let from = first; from < end; from += SLICE_STEP) {
        out.push({ first: from, end: Math.min(end, from + WINDOW_TOKENS) });
        if (from + WINDOW_TOKENS >= end) break;
      }
      continue;
    }
    // This sentence and the ones after it, until the window is about a short post long.
    let last = s;
    while (sentences[last].end - first < MIN_WINDOW_TOKENS && last + 1 < sentences.length && sentences[last + 1].end - first <= WINDOW_TOKENS) last++;
    out.push({ first, end: sentences[last].end });
  }
  return out;
}
