// What the engine knows about English words, for telling a name from a word.
// It reads compromise's built-in lexicon (a plain word → tag table: no parse
// is needed) and our list of first names that are also words.

import { lexiconTagsOf } from '../text/compromise';
import wordLikeFirstNames from '../../rules/lexicon/word-like-first-names.json';

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const FUNCTION_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'QuestionWord', 'Pronoun', 'Determiner', 'Modal', 'Copula', 'Auxiliary', 'Expression', 'Negative']);
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun']);
const BASE_VERB_TAGS = new Set(['Infinitive', 'Copula', 'Modal', 'Auxiliary']);
const COMMON_BASE_VERBS = new Set(['be', 'go', 'have', 'do', 'get', 'come', 'see', 'make', 'take', 'know', 'need', 'want', 'try', 'look', 'win', 'help', 'never', 'not', 'you', 'u', 'i', 'we', 'they', 'he', 'she', 'it', 'definitely', 'probably']);

export class WordKnowledge {
  private readonly wordLike: Set<string>;

  constructor() {
    this.wordLike = new Set(wordLikeFirstNames.names);
  }

  private tagsOf(word: string): readonly string[] {
    return lexiconTagsOf(word) ?? [];
  }

  /** "grace", "will", "summer": a first name that is also an everyday word. */
  isWordLikeName(lower: string): boolean {
    if (this.wordLike.has(lower)) return true;
    const tags = this.tagsOf(lower);
    return tags.length > 0 && tags.some((t) => !NAME_TAGS.has(t));
  }

  isKnownWord(lower: string): boolean {
    if (this.tagsOf(lower).some((t) => !NAME_TAGS.has(t))) return true;
    // Regular inflections are not in the lexicon: "scored", "mocks", "quickly".
    for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'est']) {
      if (lower.endsWith(suffix) && lower.length > suffix.length + 2) {
        const stem = lower.slice(0, -suffix.length);
        if (this.tagsOf(stem).length > 0 || this.tagsOf(stem + 'e').length > 0) return true;
      }
    }
    return this.wordLike.has(lower);
  }

  /** "jack", "charles", "florence": a given name in compromise's lexicon (and not only a word). */
  isFirstNameWord(lower: string): boolean {
    const tags = this.tagsOf(lower);
    return tags.some((t) => GIVEN_NAME_TAGS.has(t));
  }

  /** "only", "when", "with", "could": a word that is not a noun, adjective or verb. */
  isFunctionWord(lower: string): boolean {
    return this.tagsOf(lower).some((t) => FUNCTION_TAGS.has(t));
  }

  /** "darwin", "nunez", "charles": a word compromise knows as a person's name (famous people included). */
  isPersonName(lower: string): boolean {
    return this.tagsOf(lower).some((t) => t === 'Person' || t === 'LastName' || GIVEN_NAME_TAGS.has(t));
  }

  isLastName(lower: string): boolean {
    const tags = this.tagsOf(lower);
    return tags.length > 0 && tags.every((t) => t === 'LastName');
  }

  isBaseVerb(lower: string): boolean {
    return COMMON_BASE_VERBS.has(lower) || this.tagsOf(lower).some((t) => BASE_VERB_TAGS.has(t));
  }

  isPastTense(lower: string): boolean {
    if (this.tagsOf(lower).includes('PastTense')) return true;
    return /[a-z]{2,}ed$/.test(lower) && this.isKnownWord(lower);
  }
}

let shared: WordKnowledge | undefined;

/** One WordKnowledge for callers that have none of their own (it only wraps tables, so sharing it is safe). */
export function sharedWordKnowledge(): WordKnowledge {
  shared ??= new WordKnowledge();
  return shared;
}
