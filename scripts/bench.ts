// Times the engine. Prints a readable table, then, as its last line, one JSON
// object with the figures (engine_p50_ms, engine_p95_ms, baseline_p50_ms,
// corpus_p50_ms, long_p95_ms, roster, and the timings at other roster sizes).
//
//   npm run --silent bench

import fs from 'node:fs';
import nlp from 'compromise';
import { check, readForClassifier } from '../lib/engine';
import { validateConfig, type CheckConfig } from '../lib';
import { loadCommittedClassifier } from './lib/committed-classifier';
import wordLikeNames from '../rules/lexicon/word-like-first-names.json';
import { parseCsv } from '../settings/csv';
import { sharedPath } from './lib/shared-data';


const OTHER_FIRST_NAMES = [
  'Oliver', 'Amelia', 'George', 'Isla', 'Noah', 'Ava', 'Arthur', 'Mia', 'Muhammad', 'Ivy', 'Leo', 'Lily', 'Harry', 'Freya',
  'Oscar', 'Florence', 'Archie', 'Sophia', 'Henry', 'Willow', 'Theodore', 'Isabella', 'Freddie', 'Emily', 'Alfie', 'Ella',
  'Charlie', 'Elsie', 'Thomas', 'Evie', 'Aarav', 'Priya', 'Zain', 'Ayesha', 'Chidi', 'Amara', 'Kwame', 'Wei', 'Mei', 'Kai',
];
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards',
  'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee',
  'Allen', 'Morris', 'Khan', 'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson',
  'Mitchell', 'Bailey', 'Carter', 'Cook', 'Singh', 'Shaw', 'Bell', 'Collins', 'Morgan', 'Kelly', 'Begum', 'Miller', 'Cox',
  'Hussain', 'Marshall', 'Simpson', 'Price', 'Anderson', 'Adams', 'Wilkinson', 'Ali', 'Ahmed', 'Foster', 'Ellis', 'Murphy',
  'Chapman', 'Mason', 'Gray', 'Richards', 'Webb', 'Griffiths', 'Hunt', 'Palmer', 'Campbell', 'Holmes', 'Mills', 'Rogers',
  'Barnes', 'Knight', 'Matthews', 'Barker', 'Powell', 'Stevens', 'Kaur', 'Fisher', 'Butler', 'Dixon', 'Russell', 'Harvey',
  'Pearson', 'Graham', 'Long', 'Black', 'Park', 'Okoro', 'Mensah', 'Nowak', 'Kowalski', 'Nguyen', 'Chen', 'Osei', 'Silva',
];

/** A roster of `size` distinct pupils, word-like first names first ("Will", "May", "Grace", "Summer"…). */
function makeRoster(size: number): string[] {
  const firsts = [...new Set([...wordLikeNames.names.map((n) => n[0].toUpperCase() + n.slice(1)), ...OTHER_FIRST_NAMES])];
  const roster: string[] = [];
  for (let round = 0; roster.length < size; round++) {
    for (const first of firsts) {
      const surname = SURNAMES[(firsts.indexOf(first) * 7 + round) % SURNAMES.length];
      const suffix = round >= SURNAMES.length ? `-${SURNAMES[round % SURNAMES.length]}` : '';
      roster.push(`${first} ${surname}${suffix}`);
      if (roster.length >= size) break;
    }
  }
  return [...new Set(roster)].slice(0, size);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time<T>(texts: T[], fn: (text: T) => unknown): number[] {
  // Warm-up over the same texts first: JIT, lazily built tables and caches all
  // settle, so the order in which configurations are timed does not matter.
  for (const text of texts) fn(text);
  return texts.map((text) => {
    const start = performance.now();
    fn(text);
    return performance.now() - start;
  });
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** How many 5,000-character texts of each kind are timed. */
const LONG_TEXTS = 200;

function main(): void {
  const dev = JSON.parse(fs.readFileSync(sharedPath('eval/dev/config.json', 'npm run bench'), 'utf8')) as CheckConfig;
  const configFor = (size: number): CheckConfig =>
    validateConfig({ schoolNames: dev.schoolNames, staffNames: dev.staffNames, pupilNames: makeRoster(size), role: 'pupil' });

  const rows = parseCsv(fs.readFileSync(sharedPath('eval/external/davidson/labeled_data.csv', 'npm run bench'), 'utf8'));
  const header = rows[0].fields;
  const tweets = rows
    .slice(1)
    .filter((r) => r.fields[header.indexOf('class')] === '2')
    .map((r) => r.fields[header.indexOf('tweet')]);
  const corpus = fs
    .readFileSync(sharedPath('eval/dev/posts.jsonl', 'npm run bench'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  // Long texts: dev posts run together, the harshest mix we have (most dev posts
  // are written to trip a rule, so most sentences get parsed), and, for comparison,
  // real benign tweets run together.
  const runTogether = (posts: string[], i: number): string => {
    let text = '';
    for (let k = i * 7; text.length < 5000; k++) text += `${posts[k % posts.length]} `;
    return text.slice(0, 5000);
  };
  // 200 of each, each starting at a different post: a p95 over 40 texts was their second
  // slowest, so one garbage collection could move it by several milliseconds.
  const longTexts = Array.from({ length: LONG_TEXTS }, (_, i) => runTogether(corpus, i));
  const longBenignTexts = Array.from({ length: LONG_TEXTS }, (_, i) => runTogether(tweets, i * 13));

  // The engine as the extension runs it: rules, names and the learned classifier.
  const classifier = loadCommittedClassifier();
  const config2000 = configFor(2000);
  const engine = time(tweets, (t) => check(t, config2000, { classifier }));
  const baseline = time(tweets, (t) => nlp(t));
  // The classifier on its own: scoring a post already read (its share of the engine's time).
  const read = tweets.map((t) => readForClassifier(t, config2000));
  const classifierTimes = time(read, (r) => classifier.score(r.tokens, r.text));
  const corpusTimes = time(corpus, (t) => check(t, config2000, { classifier }));
  const longTimes = time(longTexts, (t) => check(t, config2000, { classifier }));
  const longBenignTimes = time(longBenignTexts, (t) => check(t, config2000, { classifier }));
  const bySize: Record<string, { p50_ms: number; p95_ms: number }> = {};
  for (const size of [100, 10_000]) {
    const config = configFor(size);
    const times = time(tweets, (t) => check(t, config, { classifier }));
    bySize[String(size)] = { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)) };
  }

  const result = {
    engine_p50_ms: round(percentile(engine, 50)),
    engine_p95_ms: round(percentile(engine, 95)),
    baseline_p50_ms: round(percentile(baseline, 50)),
    classifier_p50_ms: round(percentile(classifierTimes, 50)),
    classifier_p95_ms: round(percentile(classifierTimes, 95)),
    corpus_p50_ms: round(percentile(corpusTimes, 50)),
    long_p95_ms: round(percentile(longTimes, 95)),
    long_benign_p95_ms: round(percentile(longBenignTimes, 95)),
    roster: 2000,
    roster_100: bySize['100'],
    roster_10000: bySize['10000'],
    posts: tweets.length,
    long_texts: LONG_TEXTS,
  };
  console.log(`Engine on ${tweets.length} real benign tweets (Davidson "neither"), roster of 2,000 word-like names:`);
  console.log(`  engine   p50 ${result.engine_p50_ms} ms   p95 ${result.engine_p95_ms} ms`);
  console.log(`  baseline p50 ${result.baseline_p50_ms} ms  (a bare compromise parse of the same posts)`);
  console.log(`  ratio    ${(result.engine_p50_ms / result.baseline_p50_ms).toFixed(2)} × baseline`);
  console.log(`  classifier alone p50 ${result.classifier_p50_ms} ms   p95 ${result.classifier_p95_ms} ms (included in the engine's time)`);
  console.log(`Dev corpus (${corpus.length} posts): p50 ${result.corpus_p50_ms} ms`);
  console.log(`5,000-character texts: p95 ${result.long_p95_ms} ms (dev posts run together); ${result.long_benign_p95_ms} ms (benign tweets run together)`);
  console.log(`Roster 100: p50 ${bySize['100'].p50_ms} ms; roster 10,000: p50 ${bySize['10000'].p50_ms} ms`);
  console.log(JSON.stringify(result));
}

main();
