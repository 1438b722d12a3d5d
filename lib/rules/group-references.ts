// Pronouns that refer back to a protected group named nearby, so a rule can
// read "… immigrants. They're vile." as it reads "immigrants are vile"
// (#GroupReference).

import type { Token } from '../text/tokens';
import type { Lexicon } from './lexicon';

/** The lexicon tag of protected groups; "they" after one refers back to it (#GroupReference). */
const GROUP_TAG = 'IdentityGroup';
/** Pronouns that can refer back to a group named earlier. */
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'these', 'those', "they're", 'theyre', "they've", 'theyve', "they'll", 'theyll', "they'd"]);
/** …and the ones that can name it as the subject of "are": "they are Muslims after all". */
const SUBJECT_PRONOUNS = new Set(['they', 'these', 'those', "they're", 'theyre']);

/**
 * Pronouns that refer back to a protected group (token indices): after the
 * group in its own sentence and anywhere in the next ("That's typical of
 * immigrants. They're vile."), and in the sentence before one that names
 * them ("They are so stupid. They are Muslims after all.").
 */
export function groupReferences(tokens: readonly Token[], sentences: ReadonlyArray<{ firstToken: number; endToken: number }>, lexicon: Lexicon): number[] {
  const pronoun = tokens.map((t) => t.kind === 'word' && GROUP_PRONOUNS.has(t.lower.replace(/’/g, "'")));
  if (!pronoun.some(Boolean)) return [];
  const found = new Set<number>();
  const hasPronoun = sentences.map((sentence) => pronoun.slice(sentence.firstToken, sentence.endToken).some(Boolean));
  // Only sentences with a pronoun in or next to them need their group found.
  const firstGroup = sentences.map((sentence, s) => {
    if (!hasPronoun[s] && !hasPronoun[s + 1] && !hasPronoun[s - 1]) return -1;
    for (let k = sentence.firstToken; k < sentence.endToken; k++) if (lexicon.hasTag(tokens, k, GROUP_TAG)) return k;
    return -1;
  });
  sentences.forEach((sentence, s) => {
    const group = firstGroup[s];
    if (group < 0) return;
    for (let k = group + 1; k < sentence.endToken; k++) if (pronoun[k]) found.add(k);
    const next = sentences[s + 1];
    if (next) for (let k = next.firstToken; k < next.endToken; k++) if (pronoun[k]) found.add(k);
    const previous = sentences[s - 1];
    if (previous && namesGroupAsSubject(tokens, sentence, group)) {
      for (let k = previous.firstToken; k < previous.endToken; k++) if (pronoun[k]) found.add(k);
    }
  });
  return [...found].sort((a, b) => a - b);
}

/** "they are Muslims", "they're immigrants": a subject pronoun, a copula, then the group within a few words. */
function namesGroupAsSubject(tokens: readonly Token[], sentence: { firstToken: number }, group: number): boolean {
  for (let k = Math.max(sentence.firstToken, group - 6); k < group; k++) {
    const lower = tokens[k].lower.replace(/’/g, "'");
    if (!SUBJECT_PRONOUNS.has(lower)) continue;
    if (lower === "they're" || lower === 'theyre' || ['are', 'r', 'were'].includes(tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}
