// A post read once, as every later stage sees it: the normalised text, the
// offset map back to what the writer typed, its words and sentences, and the
// tags the engine puts on words (a name is #Pupil, a pronoun that points back
// at a protected group is #GroupReference). Rules, names, the classifier and
// the findings all read this one document; compromise's view of a stretch of
// it is made on demand (lib/text/compromise.ts) and keeps its offsets.

import { normalise, originalSpan, type KnownWord, type NormalisedText, type SplitWord, type Unmask } from './normalise';
import { tokenise, type Sentence, type Token } from './tokens';

/** What normalising needs to know about words (the engine's word knowledge; see normalise()). */
export interface ReadingHelp {
  isKnownWord?: KnownWord;
  splitWord?: SplitWord;
  unmask?: Unmask;
}

/** Words of the document that belong together: a name, or one word (first and last token, inclusive). */
export interface TokenSpan {
  firstToken: number;
  lastToken: number;
}

export class PostDocument {
  /** The normalised text and, per character, where it came from in the original. */
  readonly normalised: NormalisedText;
  readonly tokens: Token[];
  readonly sentences: Sentence[];
  /** Engine tags by token index: only tokens that carry one are here. */
  private readonly tokenTags = new Map<number, string[]>();

  constructor(
    /** What the writer typed. */
    readonly original: string,
    help: ReadingHelp = {},
  ) {
    this.normalised = normalise(original, help.isKnownWord, help.splitWord, help.unmask);
    const { tokens, sentences } = tokenise(this.normalised.text);
    this.tokens = tokens;
    this.sentences = sentences;
  }

  /** The normalised text, which every offset in the document points into. */
  get text(): string {
    return this.normalised.text;
  }

  /** Puts an engine tag (#Pupil, #School…) on every word of each span. */
  tag(spans: readonly TokenSpan[], tag: string): void {
    for (const span of spans) {
      for (let k = span.firstToken; k <= span.lastToken; k++) {
        const tags = this.tokenTags.get(k);
        if (tags) tags.push(tag);
        else this.tokenTags.set(k, [tag]);
      }
    }
  }

  /** The engine tags of a sentence's words, keyed by their place in the sentence (0 = its first word). */
  tagsInSentence(sentence: Sentence): Map<number, string[]> {
    const tags = new Map<number, string[]>();
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      const found = this.tokenTags.get(k);
      if (found) tags.set(k - sentence.firstToken, [...found]);
    }
    return tags;
  }

  /** A stretch of the normalised text as offsets into what the writer typed. */
  originalSpan(start: number, end: number): { start: number; end: number } {
    return originalSpan(this.normalised, start, end);
  }

  /** The writer's own words for a stretch of the normalised text. */
  originalText(start: number, end: number): string {
    const span = this.originalSpan(start, end);
    return this.original.slice(span.start, span.end);
  }
}
