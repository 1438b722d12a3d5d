// The plain `phrases` form of a rule, for people who do not write match
// patterns: "see/meet you/me at the [front/back] gate/gates after school".
// Each phrase is compiled into a compromise pattern here, once, when the
// rules are loaded; from then on it is a pattern like any other.
//
// The syntax (docs/rules.md explains it for a safeguarding lead):
//   words separated by spaces   those words, in that order, next to each other
//   ...                         a gap of up to GAP_WORDS words
//   [word]  [two words]         words that may be there or not
//   word/other                  either word
//   {insult}                    any word of the word list whose "tag" is Insult
// Capitals and punctuation at the end of a word are ignored. Anything else
// that would mean something to compromise (# @ ( ) | * + ? ^ $ ! ~ < > " and
// so on) is refused with a message saying what to write instead.

import { requirementsOf } from './pattern';
import type { Rule } from './types';

/** The most words `...` stands for. */
export const GAP_WORDS = 3;

/** A phrase that cannot be compiled; the message says what is wrong and what to write instead. */
export class PhraseError extends Error {
  override name = 'PhraseError';
}

/** Letters, marks and digits, with inner hyphens ("self-harm"). */
const PLAIN_WORD = /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;
/** Punctuation a writer may leave at the end of a word; posts are matched on their words, so it is dropped. */
const TRAILING_PUNCTUATION = /[,.!?;:]+$/;

/**
 * Short forms written out in full. compromise reads "don't", "dont" and "do
 * not" alike when the pattern says "do not", but a pattern word with an
 * apostrophe matches nothing in the engine (measured), so phrases are written
 * in full. These only make the error message exact.
 */
const IN_FULL: Record<string, string> = {
  "won't": 'will not', "can't": 'can not', "shan't": 'shall not', "ain't": 'is not', "i'm": 'i am', "let's": 'let us',
};
const ENDINGS_IN_FULL: Array<[RegExp, string]> = [
  [/n't$/, ' not'], [/'re$/, ' are'], [/'ve$/, ' have'], [/'ll$/, ' will'], [/'m$/, ' am'], [/'d$/, ' would'],
];

function inFull(word: string): string | undefined {
  if (IN_FULL[word]) return IN_FULL[word];
  for (const [ending, full] of ENDINGS_IN_FULL) if (ending.test(word)) return word.replace(ending, full);
  return undefined;
}

/** How a word list's tag is written in a phrase: "SelfHarm" → "self harm". */
export function phraseNameOfTag(tag: string): string {
  return tag.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "{Self-Harm}", "{self harm}", "{selfharm}" and "{insults}" all name their tag. */
function tagNamed(name: string, tags: ReadonlySet<string>): string | undefined {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  const byKey = new Map([...tags].map((tag) => [tag.toLowerCase(), tag]));
  return byKey.get(key) ?? (key.endsWith('s') ? byKey.get(key.slice(0, -1)) : undefined);
}

/** One word of a phrase, with its alternatives, as a compromise term (without `?`). */
function compileWord(written: string, tags: ReadonlySet<string>): { term: string; plain: boolean } {
  if (written.includes('...') || written.includes('…')) throw new PhraseError(`“${written}”: put spaces around ... when you mean a gap between words.`);
  const word = written.replace(TRAILING_PUNCTUATION, '');
  if (word === '') throw new PhraseError(`“${written}” is punctuation on its own: leave it out.`);
  const alternatives = word.split('/');
  if (alternatives.some((a) => a === '')) throw new PhraseError(`“${written}”: a / needs a word on each side (“gate/gates”).`);
  const compiled = alternatives.flatMap((alternative) => {
    const list = /^\{([^{}]*)\}$/.exec(alternative);
    if (list) {
      const tag = tagNamed(list[1], tags);
      if (!tag) {
        const known = [...tags].map((t) => `{${phraseNameOfTag(t)}}`).sort().join(', ');
        throw new PhraseError(`there is no word list called {${list[1]}}. The word lists are: ${known}.`);
      }
      return [`#${tag}`];
    }
    const lower = alternative.replace(/[‘’‛`´]/g, "'").toLowerCase();
    if (lower.includes("'")) {
      const full = inFull(lower);
      throw new PhraseError(
        `“${alternative}”: write it without the apostrophe, in full${full ? ` (“${full}”)` : ''}. The full words also match the short form as people write it.`,
      );
    }
    if (/[{}]/.test(lower)) throw new PhraseError(`“${alternative}”: a word list goes on its own between { and }, like {insult}.`);
    if (!PLAIN_WORD.test(lower)) {
      const odd = [...new Set(lower.replace(/[\p{L}\p{M}\p{N}-]/gu, ''))].map((c) => `“${c}”`).join(' ');
      throw new PhraseError(`“${alternative}” holds ${odd}, which a phrase cannot use: phrases are plain words. Leave it out, or ask a developer to write a pattern.`);
    }
    // The tokeniser keeps "self-harm" whole but compromise may see two words: allow both, and "self harm".
    return lower.includes('-') ? [lower, lower.replace(/-/g, ' ')] : [lower];
  });
  const unique = [...new Set(compiled)];
  if (unique.length === 1 && !unique[0].includes(' ')) return { term: unique[0], plain: true };
  return { term: `(${unique.join('|')})`, plain: false };
}

/** Where the word starting at `start` ends: at a space, except inside {…} ("{self harm}"). */
function wordEnd(text: string, start: number): number {
  let end = start;
  let inList = false;
  while (end < text.length && (inList || !/\s/.test(text[end]))) {
    if (text[end] === '{') inList = true;
    else if (text[end] === '}') inList = false;
    end++;
  }
  return end;
}

/** The words of a stretch of a phrase, split at spaces outside {…}. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i])) i++;
    else {
      const end = wordEnd(text, i);
      words.push(text.slice(i, end));
      i = end;
    }
  }
  return words;
}

/** Splits a phrase into its words, gaps and [optional] groups. */
function itemsOf(phrase: string): Array<{ kind: 'gap' } | { kind: 'words'; words: string[]; optional: boolean }> {
  const items: Array<{ kind: 'gap' } | { kind: 'words'; words: string[]; optional: boolean }> = [];
  let i = 0;
  while (i < phrase.length) {
    if (/\s/.test(phrase[i])) {
      i++;
      continue;
    }
    if (phrase[i] === '[') {
      const close = phrase.indexOf(']', i);
      const inner = close < 0 ? '' : phrase.slice(i + 1, close);
      if (close < 0 || inner.includes('[')) throw new PhraseError('a “[” has no “]” to close it.');
      const after = phrase[close + 1];
      if (after !== undefined && !/\s/.test(after)) throw new PhraseError(`put a space after “]” (“${phrase.slice(i, close + 2)}”).`);
      const words = wordsOf(inner);
      if (words.length === 0) throw new PhraseError('“[ ]” is empty: put the word that may be left out between the brackets.');
      if (words.includes('...') || words.includes('…')) throw new PhraseError('a gap (...) cannot go inside [ ]: it may already be empty.');
      items.push({ kind: 'words', words, optional: true });
      i = close + 1;
      continue;
    }
    const end = wordEnd(phrase, i);
    const word = phrase.slice(i, end);
    if (word.includes('[')) throw new PhraseError(`“${word}”: put a space before “[” (for “gate” or “gates”, write “gate/gates”).`);
    if (word.includes(']')) throw new PhraseError(`“${word}”: this “]” has no “[” before it.`);
    items.push(word === '...' || word === '…' ? { kind: 'gap' } : { kind: 'words', words: [word], optional: false });
    i = end;
  }
  return items;
}

/**
 * A phrase as a compromise match pattern. `tags` are the tags {…} may name
 * (the lexicons' and the engine's). Throws a PhraseError saying what is wrong,
 * including when the pattern could never be found by the prefilter.
 */
export function compilePhrase(phrase: string, tags: ReadonlySet<string>): string {
  if (typeof phrase !== 'string' || phrase.trim() === '') throw new PhraseError('the phrase is empty.');
  const items = itemsOf(phrase.trim());
  const terms: string[] = [];
  items.forEach((item, k) => {
    if (item.kind === 'gap') {
      if (k === 0 || k === items.length - 1) throw new PhraseError('a gap (...) must sit between words, not at the start or end.');
      if (items[k - 1].kind === 'gap') throw new PhraseError('two gaps (... ...) in a row: one is enough.');
      terms.push(`.{0,${GAP_WORDS}}`);
      return;
    }
    const words = item.words.map((w) => compileWord(w, tags));
    if (!item.optional) terms.push(words[0].term);
    else if (words.length === 1) terms.push(`${words[0].term}?`);
    // compromise nests groups unreliably, so a group of several words holds plain words only.
    else if (words.every((w) => w.plain)) terms.push(`(${words.map((w) => w.term).join(' ')})?`);
    else throw new PhraseError(`[${item.words.join(' ')}]: brackets hold one word with its alternatives, or several plain words; split it into separate [ ].`);
  });
  if (items.every((item) => item.kind === 'gap' || item.optional)) throw new PhraseError('every word is in [ ]: at least one word must always be there.');
  const pattern = terms.join(' ');
  // The prefilter finds a pattern by a lexicon tag or an uncommon word it must have (see pattern.ts).
  if (requirementsOf(pattern, tags).length === 0) {
    throw new PhraseError(
      'every word that must be there is a very common one (“you”, “the”, “at”…), so the quick first check cannot find posts with this phrase. ' +
        'Add a less common word that is always there (“gates”, “school”), or a word list such as {insult}; words in [ ] or with a / beside a common word do not count.',
    );
  }
  return pattern;
}

/** A pattern as the engine runs it: its full id ("threat/veiled#gate-warning") and compromise source. */
export interface RunnablePattern {
  id: string;
  source: string;
  /** The phrase it was compiled from, for one written as a phrase. */
  phrase?: string;
}

/** The full id of a rule's pattern, as findings, --explain and "Why?" name it. */
export function patternId(ruleId: string, entryId: string): string {
  return `${ruleId}#${entryId}`;
}

/**
 * A rule's patterns as the engine runs them, in the order written, each
 * phrase compiled. Errors name the rule and the phrase, or the entry that has
 * neither or both.
 */
export function patternsOf(rule: Rule, tags: ReadonlySet<string>): RunnablePattern[] {
  return rule.patterns.map((entry) => {
    const id = patternId(rule.id, entry.id);
    if ((entry.pattern === undefined) === (entry.phrase === undefined)) {
      throw new PhraseError(`Rule ${rule.id}, pattern “${entry.id}”: give either "pattern" or "phrase", not ${entry.pattern === undefined ? 'neither' : 'both'}.`);
    }
    if (entry.pattern !== undefined) return { id, source: entry.pattern };
    try {
      return { id, source: compilePhrase(entry.phrase!, tags), phrase: entry.phrase };
    } catch (error) {
      if (error instanceof PhraseError) throw new PhraseError(`Rule ${rule.id}, phrase “${entry.phrase}”: ${error.message}`);
      throw error;
    }
  });
}
