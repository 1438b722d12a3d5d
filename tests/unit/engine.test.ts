// The engine between the text layer and the rules: misspelt lexicon words,
// what the prefilter and the parse agree on, and names kept out of it.
import { describe, expect, it } from 'vitest';
import { check, prepare, type CheckConfig } from '../../lib';
import { RuleSet } from '../../lib/rules/ruleset';
import type { Rule } from '../../lib/rules/types';
import { tokenise } from '../../lib/text/tokens';

const EMPTY: CheckConfig = { schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil' };

const RULE: Rule = {
  id: 'bullying/test',
  category: 'bullying',
  message: 'A test rule that needs an insult aimed at you.',
  patterns: ['(you|u) (are|r) (a|an)? #Insult', 'you make me sick'],
  examples: { match: [], noMatch: [] },
};
const ENGLISH = new Set(['moons', 'moon']);
const rules = new RuleSet([{ rules: [RULE] }], [{ tag: 'Insult', words: ['moron', 'idiot', 'loser', 'plonker'] }], { frames: {} }, (w) => ENGLISH.has(w));

function corrections(text: string, isName = (): boolean => false): Record<string, string> {
  const { tokens } = tokenise(text);
  return Object.fromEntries(rules.eligibleRules(tokens, new Map(), 'pupil', isName).corrections);
}

describe('misspelt lexicon and pattern words', () => {
  it.each([
    ['you are a mroon', 'mroon', 'moron'], // neighbours swapped
    ['you are a plonkr', 'plonkr', 'plonker'], // a letter left out
    ['you are an idiiot', 'idiiot', 'idiot'], // a letter added
    ['you are such losres', 'losres', 'loser'], // a misspelt plural
    ['you make me sikc', 'sikc', 'sick'], // a four-letter pattern word, swapped
  ])('%s', (text, typo, word) => {
    expect(corrections(text)[typo]).toBe(word);
  });

  it('reads a misspelt plural as the lexicon word', () => {
    expect(rules.fuzzyWord('plonkrs')).toBe('plonker');
  });

  it('leaves real words, the first letter and short words alone', () => {
    expect(rules.fuzzyWord('moons')).toBeUndefined(); // an English word, one letter from "morons"
    expect(rules.fuzzyWord('dioit')).toBeUndefined(); // first letter swapped
    expect(rules.fuzzyWord('loer')).toBeUndefined(); // "loser" is too short to lose a letter that is not a vowel
    expect(rules.fuzzyWord('losr')).toBe('loser'); // …but may lose a vowel
    expect(rules.fuzzyWord('moro')).toBeUndefined(); // four letters from five: only a vowel may go
  });

  it('never reads a name as a misspelling', () => {
    expect(corrections('you are a Mroon')).toEqual({}); // capitalised mid-sentence: a name
    expect(corrections('mroon is here', () => true)).toEqual({}); // a roster or staff name
  });

  it('gives the parsed words the same reading, so literal pattern words match too', () => {
    const result = new RuleSet([{ rules: [RULE] }], [{ tag: 'Insult', words: ['moron'] }], { frames: {} }, () => false);
    const { tokens } = tokenise('honestly you make me sikc');
    const eligible = result.eligibleRules(tokens, new Map(), 'pupil');
    expect(eligible.rules.map((r) => r.rule.id)).toEqual(['bullying/test']);
    const terms = ['you', 'make', 'me', 'sikc'].map((normal) => ({ normal, tags: new Set<string>(), alias: undefined as string[] | undefined }));
    result.tagTerms(terms, eligible.corrections);
    expect(terms[3].alias).toEqual(['sick']);
  });
});

describe('check() with misspellings', () => {
  it.each([
    'I have so much hatrd for you women.',
    'Womn are scum.',
    'Fukc all immigrants.',
    'You are a complete mroon',
  ])('flags %s', (text) => {
    const categories = check(text, EMPTY).map((f) => f.category);
    expect(categories.some((c) => c === 'hate' || c === 'bullying')).toBe(true);
  });

  it('does not read a pupil’s name as a misspelling', () => {
    const config: CheckConfig = { schoolNames: [], pupilNames: ['Mroon Patel'], staffNames: [], role: 'pupil' };
    const ready = prepare(config);
    expect(ready.isNameWord(tokenise('mroon')['tokens'][0])).toBe(true);
    expect(check('you are mroon', config).map((f) => f.category)).not.toContain('bullying');
  });
});
