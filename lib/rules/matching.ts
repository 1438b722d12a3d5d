// Matching: the rules that the prefilter woke, run over a compromise parse of
// the stretch of a sentence around the words that woke them. Which stretches
// are parsed (parseWindows), the parse and the tags the rules read (our
// lexicon tags and the names the engine found), each pattern's matches, and
// what cancelled them.

import { parseText, splitNeedsTagger, type MatchTerm } from '../text/compromise';
import type { Sentence, Token } from '../text/tokens';
import type { Category, Finding } from '../types';
import type { CompiledRule } from './compile';
import type { Eligibility } from './prefilter';
import type { RuleSet } from './ruleset';
import { matchTerms } from './start-positions';

/** Long sentences are parsed in windows of this many words either side of a trigger word. */
const WINDOW_WORDS = 10;
/** No parse covers more words than this, however dense the trigger words. */
const MAX_WINDOW_WORDS = 60;

/** A stretch of the normalised text, by offsets, that is parsed as one. */
export interface Window {
  start: number;
  end: number;
}

/** What one pattern matched, in the offsets of the text given to runRules. */
export interface RuleMatch {
  category: Category;
  ruleId: string;
  patternId: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  severity?: Finding['severity'];
  policySections?: Finding['policySections'];
}

/** A rule match as the trace records it, in normalised offsets until the end of the check. */
export interface RuleTrace {
  patternId: string;
  category: Category;
  start: number;
  end: number;
  cancelledBy?: string;
}

/**
 * The stretches of a sentence worth parsing: the words around each word that
 * made a rule eligible, merged where they overlap. A short sentence is parsed
 * whole, so frames such as "calling someone X is not OK" are seen with their words.
 */
export function parseWindows(sentence: Sentence, tokens: readonly Token[], hits: number[]): Window[] {
  // From the first word to just after the last (its punctuation counts for frames like questions):
  // whatever else the sentence holds, such as a pasted run of symbols, is never handed to the parser.
  const lastToken = tokens[sentence.endToken - 1];
  const whole = { start: tokens[sentence.firstToken].start, end: Math.min(sentence.end, lastToken.end + lastToken.after.length) };
  if (sentence.endToken - sentence.firstToken <= 2 * WINDOW_WORDS + 6) return [whole];
  const ranges: Array<[number, number]> = hits.length === 0 ? [[sentence.firstToken, sentence.endToken - 1]] : [];
  for (const hit of hits) {
    const from = Math.max(sentence.firstToken, hit - WINDOW_WORDS);
    const to = Math.min(sentence.endToken - 1, hit + WINDOW_WORDS);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  // Dense trigger words in a run-on text merge into one huge window; cut it into
  // overlapping pieces so each parse, and each match over it, stays small.
  const windows: Window[] = [];
  for (const [from, to] of ranges) {
    for (let start = from; start <= to; start += MAX_WINDOW_WORDS - WINDOW_WORDS) {
      const end = Math.min(to, start + MAX_WINDOW_WORDS - 1);
      windows.push({ start: tokens[start].start, end: tokens[end].end });
      if (end === to) break;
    }
  }
  return windows;
}

/** The names and group references in a window, as token ranges, for the tags #School, #Pupil, #Staff and #GroupReference. */
export interface Mentions {
  school: Array<{ firstToken: number; lastToken: number }>;
  pupils: Array<{ firstToken: number; lastToken: number }>;
  staff: Array<{ firstToken: number; lastToken: number }>;
  groups: Array<{ firstToken: number; lastToken: number }>;
}

export function runRules(
  { rules: eligible, corrections, mayMatch }: Eligibility,
  text: string,
  window: Window,
  tokens: readonly Token[],
  mentions: Mentions,
  rules: RuleSet,
  trace?: RuleTrace[],
): RuleMatch[] {
  const slice = text.slice(window.start, window.end);
  // The tagger is most of the cost of a parse. When no pattern that could run here reads its
  // tags (most need only words and our own lexicon tags) and no word is left for contractionTwo to
  // split by them, skipping it changes nothing the rules can see.
  const tagsNeeded =
    splitNeedsTagger(slice) ||
    eligible.some((r) => r.patterns.some((p) => rules.needsTagger(p)) || r.unless.some((u) => mayMatch(u) && rules.needsTagger(u.parsed)));
  const parse = parseText(slice, tagsNeeded);
  const terms = parse.terms;
  rules.tagTerms(terms, corrections);
  tagMentions(terms, window, tokens, mentions.school, ['School', 'Organization']);
  tagMentions(terms, window, tokens, mentions.pupils, ['Pupil', 'Person']);
  tagMentions(terms, window, tokens, mentions.staff, ['Staff', 'Person']);
  tagMentions(terms, window, tokens, mentions.groups, ['GroupReference']);
  // A per-sentence set of words and tags (ours included, so it comes last): compromise then skips
  // a pattern at once when a word or tag it needs is missing, instead of trying it at every word.
  const parsed = parse.sealed();

  const found: RuleMatch[] = [];
  // Frames such as counter-speech are shared by many rules: answer each once per sentence.
  const unlessAnswers = new Map<string, boolean>();
  const cancelledBy = ({ unless, unlessOrigins }: CompiledRule): string | undefined => {
    const at = unless.findIndex((u) => {
      let answer = unlessAnswers.get(u.source);
      if (answer === undefined) {
        // Most cancelling patterns need a word the sentence does not have: no need to run them.
        answer = mayMatch(u) && matchTerms(parsed, u.parsed, true).length > 0;
        unlessAnswers.set(u.source, answer);
      }
      return answer;
    });
    return at < 0 ? undefined : `${unlessOrigins[at]}: ${unless[at].source}`;
  };
  for (const compiled of eligible) {
    const { rule, patterns, patternIndexes, patternIds } = compiled;
    const matches = patterns.flatMap((pattern, k) => matchTerms(parsed, pattern).map((terms) => ({ terms, patternId: patternIds[patternIndexes[k]] })));
    // Most eligible rules match nothing; only a match is worth checking for a cancelling frame.
    if (matches.length === 0) continue;
    const cancelled = cancelledBy(compiled);
    for (const { terms, patternId } of matches) {
      const span = matchSpan(terms, slice);
      if (!span) continue;
      const start = window.start + span.start;
      const end = window.start + span.end;
      trace?.push({ patternId, category: rule.category, start, end, ...(cancelled ? { cancelledBy: cancelled } : {}) });
      if (cancelled) continue;
      found.push({
        category: rule.category,
        ruleId: rule.id,
        patternId,
        start,
        end,
        message: rule.message,
        suggestion: rule.suggestion,
        severity: rule.severity,
        policySections: rule.policySections,
      });
    }
  }
  return found;
}

/**
 * Where a match sits in the parsed text. compromise's own length is wrong when
 * a match starts on the hidden half of a contraction ("am" of "i'm" gives
 * " a burde"), so the span is rebuilt from its words: from the start of the
 * written word that holds the first one, to the end of the last.
 */
function matchSpan(matched: readonly MatchTerm[], text: string): { start: number; end: number } | undefined {
  const terms = matched.filter((t) => t.offset);
  if (terms.length === 0) return undefined;
  let start = terms[0].offset!.start;
  if (terms[0].text === '') while (start > 0 && !/\s/.test(text[start - 1])) start--;
  const last = terms[terms.length - 1].offset!;
  let end = Math.max(...terms.map((t) => t.offset!.start + t.offset!.length), last.start + last.length);
  if (end <= start) return undefined;
  // No stray spaces at either end of a highlight.
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return end > start ? { start, end } : undefined;
}

/** Marks the terms of names found by the name matchers, so rules can say #Pupil, #Staff or #School. */
function tagMentions(
  terms: MatchTerm[],
  window: Window,
  tokens: readonly Token[],
  mentions: Array<{ firstToken: number; lastToken: number }>,
  tags: string[],
): void {
  for (const m of mentions) {
    const start = tokens[m.firstToken].start - window.start;
    const end = tokens[m.lastToken].end - window.start;
    for (const term of terms) {
      if (!term.offset) continue;
      const tStart = term.offset.start;
      if (tStart >= start && tStart < end) for (const tag of tags) term.tags.add(tag);
    }
  }
}

