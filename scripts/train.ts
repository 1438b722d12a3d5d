// Trains the learned classifier and writes its weights.
//
//   npm run train              writes rules/model/classifier.bin and rules/model/training-report.json
//   npm run train -- --quick   skips the 5-fold cross-validation (for trying options)
//   --epochs N --lr X --l2 X --bits N --out DIR
//                              try other options (the committed model uses the defaults below)
//
// Reads our written corpus (train/written, in this repository) and the public
// sets in ../shared/train (read in place). Deterministic: a fixed seed orders
// the data, fills the name placeholders and makes the variants, so the same
// inputs always give the same file. See docs/model-card.md.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, readForClassifier } from '../lib/engine';
import { extractFeatures } from '../lib/classifier/features';
import type { ClassifierModel } from '../lib/classifier/model';
import { quantise, seededRandom, trainWeights, type TrainingExample, type TrainingOptions } from '../lib/classifier/train';
import type { Category, CheckConfig, Role } from '../lib';
import { augment } from './lib/augment';
import { chooseThreshold, countAt, precision, recall, type Scored } from './lib/classifier-metrics';
import { sharedPath } from './lib/shared-data';
import { MODEL_CATEGORIES, readPublicData, readRoster, readWrittenCorpus, textFraction, trainingConfig, type LabelledText } from './lib/training-data';

const here = path.dirname(fileURLToPath(import.meta.url));
const MODEL_DIR = path.resolve(option('out') ?? path.resolve(here, '../rules/model'));

const SEED = 20261206;
const DEFAULTS: TrainingOptions = {
  hashBits: 18,
  categories: MODEL_CATEGORIES,
  epochs: 10,
  learningRate: 0.5,
  l2: 1e-3,
  seed: SEED,
  balancePower: 0.5,
  maxPositiveWeight: 6,
};

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const OPTIONS: TrainingOptions = {
  ...DEFAULTS,
  hashBits: Number(option('bits') ?? DEFAULTS.hashBits),
  epochs: Number(option('epochs') ?? DEFAULTS.epochs),
  learningRate: Number(option('lr') ?? DEFAULTS.learningRate),
  l2: Number(option('l2') ?? DEFAULTS.l2),
};
const HASH_BITS = OPTIONS.hashBits;
/** Share of the data held out to choose thresholds. */
const VALIDATION_SHARE = 0.15;
/** Threshold limits on the validation split (see chooseThreshold). */
const MIN_PRECISION = 0.9;
const MAX_FALSE_ALARMS = 0.002;
const FOLDS = 5;
/** How often a written post gets an obfuscated or text-speak variant in training. */
const VARIANT_CHANCE = { positive: 0.7, negative: 0.35 };

interface Prepared {
  item: LabelledText;
  tokens: ReturnType<typeof readForClassifier>;
  example: TrainingExample;
}

function prepareExample(item: LabelledText, config: CheckConfig): Prepared {
  const tokens = readForClassifier(item.text, config);
  const { buckets, length } = extractFeatures(tokens.tokens, tokens.text, HASH_BITS);
  return { item, tokens, example: { buckets: buckets.slice(0, length), labels: Int8Array.from(item.labels), weight: item.weight } };
}

/** Our written posts, plus a variant of many of them; public data as it is. */
function withVariants(items: readonly LabelledText[], seed: number): LabelledText[] {
  const random = seededRandom(seed);
  const out: LabelledText[] = [];
  for (const item of items) {
    out.push(item);
    if (!item.source.startsWith('written/')) continue;
    const positive = item.labels.some((l) => l === 1);
    if (random() < (positive ? VARIANT_CHANCE.positive : VARIANT_CHANCE.negative)) {
      const text = augment(item.text, random);
      if (text !== item.text) out.push({ ...item, text, source: `${item.source}+variant` });
    }
  }
  return out;
}

function train(items: readonly LabelledText[], config: CheckConfig, seed: number): ClassifierModel {
  const examples = withVariants(items, seed).map((item) => prepareExample(item, config).example);
  const trained = trainWeights(examples, { ...OPTIONS, seed });
  return quantise(trained, MODEL_CATEGORIES, HASH_BITS, MODEL_CATEGORIES.map(() => 0));
}

/** The model's best-window score per category for each item, as the engine computes it. */
function scoreAll(model: ClassifierModel, prepared: readonly Prepared[]): number[][] {
  return prepared.map((p) => model.score(p.tokens.tokens, p.tokens.text).map((s) => s.score));
}

function scoredFor(prepared: readonly Prepared[], scores: number[][], c: number, filter: (p: Prepared) => boolean = () => true): Scored[] {
  const out: Scored[] = [];
  prepared.forEach((p, i) => {
    const label = p.item.labels[c];
    if (label >= 0 && filter(p)) out.push({ score: scores[i][c], label });
  });
  return out;
}

/**
 * Public negatives the rules flag are not taught as clean: Reddit and news
 * comments hold plenty of insults their labels do not mark, and teaching the
 * model that "you are a moron" is fine would undo what the written corpus teaches.
 */
function unknownWhereRulesFire(items: LabelledText[], config: CheckConfig): number {
  let changed = 0;
  for (const item of items) {
    if (item.source.startsWith('written/')) continue;
    const flagged = new Set(check(item.text, config, { role: (item.role === 'staff' ? 'staff' : 'pupil') as Role }).map((f) => f.category));
    MODEL_CATEGORIES.forEach((c, i) => {
      if (item.labels[i] === 0 && flagged.has(c as Category)) {
        item.labels[i] = -1;
        changed++;
      }
    });
  }
  return changed;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const started = Date.now();
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const roster = readRoster();
  const config = trainingConfig(roster, SEED);
  const written = readWrittenCorpus(config, roster, SEED);
  const publicData = readPublicData(sharedPath('train', 'npm run train (the public training sets)'), roster, SEED);
  log(`read ${written.length} written posts and ${publicData.length} public ones`);
  const relabelled = unknownWhereRulesFire(publicData, config);
  log(`${relabelled} public negative labels set to unknown where the rules fire`);

  const all = [...written, ...publicData];
  const isValidation = (item: LabelledText): boolean => textFraction(item.text) < VALIDATION_SHARE;
  const trainItems = all.filter((item) => !isValidation(item));
  const validationItems = all.filter(isValidation);
  log(`training on ${trainItems.length}, choosing thresholds on ${validationItems.length}`);

  const model = train(trainItems, config, SEED);
  const validation = validationItems.map((item) => prepareExample(item, config));
  const validationScores = scoreAll(model, validation);
  const categories = MODEL_CATEGORIES.map((name, c) => {
    const isWritten = (p: Prepared): boolean => p.item.source.startsWith('written/');
    // Ordinary comments by other people (GoEmotions): the everyday posts a threshold must leave alone.
    const everyday = validation.flatMap((p, i) => (p.item.source === 'goemotions' && p.item.labels[c] === 0 ? [validationScores[i][c]] : []));
    const choice = chooseThreshold(scoredFor(validation, validationScores, c, isWritten), everyday, MIN_PRECISION, MAX_FALSE_ALARMS);
    // Other operating points, for the model card: what a looser or stricter false-alarm limit would give.
    const operatingPoints = [0.001, 0.002, 0.005, 0.01, 0.02].map((far) => {
      const point = chooseThreshold(scoredFor(validation, validationScores, c, isWritten), everyday, 0, far);
      return { maxFalseAlarms: far, threshold: round(point.threshold), precision: round(point.precision), recall: round(point.recall) };
    });
    return { name, choice, operatingPoints };
  });
  for (const { name, operatingPoints } of categories) {
    log(`${name.padEnd(22)} ${operatingPoints.map((o) => `≤${(100 * o.maxFalseAlarms).toFixed(1)}%: P ${o.precision.toFixed(2)} R ${o.recall.toFixed(2)}`).join(' | ')}`);
  }
  const finalModel = model.withThresholds(categories.map(({ choice }) => choice.threshold));
  for (const { name, choice } of categories) {
    log(`${name.padEnd(22)} threshold ${choice.threshold.toFixed(3)} (${choice.how}): written validation P ${choice.precision.toFixed(3)} R ${choice.recall.toFixed(3)}, everyday posts flagged ${(100 * choice.falseAlarmRate).toFixed(2)}%`);
  }

  const report: Record<string, unknown> = {
    generated: 'Written by scripts/train.ts (npm run train), with classifier.bin beside it: re-run it rather than editing this file.',
    description: 'What the committed classifier was trained on and how it scored. See docs/model-card.md.',
    seed: SEED,
    hashBits: HASH_BITS,
    options: { ...OPTIONS, categories: undefined },
    validationShare: VALIDATION_SHARE,
    thresholdLimits: { minPrecision: MIN_PRECISION, maxFalseAlarms: MAX_FALSE_ALARMS },
    data: countData(all, isValidation),
    publicLabelsSetUnknownByRules: relabelled,
    thresholds: Object.fromEntries(categories.map(({ name, choice }) => [name, round(choice.threshold)])),
    validation: Object.fromEntries(
      categories.map(({ name, choice, operatingPoints }) => [
        name,
        { how: choice.how, precision: round(choice.precision), recall: round(choice.recall), everydayFalseAlarmRate: round(choice.falseAlarmRate), operatingPoints },
      ]),
    ),
  };

  if (!quick) {
    // 5-fold cross-validation on the training split, at the thresholds chosen above.
    const prepared = trainItems.map((item) => prepareExample(item, config));
    const fold = (item: LabelledText): number => Math.floor(textFraction(`${item.text}#fold`) * FOLDS);
    const outOfFold: number[][] = prepared.map(() => []);
    for (let f = 0; f < FOLDS; f++) {
      const foldModel = train(trainItems.filter((item) => fold(item) !== f), config, SEED + f + 1);
      prepared.forEach((p, i) => {
        if (fold(p.item) === f) outOfFold[i] = foldModel.score(p.tokens.tokens, p.tokens.text).map((s) => s.score);
      });
      log(`fold ${f + 1}/${FOLDS} done`);
    }
    const cv = (filter: (p: Prepared) => boolean) =>
      Object.fromEntries(
        MODEL_CATEGORIES.map((name, c) => {
          const counts = countAt(scoredFor(prepared, outOfFold, c, filter), categories[c].choice.threshold);
          return [name, { precision: round(precision(counts)), recall: round(recall(counts)), ...counts }];
        }),
      );
    const writtenFigures = cv((p) => p.item.source.startsWith('written/'));
    report.crossValidation = { folds: FOLDS, writtenCorpus: writtenFigures, allData: cv(() => true) };
    for (const name of MODEL_CATEGORIES) log(`cv (written corpus) ${name.padEnd(22)} P ${writtenFigures[name].precision.toFixed(3)} R ${writtenFigures[name].recall.toFixed(3)}`);
  }

  fs.mkdirSync(MODEL_DIR, { recursive: true });
  fs.writeFileSync(path.join(MODEL_DIR, 'classifier.bin'), finalModel.toBytes());
  fs.writeFileSync(path.join(MODEL_DIR, 'training-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), MODEL_DIR)}/classifier.bin (${finalModel.toBytes().length} bytes) and training-report.json`);
}

function countData(items: readonly LabelledText[], isValidation: (item: LabelledText) => boolean) {
  const bySource: Record<string, { posts: number; validation: number; positives: Record<string, number> }> = {};
  for (const item of items) {
    const source = item.source;
    const entry = (bySource[source] ??= { posts: 0, validation: 0, positives: {} });
    entry.posts++;
    if (isValidation(item)) entry.validation++;
    MODEL_CATEGORIES.forEach((c, i) => {
      if (item.labels[i] === 1) entry.positives[c] = (entry.positives[c] ?? 0) + 1;
    });
  }
  return bySource;
}

main();
