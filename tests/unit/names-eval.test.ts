// The name test set from another invented school (tests/fixtures/names-eval):
// roster first names that are everyday words or parts of set phrases, famous
// people who share a pupil's first name, multi-word and non-Anglo names, and
// school aliases that also name a famous person, a place or another body.
// The target: at most 2% of benign posts get a name warning, with
// school and pupil recall no lower.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, validateConfig, type Category } from '../../lib';
import { hashRoster } from '../../lib/names/roster-hash';

interface Post {
  id: string;
  role: 'pupil' | 'staff';
  text: string;
  expect: Category[];
}

const dir = new URL('../fixtures/names-eval/', import.meta.url);
const raw = JSON.parse(readFileSync(new URL('config.json', dir), 'utf8'));
const posts: Post[] = readFileSync(new URL('posts.jsonl', dir), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

const NAME_CATEGORIES = ['school-name', 'pupil-name'] as const;

function score(config: ReturnType<typeof validateConfig>) {
  let benign = 0;
  let benignWarned = 0;
  const recall = { 'school-name': { found: 0, expected: 0 }, 'pupil-name': { found: 0, expected: 0 } };
  for (const post of posts) {
    const got = new Set(check(post.text, config, { role: post.role }).map((f) => f.category));
    if (post.expect.length === 0) {
      benign++;
      if (NAME_CATEGORIES.some((c) => got.has(c))) benignWarned++;
    }
    for (const category of NAME_CATEGORIES) {
      if (!post.expect.includes(category)) continue;
      recall[category].expected++;
      if (got.has(category)) recall[category].found++;
    }
  }
  return { benign, benignWarned, recall };
}

describe('the name test set from Darwin Park Academy', () => {
  it('holds enough posts of each kind to measure', () => {
    expect(posts.length).toBeGreaterThan(150);
    expect(posts.filter((p) => p.expect.length === 0).length).toBeGreaterThan(90);
  });

  const configs = {
    'a plaintext roster': validateConfig(raw),
    'a hashed roster': validateConfig({ ...raw, pupilNames: [], hashedRoster: hashRoster(raw.pupilNames) }),
  };
  it.each(Object.keys(configs))('warns about a name on at most one benign post in fifty, and misses no school or pupil, with %s', (label) => {
    const { benign, benignWarned, recall } = score(configs[label as keyof typeof configs]);
    expect(benignWarned / benign).toBeLessThanOrEqual(0.02);
    expect(recall['school-name'].found).toBe(recall['school-name'].expected);
    expect(recall['pupil-name'].found).toBe(recall['pupil-name'].expected);
  });
});
