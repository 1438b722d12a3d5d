// How much of a hashed roster a determined pupil can recover.
//
//   npm run --silent roster:attack                 a generated 200-pupil roster, both formats
//   npm run --silent roster:attack -- --brute 6    brute force names up to 6 letters (slow)
//   npm run --silent roster:attack -- --pair-brute 4
//                                                  version 2: surnames up to 4 letters beside
//                                                  each first name found (slow)
//   npm run --silent roster:attack -- --policy policy/chrome-linux.json
//                                                  your own policy file (no answers to compare
//                                                  with, so it prints how many names it found)
//
// The attack is the one from issue 12: hash about 300 common first names and
// 300 common surnames under the key that ships in the policy, plus every
// string of a few letters, and see which hashes match. Against version 1
// (halves hashed whole) each half is found on its own and then combined;
// against version 2 (pairs only, hashes cut short) surnames can only be tried
// beside a first name already found, and a chance match looks just like a
// real one. The last line is JSON.

import { createHmac, type KeyObject, createSecretKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { nameKey } from '../lib/names/name-key';
import { nameFormSet, parseName } from '../lib/names/name-parts';
import { hashRosterVersion1, nameForms } from '../lib/names/roster-hash';
import type { HashedRoster } from '../lib/types';
import { COMMON_FIRST_NAMES, COMMON_SURNAMES } from './lib/common-names';
// The same seeded generator training uses, so the same roster comes out every run.
import { seededRandom as seeded } from '../lib/classifier/train';
import { run as writePolicy } from './policy';


/** Names from compromise's lexicon that are not in the attacker's lists: the less common names on a roll. */
function lessCommonNames(): { first: string[]; last: string[] } {
  const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  const common = new Set([...COMMON_FIRST_NAMES, ...COMMON_SURNAMES].map(nameKey));
  const first: string[] = [];
  const last: string[] = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!/^[a-z]{3,}$/.test(word) || common.has(word)) continue;
    const list = [tags].flat();
    const title = word[0].toUpperCase() + word.slice(1);
    if (list.some((t) => t === 'FemaleName' || t === 'MaleName')) first.push(title);
    else if (list.includes('LastName')) last.push(title);
  }
  return { first, last };
}

/** Multi-word and non-Anglo names, a few on any UK roll. */
const DIVERSE = [
  'Siobhán Ní Bhriain', 'Daan van der Berg', 'Nguyen, Thi Hoa', 'María José de la Cruz', 'Ahmed al-Hassan', 'Nur Aisyah binti Rahman',
  'João dos Santos', 'Ji-woo Kim', 'Oluwaseun Adeyemi-Bello', 'Dafydd ap Rhys', 'Şükrü Yılmaz', 'Chukwuemeka Okafor', 'Bartłomiej Wójcik',
];

/**
 * A roster like a real one: most pupils have common first names and surnames
 * (picked with the commonest most often), some have less common ones, and a
 * few have multi-word names. `commonShare` is the chance that each half comes
 * from the attacker's lists.
 */
export function generateRoster(size: number, seed: number, commonShare = 0.87): string[] {
  const random = seeded(seed);
  const rare = lessCommonNames();
  const pickCommon = (list: readonly string[]) => {
    // Roughly Zipf: the first names in the list are given far more often than the last.
    const weights = list.map((_, rank) => 1 / (rank + 10));
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < list.length; i++) if ((r -= weights[i]) <= 0) return list[i];
    return list[list.length - 1];
  };
  const pickRare = (list: readonly string[]) => list[Math.floor(random() * list.length)];
  const roster = new Set<string>();
  while (roster.size < size) {
    if (random() < 0.05) {
      roster.add(pickRare(DIVERSE));
      continue;
    }
    const first = random() < commonShare ? pickCommon(COMMON_FIRST_NAMES) : pickRare(rare.first);
    const last = random() < commonShare ? pickCommon(COMMON_SURNAMES) : pickRare(rare.last);
    roster.add(`${first} ${last}`);
  }
  return [...roster];
}

/** Every string of a to z from 2 to `max` letters. */
function* shortStrings(max: number): Generator<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let length = 2; length <= max; length++) {
    const index = new Array<number>(length).fill(0);
    for (;;) {
      yield index.map((i) => letters[i]).join('');
      let k = length - 1;
      while (k >= 0 && ++index[k] === 26) index[k--] = 0;
      if (k < 0) break;
    }
  }
}

const shortStringCount = (max: number) => Array.from({ length: Math.max(0, max - 1) }, (_, k) => 26 ** (k + 2)).reduce((a, b) => a + b, 0);

/** The attacker's hash: the same HMAC-SHA-256 as the engine's, through Node's faster crypto. */
class Hasher {
  private readonly key: KeyObject;
  count = 0;
  constructor(base64Key: string) {
    this.key = createSecretKey(Buffer.from(base64Key, 'base64'));
  }
  hash(form: string, chars: number): string {
    this.count++;
    return createHmac('sha256', this.key).update(form, 'utf8').digest().subarray(0, 16).toString('base64url').slice(0, chars);
  }
}

const lengthOf = (list: readonly string[] | undefined) => list?.[0]?.length ?? 22;

export interface AttackResult {
  version: 1 | 2;
  /** Keys the attack took for first names (some may be chance matches in version 2). */
  firstNames: Set<string>;
  /** "first last" pairs the attack took for full names. */
  fullNames: Set<string>;
  hashes: number;
  seconds: number;
}

export interface AttackOptions {
  /** Brute force first names (and, for version 1, surnames) of 2 to this many letters. */
  brute: number;
  /** Version 2: brute force surnames of 2 to this many letters beside each first name found. */
  pairBrute: number;
}

/** Runs the dictionary and brute-force attack on one hashed roster. */
export function attack(roster: HashedRoster, options: AttackOptions): AttackResult {
  const started = performance.now();
  const hasher = new Hasher(roster.key);
  const firstList = new Set(roster.firstNames);
  const fullList = new Set(roster.fullNames);
  const initialList = new Set(roster.firstInitials);
  const firstChars = lengthOf(roster.firstNames);
  const fullChars = lengthOf(roster.fullNames);
  const initialChars = lengthOf(roster.firstInitials);
  const dictionaryFirst = [...new Set(COMMON_FIRST_NAMES.map(nameKey))];
  const dictionarySurnames = [...new Set(COMMON_SURNAMES.map(nameKey))];

  const firstNames = new Set<string>();
  for (const guess of dictionaryFirst) if (firstList.has(hasher.hash(guess, firstChars))) firstNames.add(guess);
  for (const guess of shortStrings(options.brute)) if (firstList.has(hasher.hash(guess, firstChars))) firstNames.add(guess);

  const fullNames = new Set<string>();
  if (roster.version === 1) {
    // Each surname on its own, then every pair of the halves found.
    const surnameList = new Set(roster.surnames ?? []);
    const surnames = new Set<string>();
    for (const guess of dictionarySurnames) if (surnameList.has(hasher.hash(guess, 22))) surnames.add(guess);
    for (const guess of shortStrings(options.brute)) if (surnameList.has(hasher.hash(guess, 22))) surnames.add(guess);
    for (const first of firstNames) for (const last of surnames) if (fullList.has(hasher.hash(`${first} ${last}`, fullChars))) fullNames.add(`${first} ${last}`);
  } else {
    // Surnames can only be tried beside a first name; the initial list confirms the surname's first letter.
    const trySurname = (first: string, last: string) => {
      if (!fullList.has(hasher.hash(`${first} ${last}`, fullChars))) return;
      if (initialList.size > 0 && !initialList.has(hasher.hash(`${first} ${last[0]}`, initialChars))) return;
      fullNames.add(`${first} ${last}`);
    };
    for (const first of firstNames) {
      for (const last of dictionarySurnames) trySurname(first, last);
      for (const last of shortStrings(options.pairBrute)) trySurname(first, last);
    }
  }
  return { version: roster.version, firstNames, fullNames, hashes: hasher.count, seconds: (performance.now() - started) / 1000 };
}

/** What the attack got right and wrong, against the roster it was made from. */
export function score(names: readonly string[], result: AttackResult): { pupils: number; fullRecovered: number; firstRecovered: number; wrongFull: number } {
  let fullRecovered = 0;
  let firstRecovered = 0;
  const real = new Set<string>();
  for (const name of names) {
    const forms =
      result.version === 1
        ? (() => {
            const v1 = nameForms(inOrder(name));
            return { firstNames: v1 ? [v1.first] : [], fullNames: v1?.full ? [v1.full] : [] };
          })()
        : nameFormSet(name);
    forms.fullNames.forEach((form) => real.add(form));
    if (forms.fullNames.some((form) => result.fullNames.has(form))) fullRecovered++;
    if (forms.firstNames.some((form) => result.firstNames.has(form))) firstRecovered++;
  }
  const wrongFull = [...result.fullNames].filter((pair) => !real.has(pair)).length;
  return { pupils: names.length, fullRecovered, firstRecovered, wrongFull };
}

/** The roster the admin tool writes for these names, read back from the policy file it makes. */
async function rosterFromAdminTool(names: string[]): Promise<HashedRoster> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-attack-'));
  try {
    const rows = names.map((name) => {
      const parts = parseName(name)!;
      return `"${parts.given.join(' ')}","${parts.surname.join(' ')}"`;
    });
    await writeFile(join(dir, 'pupils.csv'), ['Forename,Surname', ...rows].join('\n'));
    await writePolicy(['--roster', join(dir, 'pupils.csv'), '--school', 'Generated Academy', '--out', join(dir, 'out')], () => {}, () => {});
    return readRoster(join(dir, 'out', 'chrome-linux.json'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The hashedRoster inside any of the admin tool's JSON files (chrome-linux.json, google-admin-console.json, firefox-policies.json). */
async function readRoster(file: string): Promise<HashedRoster> {
  const found: HashedRoster[] = [];
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if ('hashedRoster' in record) {
      const roster = record.hashedRoster as { Value?: HashedRoster } & HashedRoster;
      found.push(roster.Value ?? roster);
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(JSON.parse(await readFile(file, 'utf8')));
  if (found.length === 0) throw new Error(`${file} holds no hashedRoster.`);
  return found[0];
}

/** "Nguyen, Thi Hoa" → "Thi Hoa Nguyen": how version 1 (first and last word) read names. */
function inOrder(name: string): string {
  const parts = parseName(name);
  return parts ? [...parts.given, ...parts.surname].join(' ') : name;
}

const letters = (max: number) => (max < 2 ? 'no letters (brute force off)' : max === 2 ? '2 letters' : `2 to ${max} letters`);

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pupils: { type: 'string', default: '200' },
      seed: { type: 'string', default: '12' },
      brute: { type: 'string', default: '4' },
      'pair-brute': { type: 'string', default: '2' },
      policy: { type: 'string' },
    },
  });
  const options: AttackOptions = { brute: Number(values.brute), pairBrute: Number(values['pair-brute']) };
  const rate = 1e6; // a rough HMAC rate, for the estimates below; measured figures are printed beside them
  const dictionary = `${new Set(COMMON_FIRST_NAMES.map(nameKey)).size} common first names and ${new Set(COMMON_SURNAMES.map(nameKey)).size} common surnames`;

  if (values.policy) {
    const roster = await readRoster(resolve(values.policy));
    const result = attack(roster, options);
    console.log(`Attacked ${values.policy} (version ${roster.version}) with ${dictionary}, plus every name of ${letters(options.brute)}.`);
    console.log(`Took ${result.firstNames.size} first names and ${result.fullNames.size} full names as found (${result.hashes.toLocaleString('en-GB')} hashes, ${result.seconds.toFixed(1)} s).`);
    if (roster.version === 2) console.log('In version 2 some of these can be chance matches: the hashes are cut short on purpose, so a match does not prove a name.');
    console.log(JSON.stringify({ version: roster.version, firstNames: result.firstNames.size, fullNames: result.fullNames.size }));
    return;
  }

  const names = generateRoster(Number(values.pupils), Number(values.seed));
  const before = hashRosterVersion1(names.map(inOrder));
  const now = await rosterFromAdminTool(names);
  const beforeResult = attack(before, options);
  const nowResult = attack(now, options);
  const beforeScore = score(names, beforeResult);
  const nowScore = score(names, nowResult);
  console.log(`A generated roster of ${names.length} pupils (seed ${values.seed}), mostly common names, a few less common and multi-word ones.`);
  console.log(`The attack: ${dictionary}, hashed under the key in the policy, plus every name of ${letters(options.brute)}; in version 2, surnames of ${letters(options.pairBrute)} beside each first name found.`);
  for (const [label, result, scored] of [
    ['version 1 (before: halves hashed whole)', beforeResult, beforeScore],
    ['version 2 (now: pairs only, cut short)', nowResult, nowScore],
  ] as const) {
    console.log(
      `${label}: full names recovered ${scored.fullRecovered}/${scored.pupils} (${pct(scored.fullRecovered, scored.pupils)}), ` +
        `wrong full names taken as real ${scored.wrongFull}; first names recovered for ${pct(scored.firstRecovered, scored.pupils)} of pupils; ` +
        `${result.hashes.toLocaleString('en-GB')} hashes in ${result.seconds.toFixed(1)} s.`,
    );
  }
  // What a longer brute force would cost against version 2, and how many chance matches it would bring.
  const found = nowResult.firstNames.size;
  const guesses = found * shortStringCount(6);
  const fullBits = 6 * lengthOf(now.fullNames);
  const initialBits = 6 * lengthOf(now.firstInitials);
  // A made-up surname passes if its pair hash matches by chance, and its initial is one a pupil with that first name has (about 1 in 26).
  const chance = (now.fullNames.length / 2 ** fullBits) * (1 / 26 + now.firstInitials.length / 2 ** initialBits);
  console.log(
    `Against version 2, trying every surname of up to 6 letters beside the ${found} first names found would take ` +
      `${guesses.toExponential(1)} hashes (about ${(guesses / rate / 3600).toFixed(0)} hours at a million a second) ` +
      `and bring about ${Math.round(guesses * chance).toLocaleString('en-GB')} chance matches, which look just like real names.`,
  );
  console.log(
    JSON.stringify({
      pupils: names.length,
      before_full_recovered: beforeScore.fullRecovered / names.length,
      now_full_recovered: nowScore.fullRecovered / names.length,
      now_wrong_full: nowScore.wrongFull,
      before_first_recovered: beforeScore.firstRecovered / names.length,
      now_first_recovered: nowScore.firstRecovered / names.length,
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(`roster:attack: ${(error as Error).message}`);
    process.exit(1);
  });
}
