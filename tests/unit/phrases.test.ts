// The plain phrases form (lib/rules/phrases.ts): what each piece of its
// syntax compiles to, and the messages a person gets for what it cannot take.
import { describe, expect, it } from 'vitest';
import { PhraseError, compilePhrase, patternsOf, phraseNameOfTag } from '../../lib/rules/phrases';
import { RuleSet } from '../../lib/rules/ruleset';
import type { Rule } from '../../lib/rules/types';
import { patternEntries, phraseEntries } from './pattern-entries';

const TAGS = new Set(['Insult', 'SelfHarm', 'IdentityGroup', 'Pupil']);
const compile = (phrase: string): string => compilePhrase(phrase, TAGS);
const problem = (phrase: string): string => {
  try {
    compile(phrase);
  } catch (error) {
    expect(error).toBeInstanceOf(PhraseError);
    return (error as Error).message;
  }
  throw new Error(`“${phrase}” compiled, but should not have`);
};

function rule(phrases: string[], patterns: string[] = []): Rule {
  const entries = [...patternEntries(...patterns), ...phraseEntries(patterns.length + 1, ...phrases)];
  return { id: 'threat/test', category: 'threat', message: 'This could read as a threat.', patterns: entries, examples: { noMatch: [] } };
}

describe('compilePhrase', () => {
  it('keeps plain words in order, in lower case', () => {
    expect(compile('Meet me at the GATES after school')).toBe('meet me at the gates after school');
  });

  it('turns word/other into alternatives and [word] into an optional word', () => {
    expect(compile('see/meet you at the [front/back] gates')).toBe('(see|meet) you at the (front|back)? gates');
    expect(compile('see you [at the] gates')).toBe('see you (at the)? gates');
  });

  it('turns ... into a gap of up to three words', () => {
    expect(compile('meet me ... after school')).toBe('meet me .{0,3} after school');
    expect(compile('meet me … after school')).toBe('meet me .{0,3} after school');
  });

  it('turns {name} into the word list with that tag, however it is written', () => {
    for (const name of ['insult', 'Insult', 'insults']) expect(compile(`you {${name}}`)).toBe('you #Insult');
    for (const name of ['self harm', 'self-harm', 'SelfHarm']) expect(compile(`talk about {${name}}`)).toBe('talk about #SelfHarm');
    expect(compile('{pupil} is a {insult}/loser')).toBe('#Pupil is a (#Insult|loser)');
  });

  it('reads a hyphenated word both ways, and drops punctuation at the end of a word', () => {
    expect(compile('talk about self-harm')).toBe('talk about (self-harm|self harm)');
    expect(compile('see you at the gates, after school!')).toBe('see you at the gates after school');
  });

  it('names a tag as a phrase writes it', () => {
    expect(phraseNameOfTag('IdentityGroup')).toBe('identity group');
  });

  describe('refuses, saying what to write instead', () => {
    it('compromise syntax', () => {
      for (const phrase of ['you #Insult', 'meet (me|you) now', 'gates*', 'see you @ school', 'gates+ now', 'you are ^dead', 'school$ gates', '~gates~', '"gates"']) {
        expect(problem(phrase)).toMatch(/cannot use|leave it out/i);
      }
    });
    it('apostrophes, with the words in full', () => {
      expect(problem("don't come to school")).toContain('“do not”');
      expect(problem('you’re getting it after school')).toContain('“you are”');
      expect(problem("won't forget this school")).toContain('“will not”');
    });
    it('a word list that does not exist, listing the ones that do', () => {
      const message = problem('you {insluts} at school');
      expect(message).toContain('{insluts}');
      expect(message).toContain('{insult}, {pupil}, {self harm}');
    });
    it('brackets and gaps in the wrong place', () => {
      expect(problem('meet me at the [gates after school')).toMatch(/no “\]”/);
      expect(problem('meet me at the gates] after school')).toMatch(/no “\[”/);
      expect(problem('meet me at the gate[s] after school')).toMatch(/space before “\[”/);
      expect(problem('meet me at the [gates]after school')).toMatch(/space after “\]”/);
      expect(problem('meet me [] after school')).toMatch(/empty/);
      expect(problem('meet me [...] after school')).toMatch(/gap/);
      expect(problem('... meet me after school')).toMatch(/between words/);
      expect(problem('meet me after school ...')).toMatch(/between words/);
      expect(problem('meet me ... ... after school')).toMatch(/in a row/);
      expect(problem('meet me school... gates')).toMatch(/spaces around \.\.\./);
      expect(problem('meet/ me after school')).toMatch(/a \/ needs a word on each side/);
      expect(problem('[meet/see me] after school')).toMatch(/separate \[ \]/);
      expect(problem('meet {insult}s after school')).toMatch(/on its own/);
    });
    it('an empty phrase, or one whose every word is optional', () => {
      expect(problem('')).toMatch(/empty/);
      expect(problem('   ')).toMatch(/empty/);
      expect(problem('[gates] [school]')).toMatch(/at least one word must always be there/);
    });
    it('a phrase the prefilter could never find, saying what to add', () => {
      const message = problem('you are not in it');
      expect(message).toMatch(/very common/);
      expect(message).toMatch(/less common word|word list/);
      // An uncommon word that may be left out, or that sits beside a common one, does not count.
      expect(problem('you are [gates]')).toMatch(/very common/);
      expect(problem('you/gates are it')).toMatch(/very common/);
    });
  });
});

describe('phrases in a rule', () => {
  it('compile in place among the rule’s patterns, each named by its entry’s id', () => {
    expect(patternsOf(rule(['meet me after school'], ['#Insult']), TAGS)).toEqual([
      { id: 'threat/test#1', source: '#Insult' },
      { id: 'threat/test#2', source: 'meet me after school', phrase: 'meet me after school' },
    ]);
  });

  it('refuse an entry with both a pattern and a phrase, or neither, naming it', () => {
    const both: Rule = { ...rule([]), patterns: [{ id: 'both', pattern: 'gates', phrase: 'gates', examples: ['gates'], note: 'Both.' }] };
    expect(() => patternsOf(both, TAGS)).toThrow(/Rule threat\/test, pattern “both”: give either "pattern" or "phrase", not both/);
    const neither: Rule = { ...rule([]), patterns: [{ id: 'neither', examples: ['gates'], note: 'Neither.' }] };
    expect(() => patternsOf(neither, TAGS)).toThrow(/not neither/);
  });

  it('name the rule and the phrase when one cannot be compiled', () => {
    expect(() => patternsOf(rule(['meet me after school', "don't come in"]), TAGS)).toThrow(/Rule threat\/test, phrase “don't come in”: .*“do not”/);
  });

  it('are compiled by the RuleSet, which the engine runs', () => {
    const rules = new RuleSet([{ rules: [rule(['see/meet you at the gates after school'])] }], [{ tag: 'Insult', words: ['idiot'] }], { frames: {} });
    expect(rules.rules[0].sources).toEqual(['(see|meet) you at the gates after school']);
    expect(() => new RuleSet([{ rules: [rule(['you are not in it'])] }], [], { frames: {} })).toThrow(/Rule threat\/test, phrase “you are not in it”/);
  });
});
