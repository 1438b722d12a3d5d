// Undoes the tricks people use to get words past filters, while remembering
// where every character came from, so findings can point at the ORIGINAL text.
//
// The normalised text keeps letter case (names need it) and keeps one output
// character per meaningful input character, so compromise can parse it and
// offsets map back exactly.

export interface NormalisedText {
  /** The cleaned-up text. */
  text: string;
  /** For each UTF-16 unit of `text`, the start of its source in the original. */
  sourceStart: Int32Array;
  /** For each UTF-16 unit of `text`, the end (exclusive) of its source in the original. */
  sourceEnd: Int32Array;
}

// Characters that render as nothing but split words for a filter.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/;

// Cyrillic and Greek letters that look like Latin ones (Unicode confusables,
// the subset that matters for English words).
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'I', Ј: 'J', Һ: 'H', Ԁ: 'D', Ԝ: 'W',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

// Digits and symbols standing in for letters inside a word ("l0ser", "f@t").
// "1" is ambiguous (i or l): it reads as "i" unless an "l" reading is a word
// the rules know; see resolveDigitOne.
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '£': 'l',
};

const LATIN_LETTER_PATTERN = /\p{Script=Latin}/u;
const ANY_LETTER_PATTERN = /\p{L}/u;

// Character classes are asked about every character of a hostile post, so
// ASCII is answered from its code and only other characters reach a regex.
/** Is this (one code point) a letter of any script? */
function isLetter(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ANY_LETTER_PATTERN.test(value);
}
/** Is this a Latin-script letter? */
function isLatinLetter(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LATIN_LETTER_PATTERN.test(value);
}
const ANY_LETTER = { test: isLetter };
const LATIN_LETTER = { test: isLatinLetter };

class Builder {
  chars: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  push(value: string, start: number, end: number): void {
    // A replacement may be longer than one unit (NFKC "ﬁ" → "fi"); each unit maps to the whole source.
    for (let i = 0; i < value.length; i++) {
      this.chars.push(value[i]);
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  get length(): number {
    return this.chars.length;
  }
}

interface Piece {
  value: string;
  start: number;
  end: number;
}

/** Splits into code points, dropping invisible ones and folding compatibility forms (𝐟𝐚𝐭 → fat). */
function cleanCodePoints(original: string): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  for (const char of original) {
    const start = index;
    index += char.length;
    if (char.charCodeAt(0) >= 0xad && INVISIBLE.test(char)) continue;
    let value = char;
    const code = char.codePointAt(0)!;
    // NFKC only for characters that have a compatibility form; it is slow to
    // call on every character of a 1 MB post.
    if (code > 0x7f) {
      const folded = char.normalize('NFKC');
      if (folded !== char && folded.length <= 3) value = folded;
    }
    pieces.push({ value, start, end: index });
  }
  return pieces;
}

/** Is this run of pieces one "word" for obfuscation purposes? (letters, digits, leet symbols) */
function isWordPiece(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 64 || code === 36 || code === 33 || code === 124;
  return ANY_LETTER_PATTERN.test(value) || value === '€' || value === '£';
}

/**
 * Maps look-alikes and leetspeak within one word. A word is only de-leeted if
 * it has letters as well as substitutes ("2-0" and "4pm" stay as they are; "l0ser" becomes "loser").
 */
function cleanLookalikes(word: Piece[]): Piece[] {
  const hasLatin = word.some((p) => LATIN_LETTER.test(p.value));
  const allLookalikeOrLatin = word.every((p) => LATIN_LETTER.test(p.value) || p.value in LOOKALIKES || !ANY_LETTER.test(p.value));
  // Map Cyrillic/Greek look-alikes only in words that are Latin underneath:
  // a mixed-script word ("ѕtupid"), or one made wholly of look-alikes. Real
  // Greek or Russian words keep their letters.
  if (!hasLatin && !allLookalikeOrLatin) return word;
  return word.map((p) => (p.value in LOOKALIKES ? { ...p, value: LOOKALIKES[p.value] } : p));
}

function cleanWord(word: Piece[], isKnownWord: (lower: string) => boolean): Piece[] {
  const mapped = cleanLookalikes(word);
  const letters = mapped.filter((p) => ANY_LETTER.test(p.value)).length;
  const substitutes = mapped.filter((p) => p.value in LEET).length;
  // Need at least two real letters, and substitutes inside or at the edge of letters.
  if (substitutes === 0 || letters < 2) return mapped;
  // Symbols only count when they sit inside the word ("f@t"), not as trailing punctuation ("hi!").
  const firstLetter = mapped.findIndex((p) => ANY_LETTER.test(p.value));
  let lastLetter = -1;
  for (let i = mapped.length - 1; i >= 0; i--) if (ANY_LETTER.test(mapped[i].value)) { lastLetter = i; break; }
  const looksLikeNumberWithUnit = /^[0-9]+[a-z]{1,3}$/i.test(mapped.map((p) => p.value).join('')); // 4pm, 10k, 2nd
  if (looksLikeNumberWithUnit) return mapped;
  const out = mapped.map((p, i) => {
    if (!(p.value in LEET)) return p;
    // Only substitutes between letters: a digit at the edge is usually a real number ("ward07", "y7").
    const inside = i > firstLetter && i < lastLetter;
    if (!inside) return p;
    return { ...p, value: LEET[p.value] };
  });
  const inner = resolveDigitOne(mapped, out, isKnownWord);
  // …unless reading the edge digits as letters makes a word the rules know ("slu7", "4ssholes", "crippl3").
  if (!out.some((p, i) => /[0-9]/.test(p.value) && (i < firstLetter || i > lastLetter))) return inner;
  const edges = out.map((p, i) => (/[0-9]/.test(p.value) && (i < firstLetter || i > lastLetter) ? { ...p, value: LEET[p.value] } : p));
  const resolved = resolveDigitOne(mapped, edges, isKnownWord);
  return isKnownWord(resolved.map((p) => p.value).join('').toLowerCase()) ? resolved : inner;
}

/** "ug1y" should read "ugly", not "ugiy": prefer "l" where that makes a known word. */
function resolveDigitOne(before: Piece[], after: Piece[], isKnownWord: (lower: string) => boolean): Piece[] {
  const ones = before.map((p, i) => (p.value === '1' && after[i].value === 'i' ? i : -1)).filter((i) => i >= 0);
  if (ones.length === 0) return after;
  const asI = after.map((p) => p.value).join('').toLowerCase();
  if (isKnownWord(asI)) return after;
  const withL = after.map((p, i) => (ones.includes(i) ? { ...p, value: 'l' } : p));
  return isKnownWord(withL.map((p) => p.value).join('').toLowerCase()) ? withL : after;
}

/** "loooser" → "loser", "fuuuuck" → "fuck": runs of three or more of a letter collapse to one. */
function squeezeStretched(word: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < word.length) {
    let j = i + 1;
    const lower = word[i].value.toLowerCase();
    while (j < word.length && word[j].value.toLowerCase() === lower && ANY_LETTER.test(lower)) j++;
    if (j - i >= 3) {
      out.push({ value: word[i].value, start: word[i].start, end: word[j - 1].end });
    } else {
      for (let k = i; k < j; k++) out.push(word[k]);
    }
    i = j;
  }
  return out;
}

const SPACED_SEPARATOR = /^[ .\-_*·•]$/;
/**
 * No word spelt out letter by letter is longer than this, so no search over a
 * run of single letters looks further ahead: the work stays linear in the run,
 * however long a run of "a a a a …" someone pastes.
 */
const MAX_SPACED_WORD = 20;

/**
 * Joins letters spaced out to dodge filters: "u g l y", "k.y.s", "s-t-u-p-i-d", "O.P.A."
 * A run needs three or more single letters with the same separator between each.
 * Runs split by spaces are only joined where they spell words the caller knows,
 * because text-speak is full of single letters ("u r a legend"); a run may hold
 * several such words and stray letters ("a r e t a r d" is "a retard").
 */
function joinSpacedLetters(pieces: Piece[], isKnownWord: KnownWord): Piece[] {
  const out: Piece[] = [];
  const isSingleLetterAt = (i: number): boolean => {
    if (i >= pieces.length || !isWordPiece(pieces[i].value)) return false;
    const beforeOk = i === 0 || !isWordPiece(pieces[i - 1].value);
    const afterOk = i + 1 >= pieces.length || !isWordPiece(pieces[i + 1].value);
    return beforeOk && afterOk;
  };
  const asLetter = (k: number): Piece => ({ ...pieces[k], value: LEET[pieces[k].value] ?? pieces[k].value });
  let i = 0;
  while (i < pieces.length) {
    if (!isSingleLetterAt(i)) {
      out.push(pieces[i]);
      i++;
      continue;
    }
    const letters = [i];
    let separator: string | null = null;
    let j = i;
    while (
      j + 2 < pieces.length &&
      SPACED_SEPARATOR.test(pieces[j + 1].value) &&
      (separator === null || pieces[j + 1].value === separator) &&
      isSingleLetterAt(j + 2)
    ) {
      separator = pieces[j + 1].value;
      j += 2;
      letters.push(j);
    }
    const words = separator === ' ' ? spacedWords(letters.map((k) => LEET[pieces[k].value] ?? pieces[k].value), isKnownWord) : wholeRun(letters, pieces);
    // Each run is handled once, in one pass: joined words lose their inner separators, stray letters keep theirs.
    let cursor = letters[0];
    for (const [from, to] of words) {
      for (; cursor < letters[from]; cursor++) out.push(pieces[cursor]);
      for (let n = from; n < to; n++) out.push(asLetter(letters[n]));
      cursor = letters[to - 1] + 1;
    }
    const runEnd = letters[letters.length - 1] + 1;
    for (; cursor < runEnd; cursor++) out.push(pieces[cursor]);
    i = runEnd;
  }
  return out;
}

/** A run with dots or dashes ("k.y.s", "O.P.A.") is one word when it is all letters and three or more long. */
function wholeRun(letters: number[], pieces: Piece[]): Array<[number, number]> {
  if (letters.length < 3) return [];
  const joined = letters.map((k) => LEET[pieces[k].value] ?? pieces[k].value).join('');
  return /^\p{L}+$/u.test(joined) ? [[0, letters.length]] : [];
}

/**
 * The known words in a space-separated run of single letters, as [from, to)
 * index pairs, chosen so that long words win: the split with the greatest sum
 * of squared word lengths ("a retard" over "are tard"). Dynamic programming,
 * with words no longer than MAX_SPACED_WORD: O(run × MAX_SPACED_WORD²).
 */
function spacedWords(letters: string[], isKnownWord: KnownWord): Array<[number, number]> {
  const n = letters.length;
  if (n < 3) return [];
  const lower = letters.map((l) => l.toLowerCase());
  const prefixes = isKnownWord.prefixes;
  // Forward: from each start, only as far as some known word could still begin with these letters
  // (one or two steps in a run of "a a a …"), so a pasted run costs a few lookups per letter.
  const best = new Float64Array(n + 1).fill(-1);
  const wordStart = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  const known = new Map<string, boolean>();
  for (let start = 0; start < n; start++) {
    if (best[start] < 0) continue;
    // Leaving this letter as it is.
    if (best[start] > best[start + 1]) {
      best[start + 1] = best[start];
      wordStart[start + 1] = -1;
    }
    let joined = '';
    for (let end = start + 1; end <= n && end - start <= MAX_SPACED_WORD; end++) {
      // A digit that is not leetspeak ends every longer word too.
      if (!isLetter(letters[end - 1])) break;
      joined += lower[end - 1];
      if (prefixes && !prefixes.has(joined)) break;
      if (end - start < 3) continue;
      let isWord = known.get(joined);
      if (isWord === undefined) {
        isWord = isKnownWord(joined);
        if (known.size < 50_000) known.set(joined, isWord);
      }
      if (!isWord) continue;
      const score = best[start] + (end - start) * (end - start);
      if (score > best[end]) {
        best[end] = score;
        wordStart[end] = start;
      }
    }
  }
  const words: Array<[number, number]> = [];
  for (let end = n; end > 0; ) {
    const start = wordStart[end];
    if (start < 0) end--;
    else {
      words.push([start, end]);
      end = start;
    }
  }
  return words.reverse();
}

export type KnownWord = ((lower: string) => boolean) & {
  /**
   * Every beginning of every known word, if the caller can list them: a run of
   * spaced letters is then only searched as far as a word could still start.
   */
  prefixes?: ReadonlySet<string>;
};

/**
 * The lexicon word a masked word stands for, given in lower case with "*"
 * for each hidden letter ("b*tch" → "bitch"), or undefined when none or
 * several fit.
 */
export type Unmask = (masked: string) => string | undefined;

const NO_KNOWN_WORDS: KnownWord = () => false;

/**
 * Where a run-together pair of words splits ("Ihate" → 1), or 0 to leave the
 * word whole. Given the word as written, and whether it starts a sentence
 * (where a capital says nothing about names).
 */
export type SplitWord = (word: string, sentenceStart: boolean) => number;

/**
 * Splits a run-together pair ("Ihate", "muchdisdain") with a space. The space
 * has no source of its own: it maps to the empty stretch between the halves.
 */
function splitRunTogether(word: Piece[], splitWord: SplitWord, sentenceStart: boolean): Piece[] {
  if (word.length < 5 || word.length > 30) return word;
  const joined = word.map((p) => p.value).join('');
  if (joined.length !== word.length || !/^[a-z]+$/i.test(joined)) return word;
  const at = splitWord(joined, sentenceStart);
  if (at <= 0 || at >= word.length) return word;
  const space: Piece = { value: ' ', start: word[at].start, end: word[at].start };
  return [...word.slice(0, at), space, ...word.slice(at)];
}

/**
 * Could any step change this text? Plain ASCII with no symbol between letters
 * ("f@t"), no digit touching a letter, no stretched letters and no spaced-out
 * letters cannot change, except by a run-together split: most posts take the
 * fast path below. ("@handle" and "hi!" do not count: a symbol at the edge of
 * a word is left alone anyway.)
 */
const MAY_NEED_CLEANING =
  /[^\x00-\x7f]|[A-Za-z]\*|[A-Za-z][0-9@$!|]+[A-Za-z]|[0-9][A-Za-z]|[A-Za-z][0-9]|([A-Za-z])\1\1|(?:^|[^A-Za-z0-9@$!|])[A-Za-z0-9@$!|][ .\-_*][A-Za-z0-9@$!|][ .\-_*][A-Za-z0-9@$!|](?![A-Za-z0-9@$!|])/i;
const WORD_RUN = /[A-Za-z0-9@$!|]+/g;
const SENTENCE_START_BEFORE = /^[\s"'“‘(]*$|[.!?…\n][\s"'“‘(]*$/;

/** The text as it is, if nothing in it needs changing (the common case), else undefined. */
function unchanged(original: string, splitWord: SplitWord | undefined): NormalisedText | undefined {
  if (!needsNoChange(original, splitWord)) return undefined;
  const sourceStart = new Int32Array(original.length);
  const sourceEnd = new Int32Array(original.length);
  for (let i = 0; i < original.length; i++) {
    sourceStart[i] = i;
    sourceEnd[i] = i + 1;
  }
  return { text: original, sourceStart, sourceEnd };
}

/** True if no step can change this text (see MAY_NEED_CLEANING); `before` is the text just before it. */
function needsNoChange(original: string, splitWord: SplitWord | undefined, before = ''): boolean {
  if (MAY_NEED_CLEANING.test(original)) return false;
  if (splitWord) {
    let inHandle = false;
    let last = 0;
    WORD_RUN.lastIndex = 0;
    for (let m = WORD_RUN.exec(original); m; m = WORD_RUN.exec(original)) {
      // Same handle tracking as the full path: "#" starts one, "._-" continue it, anything else ends it.
      for (let k = last; k < m.index; k++) {
        const c = original[k];
        if (c === '#') inHandle = k + 1 === m.index;
        else if (c !== '.' && c !== '_' && c !== '-') inHandle = false;
      }
      last = m.index + m[0].length;
      const word = m[0];
      if (inHandle || word.length < 5 || word.length > 30 || !/^[A-Za-z]+$/.test(word)) continue;
      const preceding = m.index >= 12 ? original.slice(m.index - 12, m.index) : (before + original.slice(0, m.index)).slice(-12);
      if (splitWord(word, SENTENCE_START_BEFORE.test(preceding)) > 0) return false;
    }
  }
  return true;
}

/**
 * Normalises a draft for matching. `isKnownWord` lets the caller settle
 * ambiguous readings (is "ug1y" "ugly" or "ugiy"?) against its vocabulary;
 * `splitWord` says where run-together words part ("Ihate").
 */
export function normalise(original: string, isKnownWord: KnownWord = NO_KNOWN_WORDS, splitWord?: SplitWord, unmask?: Unmask): NormalisedText {
  return readYourAsYoure(undoObfuscation(original, isKnownWord, splitWord, unmask));
}

/**
 * "your so ugly", "your a loser", "your not welcome": "your" where only
 * "you're" makes sense is read as "you're" (keeping the map to the writer's
 * "your"), so everything downstream sees what was meant. Only before words
 * that cannot follow a possessive "your" ("your a-level results" has a hyphen
 * and "a level" is left alone).
 */
const YOUR_MEANING_YOURE = /\b([Yy])our(?=\s+(?:so|such|an?(?!\s*-?\s*levels?\b)|not|never|always|gonna|going|literally|actually|just|too|very|really|honestly|deffo|defo|proper|dead|being|the\s+(?:worst|best|reason|problem|biggest|ugliest|most))\b(?![-‐]))/g;

function readYourAsYoure(normalised: NormalisedText): NormalisedText {
  YOUR_MEANING_YOURE.lastIndex = 0;
  if (!YOUR_MEANING_YOURE.test(normalised.text)) return normalised;
  const { text, sourceStart, sourceEnd } = normalised;
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let copied = 0;
  YOUR_MEANING_YOURE.lastIndex = 0;
  const copy = (to: number): void => {
    for (let i = copied; i < to; i++) {
      starts.push(sourceStart[i]);
      ends.push(sourceEnd[i]);
    }
    out += text.slice(copied, to);
    copied = to;
  };
  for (let m = YOUR_MEANING_YOURE.exec(text); m; m = YOUR_MEANING_YOURE.exec(text)) {
    copy(m.index);
    // Every letter of "you're" points at the whole of the written "your".
    const replacement = `${m[1]}ou're`;
    for (let k = 0; k < replacement.length; k++) {
      starts.push(sourceStart[m.index]);
      ends.push(sourceEnd[m.index + 3]);
    }
    out += replacement;
    copied = m.index + 4;
  }
  copy(text.length);
  return { text: out, sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

function undoObfuscation(original: string, isKnownWord: KnownWord, splitWord: SplitWord | undefined, unmask: Unmask | undefined): NormalisedText {
  const plain = unchanged(original, splitWord);
  if (plain) return plain;
  // Letters spaced out with spaces are the only trick that spans a space. Without them each word is
  // cleaned on its own, so one emoji or handle does not send the whole post down the slow path; with
  // them, a long text is still cleaned a sentence at a time (no trick spans a full stop and a space).
  const spaced = SPACED_WITH_SPACES.test(original.replace(INVISIBLE_ALL, ''));
  if (spaced && original.length < CHUNKED_FROM) return normaliseFully(original, isKnownWord, splitWord, '', unmask);
  const boundary = spaced ? CHUNK_END : WORD_GAP;
  // Pieces that need no change are kept as they are (no offset tables of their own): on a long
  // post that is most of them.
  const parts: Array<{ from: number; text: string; cleaned?: NormalisedText }> = [];
  // A word cleans the same way wherever it stands, except at a sentence start (where a capital
  // says nothing about names): long and hostile posts repeat words, so each is cleaned once.
  const cleanedWords = new Map<string, NormalisedText | null>();
  boundary.lastIndex = 0;
  let from = 0;
  for (let m = boundary.exec(original); ; m = boundary.exec(original)) {
    const to = m ? m.index + m[0].length : original.length;
    if (to > from) {
      const chunk = original.slice(from, to);
      const before = original.slice(Math.max(0, from - 12), from);
      const key = boundary === WORD_GAP && chunk.length <= MAX_CACHED_WORD ? `${SENTENCE_START_BEFORE.test(before) ? 1 : 0}${chunk}` : undefined;
      let cleaned = key === undefined ? undefined : cleanedWords.get(key);
      if (cleaned === undefined) {
        cleaned = needsNoChange(chunk, splitWord, before) ? null : normaliseFully(chunk, isKnownWord, splitWord, before, unmask);
        if (key !== undefined && cleanedWords.size < MAX_CACHED_WORDS) cleanedWords.set(key, cleaned);
      }
      if (cleaned === null) parts.push({ from, text: chunk });
      else parts.push({ from, text: cleaned.text, cleaned });
    }
    from = to;
    if (!m) break;
  }
  const length = parts.reduce((sum, p) => sum + p.text.length, 0);
  const sourceStart = new Int32Array(length);
  const sourceEnd = new Int32Array(length);
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.text.length; i++) {
      sourceStart[at + i] = (part.cleaned ? part.cleaned.sourceStart[i] : i) + part.from;
      sourceEnd[at + i] = (part.cleaned ? part.cleaned.sourceEnd[i] : i + 1) + part.from;
    }
    at += part.text.length;
  }
  return { text: parts.map((p) => p.text).join(''), sourceStart, sourceEnd };
}

/** Words up to this long are remembered once cleaned, up to this many per post. */
const MAX_CACHED_WORD = 64;
const MAX_CACHED_WORDS = 20_000;

/** Texts with spaced-out letters this long are normalised a sentence at a time. */
const CHUNKED_FROM = 400;
/** Where a sentence piece may end: a full stop, question mark or ellipsis and the spaces after it, or a line break. */
const CHUNK_END = /[.?…]+[ \t]+|\n+/g;
/** Where a word piece ends: plain spaces and line breaks (other spaces, such as a no-break space, are cleaned). */
const WORD_GAP = /[ \t\n\r]+/g;
const WORD_CHAR = '[\\p{L}\\p{N}@$!|€£]';
/** Three single letters separated by single spaces ("u g l y"): joinSpacedLetters may join them. */
const SPACED_WITH_SPACES = new RegExp(`(?:^|(?!${WORD_CHAR}).)${WORD_CHAR} ${WORD_CHAR} ${WORD_CHAR}(?!${WORD_CHAR})`, 'u');
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/**
 * The word hidden behind asterisks that starts at piece `from` ("b*tch" →
 * "bitch"), with the pieces it replaces, or undefined. At least two letters must
 * show, and no more asterisks than letters; "*so*" (emphasis) never reaches here.
 */
function maskedWord(pieces: Piece[], from: number, unmask: Unmask): { pieces: Piece[]; end: number } | undefined {
  let end = from;
  let letters = 0;
  let stars = 0;
  let pattern = '';
  while (end < pieces.length && end - from <= MAX_MASKED_WORD && (isWordPiece(pieces[end].value) || pieces[end].value === '*')) {
    const value = pieces[end].value;
    if (value === '*') stars++;
    else if (ANY_LETTER.test(value)) letters++;
    pattern += value.toLowerCase();
    end++;
  }
  if (end - from > MAX_MASKED_WORD || stars === 0 || letters < 2 || stars > letters) return undefined;
  const word = unmask(pattern);
  if (!word || word.length !== end - from) return undefined;
  return { pieces: pieces.slice(from, end).map((p, k) => (p.value === '*' ? { ...p, value: word[k] } : p)), end };
}

/** Longer runs of letters and asterisks are not words someone masked. */
const MAX_MASKED_WORD = 24;

function normaliseFully(original: string, isKnownWord: KnownWord, splitWord?: SplitWord, before = '', unmask?: Unmask): NormalisedText {
  const pieces = joinSpacedLetters(cleanCodePoints(original), isKnownWord);
  const builder = new Builder();
  let i = 0;
  // Inside a handle or hashtag ("@alfie.ward07") digits are part of the name, not leetspeak.
  let inHandle = false;
  while (i < pieces.length) {
    if (!isWordPiece(pieces[i].value)) {
      const value = pieces[i].value;
      if (value === '@' || value === '#') inHandle = i + 1 < pieces.length && isWordPiece(pieces[i + 1].value);
      else if (!/[._\-]/.test(value)) inHandle = false;
      builder.push(value, pieces[i].start, pieces[i].end);
      i++;
      continue;
    }
    let j = i;
    while (j < pieces.length && isWordPiece(pieces[j].value)) j++;
    // "b*tch", "tw*t", "f***ing": letters masked with asterisks, read as the lexicon word they hide.
    let raw = pieces.slice(i, j);
    if (unmask && !inHandle && pieces[j]?.value === '*' && (i === 0 || pieces[i - 1].value !== '*')) {
      const masked = maskedWord(pieces, i, unmask);
      if (masked) {
        raw = masked.pieces;
        j = masked.end;
      }
    }
    // A single Latin letter or digit ("u", "2") has nothing to clean: most pieces of a spaced-out run.
    if (raw.length === 1 && raw[0].value.charCodeAt(0) < 0x80) {
      builder.push(raw[0].value, raw[0].start, raw[0].end);
      i = j;
      continue;
    }
    // A word is at most a few hundred characters; anything longer is a pasted blob, left alone for speed.
    let word = j - i > 200 ? raw : inHandle ? cleanLookalikes(raw) : squeezeStretched(cleanWord(raw, isKnownWord));
    if (splitWord && !inHandle) word = splitRunTogether(word, splitWord, SENTENCE_START_BEFORE.test((before + builder.chars.slice(-12).join('')).slice(-12)));
    for (const p of word) builder.push(p.value, p.start, p.end);
    i = j;
  }
  return {
    text: builder.chars.join(''),
    sourceStart: Int32Array.from(builder.starts),
    sourceEnd: Int32Array.from(builder.ends),
  };
}

/** Maps a span of the normalised text back to the original text. */
export function originalSpan(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (normalised.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, normalised.text.length - 1));
  const e = Math.max(s, Math.min(end, normalised.text.length) - 1);
  return { start: normalised.sourceStart[s], end: normalised.sourceEnd[e] };
}
