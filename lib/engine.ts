// check(): text and configuration in, findings out.
//
// The pipeline is built so that most posts never pay for a full language
// parse (compromise, ~5 ms a post):
//   1-2. read the post once into a document (lib/text/document.ts): obfuscation
//      undone, remembering where each character came from, then its words;
//   3. find school, pupil and staff names by table lookups (no parse), and tag
//      them on the document's words;
//   4. prefilter: only sentences holding a lexicon word or a rule's trigger
//      word are parsed, and only the rules they could trigger are tried.

import { FRAMES, LEXICON_FILES, RULE_FILES, SPELLINGS } from '../rules';
import { PupilNameMatcher } from './names/pupils';
import { CombinedRosterLookup, HashedRosterLookup, PlainRosterLookup } from './names/roster-lookup';
import { SchoolNameMatcher } from './names/school';
import { StaffNameMatcher } from './names/staff';
import { nameKey } from './names/name-key';
import { WordKnowledge, compromiseKnowsWord, isCommonWord } from './text/english';
import { CATEGORY_SECTIONS, CATEGORY_SEVERITY, PUPIL_NAME_BY_ROLE } from './policy/category-sections';
import { englishTemplate, findingMessageId } from './i18n/finding-messages';
import wordGuard from '../rules/word-guard.json';
import { RuleSet, type Eligibility } from './rules/ruleset';
import { parseWindows, runRules, type Mentions, type RuleMatch, type RuleTrace, type Window } from './rules/matching';
import { PostDocument } from './text/document';
import type { KnownWord } from './text/normalise';
import type { Token } from './text/tokens';
import { findProfanity } from './profanity';
import { appliesTo, modelFindings, reasonTokens } from './classifier/findings';
import type { ClassifierToken } from './classifier/features';
import { PERSON_WORD, SCHOOL_WORD } from './classifier/features';
import { isRole, type Category, type CheckConfig, type CheckOptions, type CheckTrace, type ClassifierModel, type Finding, type Role } from './types';

/**
 * Bounds the language parses of one check (each costs 1–10 ms). Identical
 * stretches are parsed once, and stretches that could hold a threat or a
 * wellbeing sign go first, so only a long post of distinct, rule-bait
 * sentences reaches this; the classifier still reads all of it, and the
 * check says it is incomplete (checkPost's `complete`), never silently.
 */
const MAX_PARSES_PER_CHECK = 120;
/** Categories whose rules are tried first when a post has more to parse than the budget. */
const FIRST_CATEGORIES: ReadonlySet<Category> = new Set(['threat', 'wellbeing']);

let sharedRuleSet: RuleSet | undefined;
let sharedWords: WordKnowledge | undefined;

function ruleSet(): RuleSet {
  sharedRuleSet ??= new RuleSet(Object.values(RULE_FILES), Object.values(LEXICON_FILES), FRAMES, {
    isEnglishWord: compromiseKnowsWord,
    isCommonWord,
    guard: wordGuard.words,
    spellings: SPELLINGS,
  });
  return sharedRuleSet;
}

function wordKnowledge(): WordKnowledge {
  sharedWords ??= new WordKnowledge();
  return sharedWords;
}

export interface PreparedConfig {
  config: CheckConfig;
  school: SchoolNameMatcher;
  pupils: PupilNameMatcher;
  staff: StaffNameMatcher;
  rules: RuleSet;
  isKnownWord: KnownWord;
  /** A word of a roster, staff or school name: never read as a misspelt lexicon word. */
  isNameWord: (token: Token) => boolean;
  /** Where a run-together pair splits ("Ihate"), or 0. */
  splitWord: (word: string, sentenceStart: boolean) => number;
  /** The lexicon word behind a masked word ("b*tch"). */
  unmask: (masked: string) => string | undefined;
}

const prepared = new WeakMap<CheckConfig, PreparedConfig>();

/** The rules' word beginnings, plus those of this school's own names. */
function withPrefixesOf(prefixes: ReadonlySet<string>, words: ReadonlySet<string>): ReadonlySet<string> {
  if (words.size === 0) return prefixes;
  const all = new Set(prefixes);
  for (const word of words) for (let i = 1; i <= word.length; i++) all.add(word.slice(0, i));
  return all;
}

/** Builds the lookup tables for a configuration once; check() reuses them. */
export function prepare(config: CheckConfig): PreparedConfig {
  const cached = prepared.get(config);
  if (cached) return cached;
  const rosters = [];
  if (config.pupilNames.length > 0) rosters.push(new PlainRosterLookup(config.pupilNames));
  if (config.hashedRoster) rosters.push(new HashedRosterLookup(config.hashedRoster));
  const roster = rosters.length === 1 ? rosters[0] : new CombinedRosterLookup(rosters);
  const rules = ruleSet();
  const schoolWords = new Set(config.schoolNames.flatMap((n) => [n.replace(/[\s.]/g, '').toLowerCase()]));
  const nameKeys = new Set([...config.schoolNames, ...config.staffNames].flatMap((n) => n.split(/[\s.]+/).map(nameKey)));
  const isNameKey = (key: string): boolean => nameKeys.has(key) || roster.isFirstName(key) || roster.isSurname(key);
  const result: PreparedConfig = {
    config,
    school: new SchoolNameMatcher(config.schoolNames, (lower) => wordKnowledge().isKnownWord(lower)),
    pupils: new PupilNameMatcher(roster, wordKnowledge(), (lower) => rules.isLexiconWord(lower) || rules.isPatternWord(lower)),
    staff: new StaffNameMatcher(config.staffNames),
    rules,
    isKnownWord: Object.assign((lower: string) => rules.isLexiconWord(lower) || rules.isPatternWord(lower) || schoolWords.has(lower), {
      prefixes: withPrefixesOf(rules.wordPrefixes(), schoolWords),
    }),
    // A name is never two words run together ("Mr Blackwood" is not "Black wood").
    splitWord: (word, sentenceStart) => (isNameKey(nameKey(word)) ? 0 : rules.compoundSplit(word, sentenceStart)),
    isNameWord: (token) => isNameKey(token.key),
    unmask: (masked) => rules.unmaskWord(masked),
  };
  prepared.set(config, result);
  return result;
}

/** A finding before it is mapped back to the writer's text: offsets are into the normalised text. */
interface RawFinding extends Omit<RuleMatch, 'patternId'> {
  /** The rule pattern that matched; names and the classifier have none. */
  patternId?: string;
  /** A classifier finding: where its reason words sit (normalised offsets), its score and threshold. */
  model?: { reasons: Array<{ start: number; end: number }>; score: number; threshold: number };
}

/**
 * A post read once: its document (normalised text, offset map, words,
 * sentences and engine tags) and the names and group references found in it,
 * which are also tagged on the document's words for the rules.
 */
interface PostReading {
  document: PostDocument;
  schoolMentions: ReturnType<SchoolNameMatcher['find']>;
  pupilMentions: ReturnType<PupilNameMatcher['find']>;
  staffMentions: ReturnType<StaffNameMatcher['find']>;
  /** Pronouns that refer back to a protected group ("… immigrants. They're vile."), one word each. */
  groupMentions: Array<{ firstToken: number; lastToken: number }>;
}

function readPost(text: string, ready: PreparedConfig): PostReading {
  const document = new PostDocument(text, { isKnownWord: ready.isKnownWord, splitWord: ready.splitWord, unmask: ready.unmask });
  const { tokens, sentences } = document;
  const schoolMentions = ready.school.find(tokens);
  const schoolTokens = new Set<number>();
  for (const m of schoolMentions) for (let k = m.firstToken; k <= m.lastToken; k++) schoolTokens.add(k);
  const pupilMentions = ready.pupils.find(tokens, schoolTokens);
  const staffMentions = ready.staff.find(tokens);
  const groupMentions = ready.rules.groupReferences(tokens, sentences).map((k) => ({ firstToken: k, lastToken: k }));
  // Names become tags (#Pupil, #Staff, #School) that rules about identifiable people can use.
  document.tag(schoolMentions, 'School');
  document.tag(pupilMentions, 'Pupil');
  document.tag(staffMentions, 'Staff');
  document.tag(groupMentions, 'GroupReference');
  return { document, schoolMentions, pupilMentions, staffMentions, groupMentions };
}

/**
 * A post as the classifier reads it, with the text its offsets point into.
 * Training reads its examples through this too, so the model learns from
 * exactly what it will see.
 */
export function readForClassifier(text: string, config: CheckConfig): { tokens: ClassifierToken[]; text: string } {
  const ready = prepare(config);
  const reading = readPost(text, ready);
  return {
    tokens: classifierTokens(reading, ready.rules.spelling.spellings),
    text: reading.document.text,
  };
}

export function check(text: string, config: CheckConfig, options: CheckOptions = {}): Finding[] {
  return checkPost(text, config, options).findings;
}

/** What a check found, and whether every rule could be tried on every part of the post. */
export interface CheckResult {
  findings: Finding[];
  /**
   * False when a very long post held more distinct rule-bait passages than one
   * check parses: the classifier still read all of it, but some rules were not
   * tried everywhere. Callers in block mode treat that as "could not be checked".
   */
  complete: boolean;
}

export function checkPost(text: string, config: CheckConfig, options: CheckOptions = {}): CheckResult {
  if (typeof text !== 'string' || text.length === 0) return { findings: [], complete: true };
  // A config that did not come through validateConfig may have no role, or another word: read it as that would (a pupil).
  const role: Role = isRole(options.role) ? options.role : isRole(config.role) ? config.role : 'pupil';
  const ready = prepare(config);
  const post = readPost(text, ready);
  const raw: RawFinding[] = nameFindings(post, role);
  const rules = ruleFindings(post, ready, role);
  raw.push(...rules.found, ...findProfanity(post.document.text, role));
  if (options.classifier) {
    // A category a rule already raised keeps the rule's finding, which says more exactly what matched.
    const raisedByRules = new Set(raw.map((r) => r.category));
    raw.push(...classifierFindings(post, ready.rules.spelling.spellings, options.classifier, role, raisedByRules, options.trace));
  }
  if (options.trace) {
    options.trace.rules = rules.trace.map((r) => {
      const span = post.document.originalSpan(r.start, r.end);
      return { ...r, start: span.start, end: span.end, match: text.slice(span.start, span.end) };
    });
  }
  return { findings: toFindings(raw, post.document), complete: rules.complete };
}

/** A finding for each mention of the school and of a pupil. */
function nameFindings({ document: { tokens }, schoolMentions, pupilMentions }: PostReading, role: Role): RawFinding[] {
  return [
    ...schoolMentions.map((m) => nameFinding('school-name', 'names/school-name', tokens, m.firstToken, m.lastToken, role)),
    ...pupilMentions.map((m) => nameFinding('pupil-name', `names/pupil-${m.how}`, tokens, m.firstToken, m.lastToken, role)),
  ];
}

/**
 * The rules: a cheap prefilter picks the stretches worth parsing and the rules
 * that could match there, then each stretch is parsed and matched. Every match
 * and cancellation is traced (cheap: a few per post). `complete` is false when
 * the parse budget ran out before every stretch was tried.
 */
function ruleFindings(post: PostReading, ready: PreparedConfig, role: Role): { found: RawFinding[]; trace: RuleTrace[]; complete: boolean } {
  const { document, schoolMentions, pupilMentions, staffMentions, groupMentions } = post;
  const { tokens, sentences } = document;

  // Every stretch worth parsing, with the rules that could match there.
  const work: Array<{ window: Window; eligibility: Eligibility; first: boolean; order: number }> = [];
  for (const sentence of sentences) {
    if (sentence.endToken === sentence.firstToken) continue;
    const sentenceTokens = tokens.slice(sentence.firstToken, sentence.endToken);
    const eligibility = ready.rules.eligibleRules(sentenceTokens, document.tagsInSentence(sentence), role, ready.isNameWord);
    const { rules: eligible, hits } = eligibility;
    if (eligible.length === 0) continue;
    const first = eligible.some((r) => FIRST_CATEGORIES.has(r.rule.category));
    for (const window of parseWindows(sentence, tokens, hits.map((h) => h + sentence.firstToken))) work.push({ window, eligibility, first, order: work.length });
  }
  // Threats and wellbeing signs first, then the rest, each in reading order.
  work.sort((a, b) => Number(b.first) - Number(a.first) || a.order - b.order);
  // The same words with the same names and rules give the same answer: a pasted
  // wall of one sentence is parsed once.
  const answered = new Map<string, { found: RawFinding[]; trace: RuleTrace[] }>();
  const found: RawFinding[] = [];
  const trace: RuleTrace[] = [];
  let parses = 0;
  let complete = true;
  for (const { window, eligibility } of work) {
    const mentions = {
      school: mentionsIn(schoolMentions, tokens, window),
      pupils: mentionsIn(pupilMentions, tokens, window),
      staff: mentionsIn(staffMentions, tokens, window),
      groups: mentionsIn(groupMentions, tokens, window),
    };
    const key = windowKey(document.text, window, tokens, mentions, eligibility);
    let answer = answered.get(key);
    if (!answer) {
      if (parses >= MAX_PARSES_PER_CHECK) {
        complete = false;
        continue;
      }
      parses++;
      const windowTrace: RuleTrace[] = [];
      const windowFound = runRules(eligibility, document.text, window, tokens, mentions, ready.rules, windowTrace);
      // Kept relative to the window, so a repeat elsewhere can reuse it.
      answer = {
        found: windowFound.map((f) => ({ ...f, start: f.start - window.start, end: f.end - window.start })),
        trace: windowTrace.map((t) => ({ ...t, start: t.start - window.start, end: t.end - window.start })),
      };
      if (answered.size < 10_000) answered.set(key, answer);
    }
    for (const f of answer.found) found.push({ ...f, start: f.start + window.start, end: f.end + window.start });
    for (const t of answer.trace) trace.push({ ...t, start: t.start + window.start, end: t.end + window.start });
  }
  return { found, trace, complete };
}

/**
 * The classifier carries recall for phrasing no rule was written for: a
 * finding for each category whose score passes its threshold and that no rule
 * raised. With a trace, every category's score, threshold and reason words.
 */
function classifierFindings(
  post: PostReading,
  spellings: ReadonlyMap<string, string>,
  model: ClassifierModel,
  role: Role,
  raisedByRules: ReadonlySet<Category>,
  trace: CheckTrace | undefined,
): RawFinding[] {
  const { document } = post;
  const words = classifierTokens(post, spellings);
  const scores = model.score(words, document.text);
  if (trace) {
    trace.classifier = scores.map((score) => ({
      category: score.category as Category,
      score: score.score,
      threshold: score.threshold,
      topWords: reasonTokens(model, words, document.text, score).map((r) => document.originalText(words[r].start, words[r].end)),
      applies: appliesTo(score.category, role),
    }));
  }
  return modelFindings(model, words, document.text, role, raisedByRules, scores).map((found) => ({
    category: found.category,
    ruleId: `model/${found.category}`,
    start: found.start,
    end: found.end,
    message: found.message,
    suggestion: found.suggestion,
    model: { reasons: found.reasons, score: found.score, threshold: found.threshold },
  }));
}

/**
 * What decides a window's answer: its words, the names and group references
 * in it (by position), and the rules that could match there.
 */
function windowKey(text: string, window: Window, tokens: readonly Token[], mentions: Mentions, eligibility: Eligibility): string {
  const at = (list: Array<{ firstToken: number; lastToken: number }>): string =>
    list.map((m) => `${tokens[m.firstToken].start - window.start}-${tokens[m.lastToken].end - window.start}`).join(',');
  const rules = eligibility.rules.map((r) => `${r.rule.id}:${r.patternIndexes.join('.')}`).join(' ');
  return `${text.slice(window.start, window.end)}\u0001${at(mentions.school)};${at(mentions.pupils)};${at(mentions.staff)};${at(mentions.groups)}\u0001${rules}\u0001${[...eligibility.corrections].join(',')}`;
}

/**
 * The words as the classifier reads them: lower case without apostrophes, a
 * regional spelling beside its standard one (`spellings`, the rules' own), and
 * names found by the engine as one placeholder each, so the model never learns
 * a pupil's name.
 */
function classifierTokens({ document: { tokens }, schoolMentions, pupilMentions, staffMentions }: PostReading, spellings: ReadonlyMap<string, string>): ClassifierToken[] {
  const mentions = { school: schoolMentions, person: [...pupilMentions, ...staffMentions] };
  const entity = new Map<number, ClassifierToken['entity']>();
  for (const m of mentions.person) for (let k = m.firstToken; k <= m.lastToken; k++) entity.set(k, 'person');
  for (const m of mentions.school) for (let k = m.firstToken; k <= m.lastToken; k++) entity.set(k, 'school');
  const words: ClassifierToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const kind = entity.get(k);
    // A name of several words is one placeholder, as "‹person› is a liar" should read.
    if (kind && entity.get(k - 1) === kind && k > 0 && tokens[k - 1].sentence === token.sentence) {
      words[words.length - 1].end = token.end;
      continue;
    }
    const word = kind === 'person' ? PERSON_WORD : kind === 'school' ? SCHOOL_WORD : token.lower.replace(/['’]/g, '');
    const standard = kind ? undefined : spellings.get(word);
    const entry: ClassifierToken = { word, start: token.start, end: token.end, sentence: token.sentence };
    if (standard && standard !== word) entry.standard = standard;
    if (kind) entry.entity = kind;
    words.push(entry);
  }
  return words;
}

/**
 * The mentions inside a window. Mentions come sorted by position, so a binary
 * search keeps this cheap when a pasted essay has thousands of them.
 */
function mentionsIn<M extends { firstToken: number }>(mentions: readonly M[], tokens: readonly Token[], window: Window): M[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mentions[mid].firstToken].start < window.start) low = mid + 1;
    else high = mid;
  }
  const found: M[] = [];
  for (let k = low; k < mentions.length && tokens[mentions[k].firstToken].end <= window.end; k++) found.push(mentions[k]);
  return found;
}

function nameFinding(
  category: 'school-name' | 'pupil-name',
  ruleId: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  role: Role,
): RawFinding {
  // What naming a pupil means depends on who writes it (lib/policy/category-sections.ts).
  const { message, suggestion } = englishTemplate(findingMessageId({ ruleId }, role));
  const weight = category === 'pupil-name' ? PUPIL_NAME_BY_ROLE[role] : {};
  return { category, ruleId, start: tokens[first].start, end: tokens[last].end, message, suggestion, ...weight };
}

function toFindings(raw: RawFinding[], document: PostDocument): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const lastEndByCategory = new Map<Category, number>();
  for (const r of raw) {
    const span = document.originalSpan(r.start, r.end);
    // One finding per category per place: overlapping matches of the same category merge.
    // Sorted by start, so only the latest finding of the same category can overlap this one.
    const previousEnd = lastEndByCategory.get(r.category) ?? -1;
    if (span.start < previousEnd) continue;
    lastEndByCategory.set(r.category, Math.max(previousEnd, span.end));
    const key = `${r.category}:${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match = document.original.slice(span.start, span.end);
    const topWords = r.model?.reasons.map((reason) => document.originalText(reason.start, reason.end));
    findings.push({
      category: r.category,
      ruleId: r.ruleId,
      severity: r.severity ?? CATEGORY_SEVERITY[r.category],
      start: span.start,
      end: span.end,
      match,
      message: r.message.replace(/\{match\}/g, match).replace(/\{words\}/g, topWords?.join(', ') ?? match),
      ...(r.suggestion ? { suggestion: r.suggestion } : {}),
      policySections: r.policySections ?? CATEGORY_SECTIONS[r.category],
      ...(r.model && topWords ? { model: { topWords, score: r.model.score, threshold: r.model.threshold } } : {}),
      ...(r.patternId ? { patternId: r.patternId } : {}),
    });
  }
  return findings;
}
