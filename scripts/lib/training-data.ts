// The classifier's training data: our own written corpus (train/written, in
// this repository) and the public sets in ../shared/train (read in place,
// never copied). Each example says, per category, harmful (1), not (0) or
// unknown (-1): a public set's labels only speak for some categories.
//
// Evaluation data (the dev corpus, HateCheck, Davidson) is never read here.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../lib/classifier/train';
import type { CheckConfig, Role } from '../../lib';

export const MODEL_CATEGORIES = ['bullying', 'threat', 'hate', 'defamation', 'professional-distance', 'reputation', 'wellbeing'] as const;
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

const here = path.dirname(fileURLToPath(import.meta.url));
export const TRAIN_DIR = path.resolve(here, '../../train');

export interface LabelledText {
  text: string;
  /** Per MODEL_CATEGORIES: 1, 0 or -1 (unknown). */
  labels: number[];
  role: Role | 'parent';
  /** Where it came from: "written/threat.jsonl", "goemotions"… */
  source: string;
  weight: number;
}

interface WrittenLine {
  text: string;
  labels: string[];
  role?: string;
  kind?: string;
}

interface Roster {
  firstNames: string[];
  surnames: string[];
  staff: string[];
  schools: string[][];
}

export function readRoster(): Roster {
  return JSON.parse(fs.readFileSync(path.join(TRAIN_DIR, 'roster.json'), 'utf8')) as Roster;
}

/** The pupils the placeholders are filled from: every first name with a few surnames, fixed by the seed. */
export function trainingConfig(roster: Roster, seed: number): CheckConfig {
  const random = seededRandom(seed);
  const pupils = new Set<string>();
  for (const first of roster.firstNames) {
    for (let i = 0; i < 2; i++) pupils.add(`${first} ${roster.surnames[Math.floor(random() * roster.surnames.length)]}`);
  }
  return {
    schoolNames: roster.schools.flat(),
    pupilNames: [...pupils],
    staffNames: roster.staff,
    role: 'pupil',
  };
}

const PLACEHOLDER = /\{(pupil|first|teacher|school|short)\}/g;

/** Fills {pupil}, {first}, {teacher}, {school} and {short} from the training roster. */
export function fillPlaceholders(text: string, config: CheckConfig, roster: Roster, random: () => number): string {
  const school = roster.schools[Math.floor(random() * roster.schools.length)];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return text.replace(PLACEHOLDER, (_, kind: string) => {
    switch (kind) {
      case 'pupil':
        return pick(config.pupilNames);
      case 'first':
        return pick(config.pupilNames).split(' ')[0];
      case 'teacher':
        return pick(roster.staff);
      case 'school':
        return school[0];
      default:
        return pick(school.slice(1));
    }
  });
}

function labelVector(names: readonly string[], file: string, line: number): number[] {
  for (const name of names) {
    if (!(MODEL_CATEGORIES as readonly string[]).includes(name)) throw new Error(`${file} line ${line}: unknown label "${name}"`);
  }
  return MODEL_CATEGORIES.map((c) => (names.includes(c) ? 1 : 0));
}

/** Every line of train/written/*.jsonl, placeholders filled. Throws naming the file and line of a bad one. */
export function readWrittenCorpus(config: CheckConfig, roster: Roster, seed: number): LabelledText[] {
  const dir = path.join(TRAIN_DIR, 'written');
  const random = seededRandom(seed);
  const out: LabelledText[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((raw, index) => {
      if (!raw.trim()) return;
      let line: WrittenLine;
      try {
        line = JSON.parse(raw) as WrittenLine;
      } catch {
        throw new Error(`train/written/${file} line ${index + 1}: not valid JSON`);
      }
      if (typeof line.text !== 'string' || !Array.isArray(line.labels)) throw new Error(`train/written/${file} line ${index + 1}: needs "text" and "labels"`);
      const role = line.role === 'staff' || line.role === 'parent' ? line.role : 'pupil';
      const labels = labelVector(line.labels, file, index + 1);
      // Professional distance is a staff duty: the same words from a pupil say nothing about it.
      const pd = MODEL_CATEGORIES.indexOf('professional-distance');
      if (role !== 'staff' && labels[pd] === 1) labels[pd] = -1;
      out.push({ text: fillPlaceholders(line.text, config, roster, random), labels, role, source: `written/${file}`, weight: 1 });
    });
  }
  return out;
}

interface PublicLine {
  text: string;
  label: string[];
}

function readJsonl(file: string): PublicLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PublicLine);
}

const UNKNOWN = -1;

/**
 * The public sets, mapped to our categories as ../shared/train/README.md
 * advises. `sharedTrain` is ../shared/train.
 */
export function readPublicData(sharedTrain: string, roster: Roster, seed: number): LabelledText[] {
  const random = seededRandom(seed + 1);
  const out: LabelledText[] = [];
  const index = (c: ModelCategory): number => MODEL_CATEGORIES.indexOf(c);
  const blank = (): number[] => MODEL_CATEGORIES.map(() => 0);

  // Civil Comments toxic spans (CC0): news-site comments. "not toxic" rows were first judged toxic by
  // half their raters, so they are borderline negatives; "toxic, no majority type" says nothing.
  for (const row of readJsonl(path.join(sharedTrain, 'civil_comments_toxic_spans/data.jsonl'))) {
    const has = (label: string): boolean => row.label.includes(label);
    if (has('toxic, no majority type')) continue;
    const labels = blank();
    if (has('Insult')) labels[index('bullying')] = 1;
    else if (has('Profane/Obscene') || has('Other Toxicity') || has('Identity based Attack') || has('Threat')) labels[index('bullying')] = UNKNOWN;
    if (has('Threat')) labels[index('threat')] = 1;
    if (has('Identity based Attack')) labels[index('hate')] = 1;
    // Accusations against politicians are everywhere in news comments; whether they count is unclear.
    labels[index('defamation')] = UNKNOWN;
    out.push({ text: row.text, labels, role: 'pupil', source: 'civil_comments_toxic_spans', weight: 0.25 });
  }

  // Jigsaw sample (CC0 labels, Wikipedia talk text).
  for (const row of readJsonl(path.join(sharedTrain, 'jigsaw_toxic_sample/data.jsonl'))) {
    const has = (label: string): boolean => row.label.includes(label);
    const labels = blank();
    if (has('insult') || has('toxic') || has('severe_toxic')) labels[index('bullying')] = 1;
    else if (has('obscene')) labels[index('bullying')] = UNKNOWN;
    if (has('threat')) labels[index('threat')] = 1;
    if (has('identity_hate')) labels[index('hate')] = 1;
    out.push({ text: row.text, labels, role: 'pupil', source: 'jigsaw_toxic_sample', weight: 0.5 });
  }

  // GoEmotions (Apache-2.0): ordinary Reddit comments, negatives for every category. Sadness, grief,
  // fear and the like are the hard negatives wellbeing needs. Names and religions were masked by the
  // source; they are filled in, or the model would learn the mask.
  const religions = ['Muslim', 'Christian', 'Jewish', 'Hindu', 'Sikh', 'Catholic', 'Buddhist'];
  for (const row of readJsonl(path.join(sharedTrain, 'goemotions/data.jsonl'))) {
    const text = row.text
      .replace(/\[NAME\]/g, () => roster.firstNames[Math.floor(random() * roster.firstNames.length)])
      .replace(/\[RELIGION\]/g, () => religions[Math.floor(random() * religions.length)]);
    out.push({ text, labels: blank(), role: 'pupil', source: 'goemotions', weight: 0.5 });
  }
  return out;
}

/** A stable 0–1 number from a text: which split it falls in never depends on file order. */
export function textFraction(text: string): number {
  let h = 0x811c9dc5;
  const key = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}
