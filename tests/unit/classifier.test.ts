// The learned classifier's machinery, on small hand-made models: features,
// the weights file, scoring by windows, explanations and deterministic training.
// (What the committed model finds is tested in classifier-decision.test.ts.)
import { describe, expect, it } from 'vitest';
import { extractFeatures, roughLemma, type ClassifierToken } from '../../lib/classifier/features';
import { reasonTokens } from '../../lib/classifier/findings';
import { ClassifierModel } from '../../lib/classifier/model';
import { quantise, trainWeights, type TrainingExample } from '../../lib/classifier/train';

// Big enough that the few weighted words do not collide with the filler's features.
const BITS = 18;

/** Tokens for a text: one word per token, a new sentence after ".", offsets into the text. */
function tokensOf(text: string): ClassifierToken[] {
  const tokens: ClassifierToken[] = [];
  let sentence = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}']+|\./gu)) {
    if (m[0] === '.') {
      sentence++;
      continue;
    }
    tokens.push({ word: m[0].toLowerCase().replace(/'/g, ''), start: m.index!, end: m.index! + m[0].length, sentence });
  }
  return tokens;
}

/** The bucket of a word's own feature (always the first feature of a lone word). */
function wordBucket(word: string): number {
  return extractFeatures(tokensOf(word), word, BITS).buckets[0];
}

/** A one-category model ("wellbeing") where only the given words carry weight. */
function modelWith(weights: Record<string, number>, bias = -3, threshold = 0, scale = 0.1): ClassifierModel {
  const int8 = new Int8Array(1 << BITS);
  for (const [word, weight] of Object.entries(weights)) int8[wordBucket(word)] = weight;
  return new ClassifierModel({ hashBits: BITS, categories: [{ name: 'wellbeing', scale, bias, threshold }], weights: int8 });
}

describe('classifier features', () => {
  const bucketsOf = (text: string) => new Set(extractFeatures(tokensOf(text), text, BITS).buckets);

  it('are the same for the same words, whatever the offsets', () => {
    expect([...bucketsOf('you are vile')]).toEqual([...bucketsOf('you are vile')]);
    expect(bucketsOf('you are vile')).toEqual(bucketsOf('you   are   vile'));
  });

  it('pair words within a sentence, never across one', () => {
    const together = bucketsOf('go die');
    const apart = bucketsOf('go. die');
    expect([...together].filter((b) => !apart.has(b)).length).toBeGreaterThan(0);
  });

  it('also pair the words around fillers, so "to literally bloody die" holds the pair "to die"', () => {
    const plain = extractFeatures(tokensOf('to die'), 'to die', 20);
    const pair = plain.buckets[plain.length - 1]; // the last feature of "to die" is its word pair
    const filled = extractFeatures(tokensOf('to literally bloody die'), 'to literally bloody die', 20);
    expect([...filled.buckets.slice(0, filled.length)]).toContain(pair);
  });

  it('count emoji as features of the word before them', () => {
    const text = 'nice 🔪 one';
    const withEmoji = extractFeatures(tokensOf(text), text, BITS);
    const without = extractFeatures(tokensOf('nice one'), 'nice one', BITS);
    expect(withEmoji.length).toBe(without.length + 1);
    expect(withEmoji.owners[withEmoji.length - 1]).toBe(0);
  });

  it('give names no letters of their own', () => {
    const named: ClassifierToken[] = [{ word: '‹person›', start: 0, end: 6, sentence: 0, entity: 'person' }];
    expect(extractFeatures(named, 'Tamsin', BITS).length).toBe(1);
  });

  it.each([
    ['threatening', 'threaten'],
    ['stabbed', 'stab'],
    ['bullies', 'bully'],
    ['punches', 'punch'],
    ['kills', 'kill'],
    ['us', 'us'],
  ])('read %s with the rough lemma %s', (word, lemma) => {
    expect(roughLemma(word)).toBe(lemma);
  });
});

describe('the weights file', () => {
  it('round-trips', () => {
    const model = modelWith({ die: 100 });
    const copy = ClassifierModel.fromBytes(model.toBytes());
    // Scales, biases and thresholds are stored as 32-bit floats.
    expect(copy.categories.map((c) => c.name)).toEqual(['wellbeing']);
    expect(copy.categories[0].scale).toBeCloseTo(0.1, 6);
    expect(copy.categories[0].bias).toBe(-3);
    expect(copy.score(tokensOf('i want to die'), 'i want to die')[0].score).toBeCloseTo(model.score(tokensOf('i want to die'), 'i want to die')[0].score, 5);
    expect(ClassifierModel.fromBytes(copy.toBytes()).toBytes()).toEqual(copy.toBytes());
  });

  it.each([
    ['empty', new Uint8Array()],
    ['not a model', new TextEncoder().encode('hello world, not a model')],
    ['cut short', modelWith({}).toBytes().slice(0, 100)],
  ])('refuses a file that is %s, saying to retrain', (_, bytes) => {
    expect(() => ClassifierModel.fromBytes(bytes)).toThrow(/npm run train/);
  });

  it('refuses weights made for other features', () => {
    const bytes = modelWith({}).toBytes();
    new DataView(bytes.buffer).setUint32(8, 999, true);
    expect(() => ClassifierModel.fromBytes(bytes)).toThrow(/feature version 999/);
  });
});

describe('scoring', () => {
  it('sums exactly the features training sees (each distinct word is summed once, then reused)', () => {
    const weights = new Int8Array(1 << BITS).map((_, i) => ((i * 37) % 255) - 127);
    const model = new ClassifierModel({ hashBits: BITS, categories: [{ name: 'threat', scale: 0.01, bias: 0.5, threshold: 0 }], weights });
    const text = 'you you will pay, u will literally pay for it 🔪 you will';
    const tokens = tokensOf(text);
    const features = extractFeatures(tokens, text, BITS);
    let sum = 0;
    for (let f = 0; f < features.length; f++) sum += weights[features.buckets[f]];
    const expected = 0.5 + (0.01 * sum) / Math.sqrt(features.length);
    expect(model.score(tokens, text)[0].score).toBeCloseTo(expected, 9);
  });

  const model = modelWith({ die: 127, want: 60 }, -3, 0, 0.3);
  const score = (text: string) => model.score(tokensOf(text), text)[0];

  it('is higher where the words that carry weight are', () => {
    expect(score('i want to die').score).toBeGreaterThan(score('i want to go').score);
  });

  it('finds one heavy sentence in a long post, judged among a few neighbours rather than the whole post', () => {
    const filler = 'We went to the shops and then had lunch with my nan in town. '.repeat(25);
    const line = 'I want to die.';
    const long = `${filler}${line} ${filler}`;
    const best = score(long);
    const tokens = tokensOf(long);
    const window = long.slice(tokens[best.firstToken].start, tokens[best.endToken - 1].end);
    expect(window).toContain('I want to die');
    expect(best.endToken - best.firstToken).toBeLessThanOrEqual(40);
    // Far above the same post without the line, which the whole-post score alone would barely show.
    expect(best.score).toBeGreaterThan(score(`${filler}${filler}`).score + 1);
  });

  it('scores a short post only as a whole, so its sentences stay each other\'s context', () => {
    const text = 'i want to die. of laughter, this is the best day ever honestly';
    const best = score(text);
    expect([best.firstToken, best.endToken]).toEqual([0, tokensOf(text).length]);
  });

  it('explains a score by its words, leaving grammar words out', () => {
    const text = 'i want to die';
    const tokens = tokensOf(text);
    const reasons = reasonTokens(model, tokens, text, score(text)).map((k) => tokens[k].word);
    expect(reasons[0]).toBe('die');
    expect(reasons).not.toContain('to');
    expect(reasons).not.toContain('i');
  });
});

describe('training', () => {
  // Two words that decide the label, amid words that do not.
  const examples: TrainingExample[] = [];
  const noise = ['the', 'bus', 'was', 'late', 'again', 'today', 'lunch', 'maths'];
  for (let i = 0; i < 200; i++) {
    const harmful = i % 3 === 0;
    const words = [noise[i % 8], noise[(i * 5) % 8], harmful ? 'hopeless' : 'happy', noise[(i * 3) % 8]];
    const text = words.join(' ');
    const { buckets, length } = extractFeatures(tokensOf(text), text, BITS);
    examples.push({ buckets: buckets.slice(0, length), labels: Int8Array.of(harmful ? 1 : 0), weight: 1 });
  }
  const options = { hashBits: BITS, categories: ['wellbeing'], epochs: 5, learningRate: 0.5, l2: 1e-4, seed: 7, balancePower: 0.5, maxPositiveWeight: 4 };

  it('gives the same weights from the same data and seed', () => {
    const a = trainWeights(examples, options);
    const b = trainWeights(examples, options);
    expect(a.weights).toEqual(b.weights);
    expect([...a.bias]).toEqual([...b.bias]);
  });

  it('learns which word decides, and keeps it after rounding to int8', () => {
    const model = quantise(trainWeights(examples, options), ['wellbeing'], BITS, [0]);
    const scoreOf = (text: string) => model.score(tokensOf(text), text)[0].score;
    expect(scoreOf('the bus was hopeless')).toBeGreaterThan(0);
    expect(scoreOf('the bus was happy')).toBeLessThan(0);
  });
});
