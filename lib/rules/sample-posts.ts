// Posts a pattern would match, made by random choices through it: one of each
// group's alternatives, a word from each tag's word list, optional words in or
// out, gaps left empty. npm run rules:redundant asks the classifier about
// them, to see whether it already flags what a pattern is for, well beyond the
// one or two examples written beside it.
//
// Only plain patterns can be sampled: words, groups, lexicon tags and engine
// tags (given word lists), `?`, `+`, `{m,n}`, `.` gaps. A pattern that reads a
// tag of compromise's own (#Noun), a regex, a negation or an open `*` gives
// undefined: there is no honest way to make a post for it.

/** A deterministic source of numbers in [0, 1), so a measurement can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, fast and good enough to spread choices.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

class CannotSample extends Error {}

/** Splits at `separator` outside brackets. */
function splitOutsideGroups(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/**
 * One post `pattern` would match, or undefined when it cannot be sampled.
 * `wordsOf(tag)` gives a tag's words ("Insult" → loser, muppet…), or undefined
 * for a tag it does not know (compromise's own, such as Noun).
 */
export function samplePost(pattern: string, wordsOf: (tag: string) => readonly string[] | undefined, random: () => number): string | undefined {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  const sequence = (text: string): string[] => {
    const words: string[] = [];
    for (const written of splitOutsideGroups(text.trim(), ' ').filter(Boolean)) {
      let term = written.replace(/^\^/, '').replace(/\$$/, '');
      let least = 1;
      let most = 1;
      const repeat = /\{(\d*)(,?)(\d*)\}$/.exec(term);
      if (repeat) {
        least = Number(repeat[1] || 0);
        most = repeat[2] === '' ? least : repeat[3] === '' ? least + 2 : Number(repeat[3]);
        term = term.slice(0, repeat.index);
      } else if (term.endsWith('?')) {
        least = 0;
        term = term.slice(0, -1);
      } else if (term.endsWith('+')) {
        most = 2;
        term = term.slice(0, -1);
      } else if (term === '.*') continue;
      else if (term.endsWith('*')) throw new CannotSample(term);
      // A gap matches any words: leaving it empty is one of the posts it allows.
      if (term === '.') continue;
      const times = least + Math.floor(random() * (most - least + 1));
      for (let k = 0; k < times; k++) words.push(...one(term));
    }
    return words;
  };

  const one = (term: string): string[] => {
    if (term.startsWith('(') && term.endsWith(')')) return sequence(pick(splitOutsideGroups(term.slice(1, -1), '|')));
    if (term.startsWith('#')) {
      const words = wordsOf(term.slice(1));
      if (!words || words.length === 0) throw new CannotSample(term);
      return [pick(words)];
    }
    if (/^[\p{L}\p{N}'’-]+$/u.test(term)) return [term];
    throw new CannotSample(term);
  };

  try {
    const words = sequence(pattern);
    return words.length > 0 ? words.join(' ') : undefined;
  } catch (error) {
    if (error instanceof CannotSample) return undefined;
    throw error;
  }
}
