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

describe('normalise', () => {
  it('keeps offsets into the original text', () => {
    const n = normalise('l0ser');
    expect(n.text).toBe('loser');
    expect(originalSpan(n, 0, 5)).toEqual({ start: 0, end: 5 });
  });
});
