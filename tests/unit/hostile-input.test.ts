// Issue 12: a post must not get past the check by being expensive to check.
// Whatever padding or filler comes first, a harmful line after it is found.
// (How long these take is measured by npm run bench:adversarial; tests do not time things.)
import { describe, expect, it } from 'vitest';
import { check, checkPost, type CheckConfig } from '../../lib';
import { committedClassifier } from '../support/classifier';

const config: CheckConfig = { schoolNames: ['Kingsmead High School', 'KHS'], pupilNames: ['Tamsin Okoro', 'Will Porter'], staffNames: ['Mr Okafor'], role: 'pupil' };
const classifier = committedClassifier();
const QUESTIONS = ['are you coming to the match on saturday', 'did anyone see the maths homework', 'is the bus late again', 'who wants to revise after school', 'what time does the disco start'];

const repeat = (unit: (i: number) => string, length: number): string => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += unit(i);
  return out;
};

describe('a harmful line after padding is still found', () => {
  it.each([
    ['spaced single letters', repeat(() => 'a ', 20_000)],
    ['dotted letters', repeat(() => 'a.', 20_000)],
    ['right-to-left overrides', repeat(() => '\u202e', 20_000)],
    ['lone surrogates', repeat(() => '\ud800', 20_000)],
    ['zero-width characters', repeat(() => 'k\u200bi\u200bl\u200bl ', 20_000)],
    ['emoji', repeat(() => '😂🔪💀', 20_000)],
    ['one word repeated', repeat(() => 'kill ', 20_000)],
    ['leetspeak', repeat((i) => `h4t3 y0u l0s3r ${i % 10} `, 20_000)],
    ['masked letters', repeat((i) => `b*tch${i % 7} tw*t `, 20_000)],
    ['stretched letters', repeat(() => 'sooooooooooooooooo ', 20_000)],
  ])('%s', (_, padding) => {
    const text = `${padding} go and kill yourself. `;
    const found = check(text, config, { classifier }).filter((f) => f.category === 'bullying' && f.start >= padding.length);
    expect(found.length).toBeGreaterThan(0);
    expect(text.slice(found[0].start, found[0].end)).toMatch(/kill yourself/);
  });
});

describe('a threat and a wellbeing sign after any amount of filler are still found', () => {
  const threat = 'im going to stab you tomorrow after school.';
  const wellbeing = 'i want to end my life tonight.';

  it.each([130, 400])('after %i distinct filler questions', (count) => {
    const filler = Array.from({ length: count }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]} (${i})? `).join('');
    const text = `${filler}${threat} ${wellbeing}`;
    const categories = new Set(check(text, config, { classifier }).filter((f) => f.start >= filler.length).map((f) => f.category));
    expect(categories).toContain('threat');
    expect(categories).toContain('wellbeing');
  });

  it('after thousands of distinct sentences that all bait the rules, the classifier still reads the end, and the check says it was not complete', () => {
    const bait = Array.from({ length: 3_000 }, (_, i) => `you are such a loser number ${i} in the league table.`).join(' ');
    const result = checkPost(`${bait} ${wellbeing}`, config, { classifier });
    expect(result.complete).toBe(false);
    expect(result.findings.some((f) => f.category === 'wellbeing' && f.start >= bait.length)).toBe(true);
  });

  it('a long post the rules could read in full says it is complete', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]} (${i})? `).join('');
    expect(checkPost(`${filler}${threat}`, config, { classifier }).complete).toBe(true);
  });
});

describe('a config that did not come through validateConfig', () => {
  // The CLI and the extension validate first; a library caller with a config read
  // straight from JSON may have no role, or a word that is not one.
  it.each([
    ['no role', undefined],
    ['a role that is not one', 'teacher'],
  ])('with %s is read as a pupil’s, as validateConfig would, and does not throw', (_, role) => {
    const raw = { ...config, role } as unknown as CheckConfig;
    const text = 'Tamsin Okoro is such a loser';
    expect(check(text, raw).map((f) => [f.category, f.message])).toEqual(check(text, { ...config, role: 'pupil' }).map((f) => [f.category, f.message]));
  });
});

describe('words that are also the names of built-in object properties', () => {
  // The engine looks words up in tables; a plain object would answer "constructor"
  // or "__proto__" from its prototype, which once made a check throw.
  const words = Object.getOwnPropertyNames(Object.prototype);
  // The word alone, and in the shapes that reach other tables: after an apostrophe or a hyphen, possessive, masked, in capitals.
  const shapes = (word: string): string[] => [word, `rock'${word}`, `rock’${word}`, `${word}'s`, `rock-${word}`, `${word}-rock`, `${word[0]}*${word.slice(2)}`, word.toUpperCase(), `#${word}`, `@${word}`];
  it.each(words)('“%s” in a post, in any shape, is read as a word and does not throw', (word) => {
    for (const shape of shapes(word)) {
      const text = `the ${shape} of this is wrong, you are such a loser`;
      const findings = check(text, config, { classifier });
      expect(findings.some((f) => f.category === 'bullying'), text).toBe(true);
      expect(findings.filter((f) => f.category !== 'bullying' && text.slice(f.start, f.end).includes(shape)), text).toEqual([]);
    }
  });
});
