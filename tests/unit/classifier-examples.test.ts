// The rule patterns the learned classifier made redundant were removed; the
// posts they were written for (rules/model/examples.json) must still be
// flagged in their category by the committed weights, so a retrain that loses
// one of them fails here rather than going unnoticed.
import { describe, expect, it } from 'vitest';
import { check } from '../../lib';
import type { Category, Role } from '../../lib/types';
import carried from '../../rules/model/examples.json';
import { EXAMPLES_CONFIG } from '../../rules/examples-config';
import { committedClassifier } from '../support/classifier';

const classifier = committedClassifier();
const examples = carried.examples as Array<{ text: string; category: Category; role: Role; was: string }>;

describe('posts the classifier carries since their pattern was removed', () => {
  it('lists some, each naming the pattern it replaced', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example.was).toMatch(/^[a-z-]+\/[a-z0-9-]+#[a-z0-9-]+$/);
  });

  it.each(examples.map((e) => [e.category, e.text, e.role, e.was] as const))('%s: %s (as %s; was %s)', (category, text, role) => {
    const findings = check(text, EXAMPLES_CONFIG, { role, classifier });
    expect(findings.map((f) => f.category), `“${text}” is no longer flagged as ${category}`).toContain(category);
  });
});
