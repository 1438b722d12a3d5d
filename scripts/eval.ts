// Scores the checker on labelled data and prints the figures.
//
//   npm run --silent eval -- DIR      one corpus folder (config.json + posts.jsonl)
//   npm run --silent eval             the classifier's cross-validation (from its training
//                                     report), then the dev corpus, HateCheck and Davidson
//   --rules-only                      without the learned classifier (the figures before it)
//   --only=cv|dev|hatecheck|davidson  one of them
//
// Harmful categories are those in HARMFUL_CATEGORIES; names, wellbeing and
// profanity are scored as their own categories but never count as harm.

import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, HARMFUL_CATEGORIES, check, validateConfig, type Category, type CheckConfig, type Role } from '../lib';
import type { ClassifierModel } from '../lib/classifier/model';
import { CLASSIFIER_FILE, loadCommittedClassifier } from './lib/committed-classifier';
import { parseCsv } from '../settings/csv';
import { sharedPath } from './lib/shared-data';


interface Post {
  id: string;
  role?: Role;
  text: string;
  expect: Category[];
}

/** Set in main(): the committed classifier, or none with --rules-only. */
let classifier: ClassifierModel | undefined;

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}
function ratio(n: number, d: number): string {
  return d === 0 ? ' n/a' : (n / d).toFixed(2);
}

export function scoreCorpus(dir: string, verbose: boolean): void {
  const config: CheckConfig = validateConfig(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')));
  const posts: Post[] = fs
    .readFileSync(path.join(dir, 'posts.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Post);
  const counts = new Map<Category, { tp: number; fp: number; fn: number }>();
  for (const c of CATEGORIES) counts.set(c, { tp: 0, fp: 0, fn: 0 });
  let benign = 0;
  let benignNames = 0;
  let benignHarm = 0;
  const mistakes: string[] = [];
  for (const post of posts) {
    const findings = check(post.text, config, { role: post.role ?? config.role, classifier });
    const got = new Set(findings.map((f) => f.category));
    const expected = new Set(post.expect);
    for (const c of CATEGORIES) {
      const count = counts.get(c)!;
      if (got.has(c) && expected.has(c)) count.tp++;
      else if (got.has(c)) {
        count.fp++;
        if (c !== 'profanity') mistakes.push(`FP ${c.padEnd(21)} ${post.id} ${post.text.slice(0, 140)}  [${findings.filter((f) => f.category === c).map((f) => `${f.ruleId}: "${f.match}"`).join('; ')}]`);
      } else if (expected.has(c)) {
        count.fn++;
        mistakes.push(`FN ${c.padEnd(21)} ${post.id} ${post.text.slice(0, 140)}`);
      }
    }
    const isBenign = post.expect.filter((c) => c !== 'profanity').length === 0;
    if (isBenign) {
      benign++;
      if (got.has('school-name') || got.has('pupil-name')) benignNames++;
      if (HARMFUL_CATEGORIES.some((c) => got.has(c))) benignHarm++;
    }
  }
  if (verbose) console.log(mistakes.sort().join('\n') + '\n');
  console.log(`Corpus ${dir}: ${posts.length} posts, ${benign} benign`);
  console.log('category                 tp   fp   fn  precision  recall');
  for (const c of CATEGORIES) {
    const { tp, fp, fn } = counts.get(c)!;
    if (tp + fp + fn === 0) continue;
    console.log(`${c.padEnd(22)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}  ${ratio(tp, tp + fp).padStart(9)}  ${ratio(tp, tp + fn).padStart(6)}`);
  }
  console.log(`benign posts flagged with a name:              ${benignNames}/${benign} ${pct(benignNames, benign)}`);
  console.log(`benign posts flagged with a harmful category:  ${benignHarm}/${benign} ${pct(benignHarm, benign)}`);
}

const EMPTY_PUPIL_CONFIG: CheckConfig = { schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil' };
const HARM_FOR_HATECHECK: Category[] = ['bullying', 'threat', 'hate'];

function scoreHateCheck(file: string, verbose: boolean): void {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows[0].fields;
  const col = (name: string): number => header.indexOf(name);
  const byFunctionality = new Map<string, { label: string; flagged: number; total: number; misses: string[] }>();
  const totals = { hateful: { flagged: 0, total: 0 }, 'non-hateful': { flagged: 0, total: 0 } } as Record<string, { flagged: number; total: number }>;
  for (const row of rows.slice(1)) {
    const f = row.fields;
    const functionality = f[col('functionality')];
    const label = f[col('label_gold')];
    const text = f[col('test_case')];
    const findings = check(text, EMPTY_PUPIL_CONFIG, { role: 'pupil', classifier });
    const flagged = findings.some((x) => HARM_FOR_HATECHECK.includes(x.category));
    const entry = byFunctionality.get(functionality) ?? { label, flagged: 0, total: 0, misses: [] };
    entry.total++;
    if (flagged) entry.flagged++;
    if ((label === 'hateful') !== flagged) entry.misses.push(text.trim());
    byFunctionality.set(functionality, entry);
    totals[label].total++;
    if (flagged) totals[label].flagged++;
  }
  console.log(`HateCheck ${file}`);
  console.log('functionality            label         flagged');
  for (const [name, e] of [...byFunctionality.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label) || a[0].localeCompare(b[0]))) {
    console.log(`${name.padEnd(24)} ${e.label.padEnd(12)} ${String(e.flagged).padStart(4)}/${String(e.total).padEnd(4)} ${pct(e.flagged, e.total)}`);
    if (verbose) for (const m of e.misses.slice(0, 12)) console.log(`    ${e.label === 'hateful' ? 'missed' : 'flagged'}: ${m}`);
  }
  console.log(`HateCheck hateful cases flagged:      ${totals.hateful.flagged}/${totals.hateful.total} ${pct(totals.hateful.flagged, totals.hateful.total)}`);
  console.log(`HateCheck non-hateful cases flagged:  ${totals['non-hateful'].flagged}/${totals['non-hateful'].total} ${pct(totals['non-hateful'].flagged, totals['non-hateful'].total)}`);
}

function scoreDavidson(file: string, verbose: boolean): void {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows[0].fields;
  const classCol = header.indexOf('class');
  const tweetCol = header.indexOf('tweet');
  let neither = 0;
  let flagged = 0;
  const examples: string[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields[classCol] !== '2') continue;
    neither++;
    const text = row.fields[tweetCol];
    const findings = check(text, EMPTY_PUPIL_CONFIG, { role: 'pupil', classifier });
    const harmful = findings.filter((x) => HARMFUL_CATEGORIES.includes(x.category));
    if (harmful.length > 0) {
      flagged++;
      if (examples.length < 40) examples.push(`    ${harmful.map((h) => h.ruleId).join(',')}: ${text.slice(0, 140)}`);
    }
  }
  if (verbose) console.log(examples.join('\n'));
  console.log(`Davidson "neither" tweets flagged as harmful: ${flagged}/${neither} ${pct(flagged, neither)}`);
}

/** The 5-fold cross-validation figures npm run train recorded for the committed weights. */
function printCrossValidation(): void {
  const report = JSON.parse(fs.readFileSync(path.resolve(path.dirname(CLASSIFIER_FILE), 'training-report.json'), 'utf8')) as {
    crossValidation?: { folds: number; writtenCorpus: Record<string, { precision: number; recall: number }>; allData: Record<string, { precision: number; recall: number }> };
    thresholds: Record<string, number>;
  };
  if (!report.crossValidation) {
    console.log('Classifier cross-validation: not in rules/model/training-report.json (run npm run train without --quick).');
    return;
  }
  const { folds, writtenCorpus, allData } = report.crossValidation;
  console.log(`Classifier ${folds}-fold cross-validation on the training data (recorded by npm run train)`);
  console.log('category                 written corpus P / R    all training data P / R   threshold');
  for (const name of Object.keys(writtenCorpus)) {
    const w = writtenCorpus[name];
    const a = allData[name];
    console.log(`${name.padEnd(22)}   ${w.precision.toFixed(2)} / ${w.recall.toFixed(2)}             ${a.precision.toFixed(2)} / ${a.recall.toFixed(2)}               ${report.thresholds[name].toFixed(2)}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  classifier = args.includes('--rules-only') ? undefined : loadCommittedClassifier();
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const dirs = args.filter((a) => !a.startsWith('-'));
  if (dirs.length > 0) {
    for (const dir of dirs) {
      if (!fs.existsSync(path.join(dir, 'posts.jsonl')) || !fs.existsSync(path.join(dir, 'config.json'))) {
        console.error(`${dir}: expected a folder holding config.json and posts.jsonl`);
        process.exit(2);
      }
      scoreCorpus(dir, verbose);
    }
    return;
  }
  if (!only || only === 'cv') {
    printCrossValidation();
    console.log('');
  }
  if (!only || only === 'dev') scoreCorpus(sharedPath('eval/dev', 'npm run eval (the dev corpus)'), verbose);
  if (!only || only === 'hatecheck') {
    console.log('');
    scoreHateCheck(sharedPath('eval/external/hatecheck/test_suite_cases.csv', 'npm run eval (HateCheck)'), verbose);
  }
  if (!only || only === 'davidson') {
    console.log('');
    scoreDavidson(sharedPath('eval/external/davidson/labeled_data.csv', 'npm run eval (Davidson)'), verbose);
  }
}

main();
