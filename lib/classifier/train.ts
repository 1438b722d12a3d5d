// Trains the classifier's weights: one logistic regression per category over
// the hashed features, all categories in one pass over the data, with AdaGrad
// steps and L2 shrinkage. Deterministic: the order of examples comes from a
// seeded generator, so the same data and options give the same weights.
//
// Only `npm run train` and the tests use this file; the extension only loads
// the weights it writes (lib/classifier/model.ts).

import { ClassifierModel, type ModelCategory } from './model';

export interface TrainingExample {
  /** Feature buckets (one entry per occurrence). */
  buckets: Int32Array;
  /** Per category: 1 harmful, 0 not, -1 unknown (the example says nothing about it). */
  labels: Int8Array;
  /** How much this example counts (public data counts less than our own). */
  weight: number;
}

export interface TrainingOptions {
  hashBits: number;
  categories: readonly string[];
  epochs: number;
  learningRate: number;
  /** L2 shrinkage per step on the weights an example touches. */
  l2: number;
  seed: number;
  /**
   * Positives are usually rarer than negatives: each category's positives are
   * weighted by (negatives / positives) ^ this, capped at maxPositiveWeight.
   */
  balancePower: number;
  maxPositiveWeight: number;
}

export interface TrainedWeights {
  /** bucket-major float weights */
  weights: Float32Array;
  bias: Float64Array;
}

/** mulberry32: a small, fast, seeded generator, so training order is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainWeights(examples: readonly TrainingExample[], options: TrainingOptions): TrainedWeights {
  const k = options.categories.length;
  const size = (1 << options.hashBits) * k;
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k);
  // Class balance per category, from the examples that say something about it.
  const positiveWeight = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let pos = 0;
    let neg = 0;
    for (const e of examples) {
      if (e.labels[c] === 1) pos += e.weight;
      else if (e.labels[c] === 0) neg += e.weight;
    }
    positiveWeight[c] = pos > 0 ? Math.min(options.maxPositiveWeight, Math.max(1, (neg / pos) ** options.balancePower)) : 1;
  }
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const gradient = new Float64Array(k);
  const scores = new Float64Array(k);
  const epsilon = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate;
    for (const index of shuffled(order, random)) {
      const example = examples[index];
      const { buckets, labels } = example;
      const n = buckets.length;
      if (n === 0) continue;
      const norm = 1 / Math.sqrt(n);
      scores.set(bias);
      for (let f = 0; f < n; f++) {
        const row = buckets[f] * k;
        for (let c = 0; c < k; c++) scores[c] += weights[row + c] * norm;
      }
      let any = false;
      for (let c = 0; c < k; c++) {
        const y = labels[c];
        if (y < 0) {
          gradient[c] = 0;
          continue;
        }
        const classWeight = y === 1 ? positiveWeight[c] : 1;
        gradient[c] = (sigmoid(scores[c]) - y) * example.weight * classWeight;
        if (gradient[c] !== 0) any = true;
      }
      if (!any) continue;
      for (let c = 0; c < k; c++) {
        const g = gradient[c];
        if (g === 0) continue;
        biasSquares[c] += g * g;
        bias[c] -= (rate * g) / Math.sqrt(biasSquares[c] + epsilon);
      }
      for (let f = 0; f < n; f++) {
        const row = buckets[f] * k;
        for (let c = 0; c < k; c++) {
          if (gradient[c] === 0) continue;
          const at = row + c;
          const g = gradient[c] * norm + options.l2 * weights[at];
          squares[at] += g * g;
          weights[at] -= (rate * g) / Math.sqrt(squares[at] + epsilon);
        }
      }
    }
  }
  return { weights, bias };
}

/** Raw scores (logits) of one example under float weights, for validation before quantising. */
export function scoreExample(trained: TrainedWeights, buckets: Int32Array, categoryCount: number): Float64Array {
  const scores = Float64Array.from(trained.bias);
  const n = buckets.length;
  if (n === 0) return scores;
  const norm = 1 / Math.sqrt(n);
  for (let f = 0; f < n; f++) {
    const row = buckets[f] * categoryCount;
    for (let c = 0; c < categoryCount; c++) scores[c] += trained.weights[row + c] * norm;
  }
  return scores;
}

/**
 * Rounds the weights to int8, one scale per category. The scale comes from a
 * high quantile of the weights rather than the largest, so that one outlier
 * does not flatten every other weight to zero; the few beyond it are clipped.
 */
export function quantise(trained: TrainedWeights, categories: readonly string[], hashBits: number, thresholds: readonly number[]): ClassifierModel {
  const k = categories.length;
  const buckets = 1 << hashBits;
  const weights = new Int8Array(buckets * k);
  const modelCategories: ModelCategory[] = [];
  for (let c = 0; c < k; c++) {
    const magnitudes: number[] = [];
    for (let b = 0; b < buckets; b++) {
      const w = Math.abs(trained.weights[b * k + c]);
      if (w > 0) magnitudes.push(w);
    }
    magnitudes.sort((a, b) => a - b);
    const top = magnitudes.length === 0 ? 1 : magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9995))];
    const scale = top > 0 ? top / 127 : 1;
    for (let b = 0; b < buckets; b++) {
      const q = Math.round(trained.weights[b * k + c] / scale);
      weights[b * k + c] = Math.max(-127, Math.min(127, q));
    }
    modelCategories.push({ name: categories[c], scale, bias: trained.bias[c], threshold: thresholds[c] });
  }
  return new ClassifierModel({ hashBits, categories: modelCategories, weights });
}
