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

describe('gaps found on real posts', () => {
  const words = new Set(['retard', 'are', 'tard', 'ugly', 'kys']);
  const knownWord = (w: string): boolean => words.has(w);
  const lexicon = ['bitch', 'twat', 'fucking', 'slag'];
  const unmask = (masked: string): string | undefined => lexicon.find((w) => w.length === masked.length && [...masked].every((c, k) => c === '*' || c === w[k]));

  it('reads a spaced run that starts after a single letter, long words first', () => {
    expect(normalise('you are a r e t a r d', knownWord).text).toBe('you are a retard');
    expect(normalise('k y s', knownWord).text).toBe('kys');
  });

  it('keeps the map to the spaced letters', () => {
    const text = 'a r e t a r d lol';
    const n = normalise(text, knownWord);
    const at = n.text.indexOf('retard');
    const span = originalSpan(n, at, at + 6);
    expect(text.slice(span.start, span.end)).toBe('r e t a r d');
  });

  it.each([
    ['shut up you b*tch', 'shut up you bitch'],
    ['what a tw*t', 'what a twat'],
    ['f***ing hell', 'fucking hell'],
    ['sl*g', 'slag'],
  ])('reads masked letters as the lexicon word they hide: %s', (text, expected) => {
    expect(normalise(text, knownWord, undefined, unmask).text).toBe(expected);
  });

  it.each(['*so* tired', 'a*b', 'x**', '5*3 = 15', 'note*'])('leaves asterisks that hide no lexicon word: %s', (text) => {
    expect(normalise(text, knownWord, undefined, unmask).text).toBe(text);
  });

  it.each([
    ['your so ugly lol', "you're so ugly lol"],
    ['Your a loser', "You're a loser"],
    ['your not welcome here', "you're not welcome here"],
    ['your the worst', "you're the worst"],
  ])('reads "your" as "you\'re" where only that makes sense: %s', (text, expected) => {
    expect(normalise(text).text).toBe(expected);
  });

  it.each(['your a level results', 'your a-levels', 'your so-called friend', 'your mum said hi', 'is that your dog'])('leaves a possessive "your" alone: %s', (text) => {
    expect(normalise(text).text).toBe(text);
  });

  it('maps "you\'re" back to the written "your"', () => {
    const n = normalise('omg your so ugly');
    const span = originalSpan(n, n.text.indexOf("you're"), n.text.indexOf("you're") + 6);
    expect(span).toEqual({ start: 4, end: 8 });
  });
});
