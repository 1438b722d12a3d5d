import { describe, expect, it } from 'vitest';
import { findProfanity } from '../../lib/profanity';

const words = (text: string): string[] => findProfanity(text, 'pupil').map((h) => text.slice(h.start, h.end));

describe('profanity', () => {
  it.each([
    ['what the fuck', ['fuck']],
    ['this is shite', ['shite']],
    ['fuuuuck off', ['fuuuuck']],
    ['sh1t happens', ['sh1t']],
    ['what a bellend', ['bellend']],
    ['absolute tosser', ['tosser']],
  ])('finds swearing in %s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    'Scunthorpe United won 2-0',
    'Train to Penistone is late',
    'a cocktail party',
    'the assassin in the film',
    'Arsenal are top of the league',
    'shiitake mushrooms in the risotto',
    'Dick Whittington at the panto',
    'graduated cum laude',
    'sex education lesson today',
    'class assessment on Friday',
  ])('leaves alone %s', (text) => {
    expect(words(text)).toEqual([]);
  });

  it('reminds staff of the standards they are held to, and is low severity in the engine', () => {
    const [staff] = findProfanity('oh shit', 'staff');
    expect(staff.message).toMatch(/Staff/);
  });
});
