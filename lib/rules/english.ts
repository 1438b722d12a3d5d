// Is a token an English word in its own right? compromise's lexicon (names
// included) and regular inflections of its words. The lexicon is small (it
// has no "moon"), so the engine adds a generated guard list of real words the
// misspelling and compound readings would otherwise get wrong
// (rules/word-guard.json, from scripts/word-guard.ts).

import { lexiconTagsOf } from '../text/compromise';

/** Suffixes of regular inflections, and whether the stem may have lost an "e" ("scoring"). */
const INFLECTIONS: Array<[string, boolean]> = [
  ['s', false], ['es', false], ['ed', true], ['d', false], ['ing', true], ['ly', false], ['er', true], ['est', true], ['ers', true],
];

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Place', 'City', 'Country', 'Region']);

const tagsOf = lexiconTagsOf;

function inLexicon(lower: string): boolean {
  return tagsOf(lower) !== undefined;
}

/** An everyday word, not only a name ("lin", "burn" as in Coburn): halves of a run-together pair must be these. */
export function isCommonWord(lower: string): boolean {
  const tags = tagsOf(lower);
  if (tags) return tags.some((t) => !NAME_TAGS.has(t));
  return INFLECTIONS.some(([suffix, addE]) => {
    if (!lower.endsWith(suffix) || lower.length <= suffix.length + 2) return false;
    const stem = lower.slice(0, -suffix.length);
    return [stem, ...(addE ? [`${stem}e`] : [])].some((form) => tagsOf(form)?.some((t) => !NAME_TAGS.has(t)));
  });
}

/**
 * compromise knows the word (names included), or it is a regular inflection of
 * an everyday word ("moons"; but "disabld" is not "disable" + "d", and "livs"
 * is not the name "Liv" + "s").
 */
export function compromiseKnowsWord(lower: string): boolean {
  if (inLexicon(lower)) return true;
  // A dropped g is still the word: "hittin", "slappin".
  if (lower.endsWith('in') && lower.length > 4 && compromiseKnowsWord(`${lower}g`)) return true;
  return isCommonWord(lower);
}
