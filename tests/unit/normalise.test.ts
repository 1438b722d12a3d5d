// The text layer: obfuscation undone with offsets kept, and sentence bounds.
import { describe, expect, it } from 'vitest';
import { normalise, originalSpan } from '../../lib/text/normalise';
import { sentenceBounds } from '../../lib/text/tokens';

const sentences = (text: string): string[] => sentenceBounds(text).map((b) => text.slice(b.start, b.end).trim());

describe('sentence bounds', () => {
  it.each([
    ['that was it. they are vile', ['that was it.', 'they are vile']],
    ['i hate u. u smell', ['i hate u.', 'u smell']],
    ['lol. no way', ['lol.', 'no way']],
    ['I love it. You too.', ['I love it.', 'You too.']],
  ])('a full stop before a lower-case word ends a sentence: %s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it.each([
    'Mr. Okafor is here',
    'ask Mrs. Ashworth first',
    'see Dr. smith today',
    'apples, pears etc. are fine',
    'cats vs. dogs again',
    'bring snacks e.g. crisps',
    'jack h. is in my form',
    'O.P.A. is closed',
  ])('an abbreviation does not: %s', (text) => {
    expect(sentences(text)).toHaveLength(1);
  });
});

// A vocabulary standing in for the rules' lexicons.
const LEXICON = new Set(['cripple', 'slut', 'assholes', 'idiot', 'ugly', 'loser', 'kill']);
const known = (lower: string): boolean => LEXICON.has(lower);

describe('normalise', () => {
  it.each([
    ['u r a crippl3', 'u r a cripple'],
    ['what a slu7', 'what a slut'],
    ['all 4ssholes', 'all assholes'],
    ['1diot', 'idiot'],
    ['ug1y l0ser', 'ugly loser'],
  ])('reads digits at the edge of a word as letters when that makes a lexicon word: %s', (text, expected) => {
    expect(normalise(text, known).text).toBe(expected);
  });

  it('cleans a long text sentence by sentence with the same offsets', () => {
    const filler = 'Nothing to see in this sentence at all. '.repeat(12);
    const text = `${filler}Such a l0ser 😂. ${filler}u g l y and sad.`;
    const n = normalise(text, known);
    expect(n.text).toBe(`${filler}Such a loser 😂. ${filler}ugly and sad.`);
    const loser = n.text.indexOf('loser');
    expect(text.slice(originalSpan(n, loser, loser + 5).start, originalSpan(n, loser, loser + 5).end)).toBe('l0ser');
    const ugly = n.text.indexOf('ugly');
    expect(text.slice(originalSpan(n, ugly, ugly + 4).start, originalSpan(n, ugly, ugly + 4).end)).toBe('u g l y');
  });

  it('joins spaced letters that run into a following single letter', () => {
    const words = new Set(['woman', 'threat']);
    expect(normalise('shoot the next w o m a n I see', (w) => words.has(w)).text).toBe('shoot the next woman I see');
    expect(normalise('a t h r e a t to us', (w) => words.has(w)).text).toBe('a threat to us');
    expect(normalise('u r a legend', (w) => words.has(w)).text).toBe('u r a legend');
  });

  it.each(['ward07', 'y7', '4pm', '2nd', '10k', 'room 4b', 'class of 2019'])('keeps digits that are numbers: %s', (text) => {
    expect(normalise(text, known).text).toBe(text);
  });

  it('keeps offsets into the original text', () => {
    const n = normalise('l0ser');
    expect(n.text).toBe('loser');
    expect(originalSpan(n, 0, 5)).toEqual({ start: 0, end: 5 });
  });
});
