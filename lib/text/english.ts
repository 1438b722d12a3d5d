// What the engine knows about English words, in one place: compromise's
// built-in lexicon (a plain word → tag table, no parse needed), regular
// inflections of its words, and our list of first names that are also words.
// The rules ask whether a token is a word in its own right, so that a real
// word is never read as a misspelling or as two words run together (the
// lexicon is small, so the engine adds a generated guard list of real words:
// rules/word-guard.json, from scripts/word-guard.ts). The name matchers ask
// whether a capitalised word is a name or a word.

import { lexiconTagsOf } from './compromise';
import wordLikeFirstNames from '../../rules/lexicon/word-like-first-names.json';

/** Tags of people's and places' names: a word with only these is a name, not an everyday word. */
const NAME_OR_PLACE_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Place', 'City', 'Country', 'Region']);
const PERSON_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun']);
const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const FUNCTION_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'QuestionWord', 'Pronoun', 'Determiner', 'Modal', 'Copula', 'Auxiliary', 'Expression', 'Negative']);
const BASE_VERB_TAGS = new Set(['Infinitive', 'Copula', 'Modal', 'Auxiliary']);
const COMMON_BASE_VERBS = new Set(['be', 'go', 'have', 'do', 'get', 'come', 'see', 'make', 'take', 'know', 'need', 'want', 'try', 'look', 'win', 'help', 'never', 'not', 'you', 'u', 'i', 'we', 'they', 'he', 'she', 'it', 'definitely', 'probably']);

/** A regular inflection's suffix, and whether its stem may have lost an "e" ("scoring" from "score"). */
type Inflection = [suffix: string, stemMayHaveLostE: boolean];

/** For telling an everyday word from a misspelling ("disabld" is not "disable" + "d"). */
const EVERYDAY_INFLECTIONS: Inflection[] = [
  ['s', false], ['es', false], ['ed', true], ['d', false], ['ing', true], ['ly', false], ['er', true], ['est', true], ['ers', true],
];
/** For telling a word from a name: any stem compromise knows will do ("scored", "mocks", "quickly"). */
const KNOWN_WORD_INFLECTIONS: Inflection[] = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'est'].map((suffix) => [suffix, true]);

/** Is `lower` a regular inflection of a word that passes `isStem`? The stem keeps at least three letters. */
function inflectsFrom(lower: string, inflections: readonly Inflection[], isStem: (stem: string) => boolean): boolean {
  return inflections.some(([suffix, stemMayHaveLostE]) => {
    if (!lower.endsWith(suffix) || lower.length <= suffix.length + 2) return false;
    const stem = lower.slice(0, -suffix.length);
    return isStem(stem) || (stemMayHaveLostE && isStem(`${stem}e`));
  });
}

const tagsOf = (lower: string): readonly string[] => lexiconTagsOf(lower) ?? [];
const isEverydayTagged = (lower: string): boolean => tagsOf(lower).some((t) => !NAME_OR_PLACE_TAGS.has(t));

/** An everyday word, not only a name ("lin", "burn" as in Coburn): halves of a run-together pair must be these. */
export function isCommonWord(lower: string): boolean {
  if (lexiconTagsOf(lower)) return isEverydayTagged(lower);
  return inflectsFrom(lower, EVERYDAY_INFLECTIONS, isEverydayTagged);
}

/**
 * compromise knows the word (names included), or it is a regular inflection of
 * an everyday word ("moons"; but "disabld" is not "disable" + "d", and "livs"
 * is not the name "Liv" + "s").
 */
export function compromiseKnowsWord(lower: string): boolean {
  if (lexiconTagsOf(lower) !== undefined) return true;
  // A dropped g is still the word: "hittin", "slappin".
  if (lower.endsWith('in') && lower.length > 4 && compromiseKnowsWord(`${lower}g`)) return true;
  return isCommonWord(lower);
}

/** compromise's tags for places. */
const PLACE_TAGS: ReadonlySet<string> = new Set(['Place', 'City', 'Country', 'Region', 'Address']);

/** What the name matchers ask about words, for telling a name from a word. */
export class WordKnowledge {
  private readonly wordLike = new Set<string>(wordLikeFirstNames.names);

  /** "grace", "will", "summer": a first name that is also an everyday word. */
  isWordLikeName(lower: string): boolean {
    if (this.wordLike.has(lower)) return true;
    const tags = tagsOf(lower);
    return tags.length > 0 && tags.some((t) => !PERSON_NAME_TAGS.has(t));
  }

  isKnownWord(lower: string): boolean {
    if (tagsOf(lower).some((t) => !PERSON_NAME_TAGS.has(t))) return true;
    // Regular inflections are not in the lexicon: "scored", "mocks", "quickly".
    if (inflectsFrom(lower, KNOWN_WORD_INFLECTIONS, (stem) => tagsOf(stem).length > 0)) return true;
    return this.wordLike.has(lower);
  }

  /** "jack", "charles", "florence": a given name in compromise's lexicon (and not only a word). */
  isFirstNameWord(lower: string): boolean {
    const tags = tagsOf(lower);
    return tags.some((t) => GIVEN_NAME_TAGS.has(t));
  }

  /** "only", "when", "with", "could": a word that is not a noun, adjective or verb. */
  isFunctionWord(lower: string): boolean {
    return tagsOf(lower).some((t) => FUNCTION_TAGS.has(t));
  }

  /** "darwin", "nunez", "charles": a word compromise knows as a person's name (famous people included). */
  isPersonName(lower: string): boolean {
    return tagsOf(lower).some((t) => t === 'Person' || t === 'LastName' || GIVEN_NAME_TAGS.has(t));
  }

  /** "brisbane", "ontario", "wales", or a capitalised word no dictionary knows ("Shellharbour"): could name a place. */
  couldBePlace(lower: string): boolean {
    const tags = tagsOf(lower);
    if (tags.length === 0) return !this.isKnownWord(lower);
    return tags.some((t) => PLACE_TAGS.has(t));
  }

  isLastName(lower: string): boolean {
    const tags = tagsOf(lower);
    return tags.length > 0 && tags.every((t) => t === 'LastName');
  }

  isBaseVerb(lower: string): boolean {
    return COMMON_BASE_VERBS.has(lower) || tagsOf(lower).some((t) => BASE_VERB_TAGS.has(t));
  }

  isPastTense(lower: string): boolean {
    if (tagsOf(lower).includes('PastTense')) return true;
    return /[a-z]{2,}ed$/.test(lower) && this.isKnownWord(lower);
  }
}

let shared: WordKnowledge | undefined;

/** One WordKnowledge for callers that have none of their own (it only wraps tables, so sharing it is safe). */
export function sharedWordKnowledge(): WordKnowledge {
  shared ??= new WordKnowledge();
  return shared;
}
