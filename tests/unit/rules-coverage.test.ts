// npm run rules:coverage's measure (lib/rules/coverage.ts), on a tiny rule set
// run by the real engine: which patterns their own examples fire, as the rule's
// roles allow and through its `unless`, phrases included, and the copies.
import { describe, expect, it, vi } from 'vitest';
import { check, type CheckTrace } from '../../lib';
import { measureCoverage } from '../../lib/rules/coverage';
import { ENGINE_TAGS } from '../../lib/rules/ruleset';
import type { LexiconFile, RuleFile } from '../../lib/rules/types';

const TINY = vi.hoisted(() => {
  const insults: LexiconFile = { tag: 'Insult', words: ['idiot', 'muppet'] };
  const pupilRule: RuleFile['rules'][number] = {
    id: 'bullying/tiny',
    category: 'bullying',
    message: 'This calls someone a name.',
    patterns: [
      { id: 'you', pattern: 'you #Insult', examples: ['you idiot'], note: 'Fires on its example, but never alone: "you-or-u" covers it.' },
      { id: 'you-or-u', pattern: '(you|u) #Insult', examples: ['u idiot'], note: 'Fires alone on its example.' },
      { id: 'total', pattern: '(total|utter) #Insult', examples: ['you idiot'], note: 'Its example does not have it.' },
      { id: 'proper', pattern: 'proper #Insult', examples: ['proper muppet only joking'], note: 'Matches only where "only joking" cancels it.' },
      { id: 'gates', phrase: 'meet me at the gates', examples: ['meet me at the gates'], note: 'A phrase that fires.' },
    ],
    unless: ['only joking'],
    examples: { noMatch: [] },
  };
  const staffRule: RuleFile['rules'][number] = {
    id: 'professional-distance/tiny',
    category: 'professional-distance',
    roles: ['staff'],
    message: 'This calls someone a name.',
    patterns: [
      // A copy; fires on its example, checked as staff.
      { id: 'you', pattern: 'you #Insult', examples: ['oi you muppet'], note: 'A copy.' },
      // A copy of the phrase (spaces aside); its example is someone else's.
      { id: 'gates', pattern: 'meet me at  the gates ', examples: ['oi you muppet'], note: 'A copy.' },
    ],
    unless: ['only joking'], // a copy
    examples: { noMatch: [] },
  };
  return { insults, files: { 'tiny.json': { rules: [pupilRule, staffRule] } as RuleFile } };
});

vi.mock('../../rules', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../rules')>()),
  RULE_FILES: TINY.files,
  LEXICON_FILES: { 'lexicon/insults.json': TINY.insults },
  FRAMES: { frames: {} },
  SPELLINGS: {},
}));

const CONFIG = { schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil' as const };
const tags = new Set<string>([...ENGINE_TAGS, TINY.insults.tag]);
const traceRules = (text: string, role: 'staff' | 'pupil'): CheckTrace['rules'] => {
  const trace: CheckTrace = { rules: [], classifier: [] };
  check(text, CONFIG, { role, trace });
  return trace.rules;
};

describe('measureCoverage', () => {
  const report = measureCoverage(TINY.files['tiny.json'].rules, tags, traceRules);

  it('counts patterns, those their own examples fire, and the copies', () => {
    expect({
      patterns: report.patterns,
      firedByOwnExamples: report.firedByOwnExamples,
      firedAloneByOwnExamples: report.firedAloneByOwnExamples,
      copiedAcrossRules: report.copiedAcrossRules,
    }).toEqual({ patterns: 7, firedByOwnExamples: 4, firedAloneByOwnExamples: 3, copiedAcrossRules: 3 });
  });

  it('tells a pattern that only ever fires beside another of its rule from one that earns its place', () => {
    const pupil = report.rules[0].patterns;
    expect(pupil.find((p) => p.id === 'bullying/tiny#you')).toMatchObject({ fired: true, firedAlone: false });
    expect(pupil.find((p) => p.id === 'bullying/tiny#you-or-u')).toMatchObject({ fired: true, firedAlone: true });
  });

  it('names each unfired pattern by the id the engine gives it, with the phrase a pattern came from', () => {
    const unfired = report.rules.flatMap((r) => r.patterns.filter((p) => !p.fired).map((p) => p.id));
    expect(unfired).toEqual(['bullying/tiny#total', 'bullying/tiny#proper', 'professional-distance/tiny#gates']);
    expect(report.rules[0].patterns[4]).toMatchObject({ id: 'bullying/tiny#gates', phrase: 'meet me at the gates', pattern: 'meet me at the gates', fired: true });
    expect(report.rules.map((r) => r.copies)).toEqual([0, 3]);
  });

  it('checks a staff-only rule’s examples as staff', () => {
    // As a pupil the staff rule is never tried, so its first pattern would not fire.
    expect(traceRules('oi you muppet', 'pupil').map((r) => r.patternId)).toEqual(['bullying/tiny#you', 'bullying/tiny#you-or-u']);
    expect(report.rules[1].patterns[0].fired).toBe(true);
  });
});
