// The pattern sampler behind npm run rules:redundant: every post it makes must
// be one the pattern matches, and a pattern it cannot honestly sample says so.
import { describe, expect, it } from 'vitest';
import { check, type CheckTrace } from '../../lib';
import { samplePost, seededRandom } from '../../lib/rules/sample-posts';
import { EXAMPLES_CONFIG } from '../../rules/examples-config';
import { RULE_FILES } from '../../rules';

const WORDS: Record<string, string[]> = { Insult: ['loser', 'muppet'], Violence: ['stab', 'kill'] };
const wordsOf = (tag: string): string[] | undefined => WORDS[tag];

describe('samplePost', () => {
  it('chooses alternatives, word-list words and optional words, and leaves gaps empty', () => {
    const random = seededRandom(1);
    const posts = new Set(Array.from({ length: 200 }, () => samplePost('(you|u) (are|r)? .{0,2} (a|an) #Insult', wordsOf, random)));
    for (const post of posts) expect(post).toMatch(/^(you|u)( (are|r))? (a|an) (loser|muppet)$/);
    // Every choice turns up.
    for (const word of ['you', 'u', 'are', 'r', 'an', 'loser', 'muppet']) expect([...posts].some((p) => p!.split(' ').includes(word)), word).toBe(true);
  });

  it('repeats within a range', () => {
    const random = seededRandom(2);
    const lengths = new Set(Array.from({ length: 100 }, () => samplePost('(so|very){1,3} #Insult', wordsOf, random)!.split(' ').length));
    expect([...lengths].sort()).toEqual([2, 3, 4]);
  });

  it('gives undefined for what it cannot make honestly: compromise tags, regexes, negations, open repeats', () => {
    const random = seededRandom(3);
    for (const pattern of ['#Noun is a #Insult', '/^lo+l$/ #Insult', '!not #Insult', 'you #Insult*']) expect(samplePost(pattern, wordsOf, random), pattern).toBeUndefined();
  });

  it('is repeatable from the same seed', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    for (let k = 0; k < 20; k++) expect(samplePost('(i|we) (will|gonna) #Violence (you|him|her)', wordsOf, a)).toBe(samplePost('(i|we) (will|gonna) #Violence (you|him|her)', wordsOf, b));
  });

  it('makes posts the engine matches with the pattern, for a real rule', () => {
    const rule = RULE_FILES['threat.json'].rules.find((r) => r.id === 'threat/violence-intent')!;
    const entry = rule.patterns.find((e) => e.pattern !== undefined && !e.pattern.includes('#Person'))!;
    const violence = ['stab', 'kill', 'batter'];
    const random = seededRandom(4);
    let fired = 0;
    for (let k = 0; k < 10; k++) {
      const post = samplePost(entry.pattern!, (tag) => (tag === 'Violence' || tag === 'Assault' ? violence : undefined), random);
      if (post === undefined) continue;
      const trace: CheckTrace = { rules: [], classifier: [] };
      check(post, EXAMPLES_CONFIG, { trace });
      if (trace.rules.some((r) => r.patternId === `${rule.id}#${entry.id}` && !r.cancelledBy)) fired++;
    }
    expect(fired).toBeGreaterThanOrEqual(8);
  });
});
