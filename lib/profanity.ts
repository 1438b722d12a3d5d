// Swearing, through obscenity (MIT), which already copes with leetspeak,
// stretched letters and confusable Unicode and reports positions. Profanity is
// low severity and never counted as harm: slurs and sexual words aimed at
// people are the hate and bullying rules' business, not this list's.

import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  pattern,
  type EnglishProfaneWord,
} from 'obscenity';
import type { Role } from './types';

// Only everyday swearing. obscenity's list also holds slurs (handled with
// context by the hate rules) and anatomy and sex words, which flag innocent
// text ("Penistone", "cum laude", "sex education").
const SWEAR_WORDS: ReadonlySet<EnglishProfaneWord> = new Set<EnglishProfaneWord>([
  'fuck', 'shit', 'cunt', 'twat', 'wank', 'bollocks', 'piss', 'bitch', 'bastard', 'arse', 'prick', 'dick', 'cock', 'whore', 'slut',
]);

let matcher: RegExpMatcher | undefined;

function swearMatcher(): RegExpMatcher {
  if (matcher) return matcher;
  const dataset = new DataSet<{ originalWord: EnglishProfaneWord }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => !phrase.metadata || !SWEAR_WORDS.has(phrase.metadata.originalWord))
    // Places, names and phrases obscenity would otherwise flag.
    .addPhrase((p) => p.setMetadata({ originalWord: 'dick' }).addWhitelistedTerm('dick whittington').addWhitelistedTerm('moby dick').addWhitelistedTerm('dickens'))
    .addPhrase((p) => p.setMetadata({ originalWord: 'twat' }).addWhitelistedTerm('twatt'))
    .addPhrase((p) => p.setMetadata({ originalWord: 'cock' }).addWhitelistedTerm('cockney').addWhitelistedTerm('peacock').addWhitelistedTerm('cockpit').addWhitelistedTerm('hancock').addWhitelistedTerm('woodcock'))
    .addPhrase((p) => p.setMetadata({ originalWord: 'arse' }).addWhitelistedTerm('arsenal').addWhitelistedTerm('parse'))
    .addPhrase((p) => p.setMetadata({ originalWord: 'shit' }).addPattern(pattern`|shite|`).addWhitelistedTerm('shiitake'))
    // British swearing obscenity's data (from cuss) lacks.
    .addPhrase((p) => p.setMetadata({ originalWord: 'dick' }).addPattern(pattern`|bellend|`).addPattern(pattern`|knobhead|`).addPattern(pattern`|tosser|`).addPattern(pattern`|wanker|`));
  matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

export interface ProfanityHit {
  category: 'profanity';
  ruleId: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

/** Offsets are into the text given (the engine passes its normalised text). */
export function findProfanity(text: string, role: Role): ProfanityHit[] {
  const hits: ProfanityHit[] = [];
  // The matcher works on the whole text in one pass; cap it so a 1 MB paste stays quick.
  const limited = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // Several patterns can match one word ("shit" and "shite"): keep the longest, once.
  const matches = swearMatcher()
    .getAllMatches(limited, true)
    .sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  let coveredTo = -1;
  for (const m of matches) {
    if (m.startIndex <= coveredTo) continue;
    coveredTo = m.endIndex;
    // Word boundaries: obscenity's patterns allow some in-word matches we do not want ("Scunthorpe" is whitelisted upstream; be strict anyway).
    const before = limited[m.startIndex - 1];
    if (before && /\p{L}/u.test(before)) continue;
    hits.push({
      category: 'profanity',
      ruleId: 'profanity/swearing',
      start: m.startIndex,
      end: m.endIndex + 1,
      message:
        role === 'staff'
          ? 'This contains strong language. Staff are asked to keep up high standards of behaviour online, where pupils and parents may see it.'
          : 'This contains strong language. Think about who might read it, including people at school.',
      suggestion: 'Could you say it without the swearing?',
    });
  }
  return hits;
}
