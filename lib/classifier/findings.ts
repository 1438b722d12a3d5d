// Turns the classifier's scores into findings a person can read: which words
// drove the score (never "the"), the category's message and suggestion, and
// the same policy sections a rule of that category links to. The words of each
// category's message are in public/_locales (finding_model_<category>_message).

import { englishTemplate } from '../i18n/finding-messages';
import stopwords from '../../rules/model/stopwords.json';
import type { Category, Role } from '../types';
import type { ClassifierToken } from './features';
import type { CategoryScore, ClassifierModel } from './model';

const STOPWORDS = new Set(stopwords.words);
/** At most this many words are named as the reason. */
const TOP_WORDS = 3;
/** Reasons further apart than this are not highlighted as one stretch; the strongest alone is. */
const MAX_HIGHLIGHT_TOKENS = 12;

export interface ModelFinding {
  category: Category;
  /** Offsets into the text the tokens point into. */
  start: number;
  end: number;
  /** Where each reason word sits (offsets as above), strongest first. */
  reasons: Array<{ start: number; end: number }>;
  score: number;
  threshold: number;
  /** With {words} still in it: the caller fills in the reasons as the writer spelt them. */
  message: string;
  suggestion?: string;
}

/** Categories the classifier may raise for this writer: professional distance is a staff duty. */
export function appliesTo(category: string, role: Role): boolean {
  return category !== 'professional-distance' || role === 'staff';
}

/**
 * The words of a window that drove a category's score, best first, as token
 * indices. Names, numbers and grammar words are never reasons.
 */
export function reasonTokens(model: ClassifierModel, tokens: readonly ClassifierToken[], text: string, score: CategoryScore): number[] {
  const shares = model.explain(tokens, text, score.category, score.firstToken, score.endToken);
  // Each word's strongest token (the first, on a tie), then the strongest words: one pass over
  // the window, then a sort of its distinct words only.
  const bestOfWord = new Map<string, number>();
  for (let i = 0; i < shares.length; i++) {
    if (shares[i] <= 0) continue;
    const index = score.firstToken + i;
    const token = tokens[index];
    if (token.entity || STOPWORDS.has(token.word) || /^\d+$/.test(token.word)) continue;
    const best = bestOfWord.get(token.word);
    if (best === undefined || shares[i] > shares[best - score.firstToken]) bestOfWord.set(token.word, index);
  }
  return [...bestOfWord.values()]
    .sort((a, b) => shares[b - score.firstToken] - shares[a - score.firstToken] || a - b)
    .slice(0, TOP_WORDS);
}

/**
 * A finding for each category whose best window scores at or above its
 * threshold, unless a rule already raised that category (the rule's finding
 * says more precisely what matched).
 */
export function modelFindings(
  model: ClassifierModel,
  tokens: readonly ClassifierToken[],
  text: string,
  role: Role,
  raisedByRules: ReadonlySet<Category>,
  scores: readonly CategoryScore[] = model.score(tokens, text),
): ModelFinding[] {
  const found: ModelFinding[] = [];
  for (const score of scores) {
    const category = score.category as Category;
    if (score.score < score.threshold || raisedByRules.has(category) || !appliesTo(category, role)) continue;
    const reasons = reasonTokens(model, tokens, text, score);
    let first = score.firstToken;
    let last = score.endToken - 1;
    if (reasons.length > 0) {
      const sorted = [...reasons].sort((a, b) => a - b);
      const close = sorted[sorted.length - 1] - sorted[0] <= MAX_HIGHLIGHT_TOKENS;
      first = close ? sorted[0] : reasons[0];
      last = close ? sorted[sorted.length - 1] : reasons[0];
    }
    const copy = englishTemplate(`model/${category}`);
    found.push({
      category,
      start: tokens[first].start,
      end: tokens[last].end,
      reasons: (reasons.length > 0 ? reasons : [first]).map((r) => ({ start: tokens[r].start, end: tokens[r].end })),
      score: score.score,
      threshold: score.threshold,
      message: copy.message,
      ...(copy.suggestion ? { suggestion: copy.suggestion } : {}),
    });
  }
  return found;
}
