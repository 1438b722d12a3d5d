// Times the engine on hostile input: text built to make it slow, so that a
// post cannot get past the check by being expensive to check. One line per
// input and size, then, last, one line of JSON with the worst time at each size:
//   {"worst_ms_10k": …, "worst_ms_100k": …, "worst_ms_1m": …}
//
//   npm run --silent bench:adversarial [-- --sizes=10000,100000] [--only='lone surrogates']
//
// Targets on a 2-core machine: 10 k chars ≤ 50 ms, 100 k ≤ 400 ms, 1 M ≤ 4 s.

import { check, type CheckConfig } from '../lib';
import { loadCommittedClassifier } from './lib/committed-classifier';

const FIRST = ['Amelia', 'Tyrese', 'Siobhán', 'Will', 'Grace', 'Zainab', 'Kacper', 'Thi Hoa', 'Daan', 'Rhys', 'Aoife', 'Jayden', 'Priya', 'Summer', 'Oluwaseun'];
const LAST = ['Okoro', 'Nguyen', 'Van der Berg', 'Ní Bhriain', 'Smith', 'Lloyd-Davies', 'Khan', 'Kowalski', 'Campbell', 'Long', 'Hill', 'de la Cruz'];

/** 5,000 distinct pupils, many of them with word-like or several-word names. */
function bigRoster(): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < 5000; i++) names.push(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${String.fromCharCode(65 + (i % 26))}${i}` : ''}`);
  return names;
}

const CONFIG: CheckConfig = {
  schoolNames: ['Oakfield Priory Academy', 'Oakfield Priory', 'OPA'],
  pupilNames: bigRoster(),
  staffNames: ['Mr Okafor', 'Mrs Price', 'Miss Khan'],
  role: 'pupil',
};

/** Repeats a unit (given its index, so units can differ) until the text is `size` characters long. */
function fill(size: number, unit: (i: number) => string): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += unit(i);
  return out.slice(0, size);
}

const HARMFUL = ' kill yourself. ';
const FILLER_QUESTIONS = ['are you coming to the match on saturday?', 'did anyone see the maths homework?', 'is the bus late again?', 'who wants to revise together after school?', 'what time does the disco start?'];

/** Hostile inputs, each a function of the size wanted. The harmful line at the end must still be found. */
const INPUTS: Record<string, (size: number) => string> = {
  'spaced letters': (n) => fill(n, () => 'a ') + HARMFUL,
  'spaced words': (n) => fill(n, () => 'k i l l y o u r s e l f ') + HARMFUL,
  'dotted letters': (n) => fill(n, () => 'a.') + HARMFUL,
  leetspeak: (n) => fill(n, (i) => `h4t3 y0u l0s3r ${i % 10} `) + HARMFUL,
  'masked letters': (n) => fill(n, (i) => `b*tch${i % 7} tw*t `) + HARMFUL,
  'right-to-left overrides': (n) => fill(n, () => '\u202e') + HARMFUL,
  'lone surrogates': (n) => fill(n, () => '\ud800') + HARMFUL,
  emoji: (n) => fill(n, () => '😂🔪💀') + HARMFUL,
  'zero-width characters': (n) => fill(n, () => 'k\u200bi\u200bl\u200bl ') + HARMFUL,
  'one word repeated': (n) => fill(n, () => 'kill ') + HARMFUL,
  'no spaces': (n) => fill(n, () => 'killyourself') + HARMFUL,
  'filler sentences': (n) => fill(n, (i) => `${FILLER_QUESTIONS[i % FILLER_QUESTIONS.length]} (${i}) `) + HARMFUL,
  'stretched letters': (n) => fill(n, () => 'sooooooooooooooooooo ') + HARMFUL,
  'roster names': (n) => fill(n, (i) => `${CONFIG.pupilNames[(i * 7) % CONFIG.pupilNames.length]} and `) + HARMFUL,
};

const SIZE_LABELS: Record<number, string> = { 10_000: '10k', 100_000: '100k', 1_000_000: '1m' };

function main(): void {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  const sizes = sizesArg ? sizesArg.split(',').map(Number) : [10_000, 100_000, 1_000_000];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const classifier = loadCommittedClassifier();
  // Warm up: the first checks build the engine's tables for this roster, and the
  // lazily built ones (spaced-letter prefixes, masked words…) that each kind of input needs.
  check('warming up: you are so stupid', CONFIG, { classifier });
  for (const make of Object.values(INPUTS)) check(make(2_000), CONFIG, { classifier });
  const worst: Record<string, number> = {};
  for (const size of sizes) {
    for (const [name, make] of Object.entries(INPUTS)) {
      if (only && name !== only) continue;
      const text = make(size);
      const started = performance.now();
      const findings = check(text, CONFIG, { classifier });
      const ms = performance.now() - started;
      const found = findings.some((f) => f.category === 'bullying' && f.start >= text.length - HARMFUL.length);
      const label = SIZE_LABELS[size] ?? String(size);
      worst[label] = Math.max(worst[label] ?? 0, ms);
      console.log(`${label.padStart(5)} ${name.padEnd(24)} ${ms.toFixed(1).padStart(9)} ms   ${found ? 'harmful line found' : 'HARMFUL LINE MISSED'}`);
    }
  }
  console.log(JSON.stringify(Object.fromEntries(Object.entries(worst).map(([label, ms]) => [`worst_ms_${label}`, Math.round(ms * 10) / 10]))));
}

main();
