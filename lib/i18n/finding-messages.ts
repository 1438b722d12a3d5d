// What a finding says, in the reader's language. A finding's words come from a
// message id: its rule's id ("bullying/second-person-insult"), "model/<category>"
// for the classifier, and "names/school-name" or "names/pupil-name/<role>" for
// names (what naming a pupil means depends on who is writing). The catalogue key
// is that id made safe, "finding_model_bullying_message" and "…_suggestion", with
// two placeholders: $MATCH$ (the words matched) and $WORDS$ (the classifier's
// reason words, or the match).
//
// The English for names and the classifier lives in public/_locales/en_GB, and
// the engine reads it from there. A rule's English stays with the rule in
// rules/*.json; a language that translates a rule adds its key, and a rule it
// has not translated yet keeps its English.

import english from '../../public/_locales/en_GB/messages.json';
import type { Finding, Role } from '../types';
import { messageKeyFor, translateFrom, type Catalogue, type Translate } from './translate';

const ENGLISH = translateFrom(english as Catalogue);

/** The id a finding's words are kept under. */
export function findingMessageId(finding: Pick<Finding, 'ruleId'>, role: Role): string {
  return finding.ruleId.startsWith('names/pupil-') ? `names/pupil-name/${role}` : finding.ruleId;
}

export const findingMessageKey = (id: string, part: 'message' | 'suggestion') => `${messageKeyFor('finding', id)}_${part}`;

/**
 * The English message and suggestion for an id, with {match} and {words} left in
 * for the engine to fill, as in a rule's own message. Throws for an id the
 * catalogue lacks: a name or classifier finding must never go out without words.
 */
export function englishTemplate(id: string): { message: string; suggestion?: string } {
  const key = findingMessageKey(id, 'message');
  if (!ENGLISH.has(key)) throw new Error(`public/_locales/en_GB/messages.json has no ${key}`);
  const suggestionKey = findingMessageKey(id, 'suggestion');
  return {
    message: ENGLISH(key, ['{match}', '{words}']),
    ...(ENGLISH.has(suggestionKey) ? { suggestion: ENGLISH(suggestionKey, ['{match}', '{words}']) } : {}),
  };
}

/**
 * The finding with its message and suggestion in `t`'s language, where that
 * language has them; otherwise as the engine wrote them (English).
 */
export function localiseFinding(finding: Finding, t: Translate, role: Role): Finding {
  const id = findingMessageId(finding, role);
  const substitutions = [finding.match, finding.model?.topWords.join(', ') || finding.match];
  const messageKey = findingMessageKey(id, 'message');
  if (!t.has(messageKey)) return finding;
  const suggestionKey = findingMessageKey(id, 'suggestion');
  const localised: Finding = { ...finding, message: t(messageKey, substitutions) };
  if (t.has(suggestionKey)) localised.suggestion = t(suggestionKey, substitutions);
  return localised;
}
