// Finds roster pupils in a draft: full names, first name + initial, handles
// built from the name, and a first name alone where the context makes it a
// person. A first name that is also a word ("I will", "in May", "the king")
// needs evidence before it counts; a surname alone never does.
//
// Every lookup goes through RosterLookup, so the same code serves a plaintext
// roster (a teacher's own setup) and a keyed-hash one (managed policy), and the
// cost per word does not depend on the roster's size.

import type { Token } from '../text/tokens';
import type { WordKnowledge } from './word-knowledge';

export interface RosterLookup {
  isFirstName(firstKey: string): boolean;
  isFullName(firstKey: string, lastKey: string): boolean;
  isFirstInitial(firstKey: string, initial: string): boolean;
  isSurname(lastKey: string): boolean;
  readonly isEmpty: boolean;
}

export interface PupilMention {
  firstToken: number;
  lastToken: number;
  how: 'full-name' | 'first-initial' | 'handle' | 'first-name';
}

const DETERMINERS = new Set([
  'the', 'a', 'an', 'my', 'your', 'ur', 'his', 'her', 'our', 'their', 'this', 'that', 'these', 'those', 'every',
  'each', 'some', 'no', 'any', 'such', 'its', 'one', 'of',
]);

// Words before a name that address or greet someone: "thanks Grace", "go on will!", "kys dawn".
const ADDRESSING_BEFORE = new Set([
  'hi', 'hey', 'heya', 'hiya', 'hello', 'oi', 'oy', 'yo', 'dear', 'thanks', 'thank', 'thankyou', 'ty', 'cheers',
  'congrats', 'congratulations', 'done', 'bye', 'night', 'morning', 'love', 'miss', 'ily', 'hbd', 'birthday',
  'kys', 'stfu', 'wow', 'omg', 'sorry', 'bless', 'shoutout', 'shout', 'proud', 'welcome',
]);

// Words a month or season name sits after when it is a date: "in May", "since Summer".
const DATE_BEFORE = new Set([
  'in', 'since', 'until', 'till', 'til', 'by', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'end', 'during',
  'from', 'before', 'after', 'through', 'every', 'throughout', 'over', 'the', 'that', 'for',
]);
const DATE_LIKE = new Set(['may', 'june', 'april', 'august', 'summer', 'autumn', 'winter', 'spring', 'dawn', 'christmas', 'easter']);

// Words between a name and its verb that do not change who is acting: "Will literally scored".
const ADVERBS = new Set(['just', 'literally', 'actually', 'really', 'always', 'never', 'also', 'still', 'finally', 'totally', 'honestly', 'deffo', 'defo', 'lowkey', 'proper', 'even', 'only', 'already']);

// Verb forms that show the word before them is the one doing something.
const ACTING_VERBS = new Set([
  'is', 'was', 'isnt', "isn't", 'wasnt', "wasn't", 'has', 'had', 'hasnt', "hasn't", 'does', 'did', 'didnt', "didn't",
  'doesnt', "doesn't", 'said', 'says', 'got', 'gets', 'keeps', 'kept', 'told', 'tells', 'went', 'goes', 'came',
  'comes', 'made', 'makes', 'took', 'takes', 'gave', 'gives', 'won', 'wins', 'lost', 'scored', 'scores', 'needs',
  'wants', 'thinks', 'thought', 'knows', 'knew', 'looks', 'looked', 'smells', 'cried', 'cries', 'left', 'sat',
  'sits', 'ran', 'runs', 'played', 'plays', 'sang', 'sings', 'nailed', 'smashed', 'aced', 'deserves', 'deserved',
  'texted', 'messaged', 'posted', 'reckons', 'reckoned', 'started', 'starts', 'stole', 'steals', 'hit', 'hits',
  'pushed', 'lied', 'lies', 'cheated', 'cheats', 'shoplifted', 'snitched', 'owes', 'stinks', 'fancies', 'fancied',
]);
// Verbs whose object is a person: "invite mark", "unfollow hunter", "tell Will".
const PERSON_OBJECT_VERBS = new Set([
  'invite', 'invited', 'tell', 'told', 'ask', 'asked', 'unfollow', 'follow', 'block', 'blocked', 'ignore', 'ignored',
  'tag', 'tagged', 'text', 'texted', 'message', 'messaged', 'dm', 'dmd', 'add', 'added', 'kick', 'kicked', 'ban',
  'exclude', 'avoid', 'blank', 'ghost', 'ghosted', 'ditch', 'ditched', 'meet', 'met', 'miss', 'hug', 'hugged', 'thank',
  'congratulate', 'congratulated', 'beat', 'punch', 'punched', 'hit', 'slap', 'slapped', 'fight', 'jump', 'jumped',
  'batter', 'leave', 'dump', 'dumped', 'report', 'reported', 'snitch', 'expose', 'exposed', 'unadd', 'remove', 'mute',
]);
// Words that can follow a person who is the object of a verb ("jump holly after the disco",
// "invite mark to saturday"), where a thing would be followed by more of its noun phrase.
const OBJECT_FOLLOWERS = new Set([
  'to', 'on', 'from', 'in', 'at', 'after', 'before', 'outside', 'behind', 'near', 'by', 'with', 'for', 'when', 'if',
  'tomorrow', 'today', 'tonight', 'later', 'again', 'now', 'asap', 'hes', 'shes', 'he', 'she', 'cos', 'because',
  'and', 'or', 'lol', 'pls', 'please', 'too', 'back',
]);

// Second person straight after a name addresses that person: "ruby ur the only one", "Will you're a legend".
const SECOND_PERSON = new Set(['you', 'u', 'ur', 'your', 'youre', "you're", 'yr', 'ya', 'yu']);

// "me and grace", "grace and me": coordination with a person is a person.
const PEOPLE_WORDS = new Set(['me', 'i', 'him', 'her', 'them', 'us', 'you', 'u']);

const EMOJI = /\p{Extended_Pictographic}/u;

const MODAL_FIRST_NAMES = new Set(['will', 'may', 'can', 'mark', 'jack', 'sue', 'pat', 'rob', 'bill', 'hope', 'grace', 'frank', 'cash', 'reed', 'hunter', 'king']);

export class PupilNameMatcher {
  constructor(
    private readonly roster: RosterLookup,
    private readonly words: WordKnowledge,
  ) {}

  find(tokens: readonly Token[], taken: ReadonlySet<number> = new Set()): PupilMention[] {
    const found: PupilMention[] = [];
    if (this.roster.isEmpty) return found;
    for (let i = 0; i < tokens.length; i++) {
      if (taken.has(i)) continue;
      const token = tokens[i];
      if (token.kind !== 'word') {
        if (this.handleNamesPupil(token)) found.push({ firstToken: i, lastToken: i, how: 'handle' });
        continue;
      }
      if (!this.roster.isFirstName(token.key)) {
        // "kierans head", "zaras new haircut": a possessive written without its apostrophe,
        // when the word is no word of its own (not "masons", "hopes").
        if (this.isBarePossessive(token)) found.push({ firstToken: i, lastToken: i, how: 'first-name' });
        continue;
      }
      const next = tokens[i + 1];
      const joined = next && next.sentence === token.sentence && !token.possessive && !/[,;:]/.test(token.after);
      if (joined && next.kind === 'word' && this.roster.isFullName(token.key, next.key)) {
        found.push({ firstToken: i, lastToken: i + 1, how: 'full-name' });
        i++;
        continue;
      }
      if (joined && next.kind === 'word' && this.isInitialOf(token, next, tokens[i + 2])) {
        found.push({ firstToken: i, lastToken: i + 1, how: 'first-initial' });
        i++;
        continue;
      }
      if (this.firstNameIsPerson(tokens, i)) found.push({ firstToken: i, lastToken: i, how: 'first-name' });
    }
    return found;
  }

  private isBarePossessive(token: Token): boolean {
    if (token.kind !== 'word' || token.possessive || !/^\p{L}{3,}s$/u.test(token.lower)) return false;
    const stem = token.key.slice(0, -1);
    return this.roster.isFirstName(stem) && !this.words.isWordLikeName(stem) && !this.words.isWordLikeName(token.lower);
  }

  /** "Will T", "jack h", "Grace S.", "rose k is off" — but not "will u come" or "may i go" (text-speak words). */
  private isInitialOf(first: Token, next: Token, afterNext: Token | undefined): boolean {
    if (next.text.length !== 1 || !/\p{L}/u.test(next.text)) return false;
    if (!this.roster.isFirstInitial(first.key, next.key)) return false;
    const textSpeak = ['u', 'i', 'a', 'r', 'n', 'y', 'k', 'x', 'b', 'c'];
    if (next.text === next.lower && textSpeak.includes(next.lower)) {
      // Lower-case letters that are also text-speak words need the initial to be followed by what a name is followed by.
      const endsHere = !afterNext || afterNext.sentence !== next.sentence || /[,;:!?]/.test(next.after);
      return endsHere || ACTING_VERBS.has(afterNext.lower);
    }
    return true;
  }

  /** "@may.fletcher_", "#JackHarrison", "@willthompson07": a handle built from a pupil's name. */
  private handleNamesPupil(token: Token): boolean {
    const parts = token.parts.map((p) => p.toLowerCase().replace(/\d+$/, '')).filter(Boolean);
    for (let k = 0; k + 1 < parts.length; k++) {
      if (this.roster.isFullName(parts[k], parts[k + 1])) return true;
      if (parts[k + 1].length === 1 && this.roster.isFirstInitial(parts[k], parts[k + 1])) return true;
    }
    // Run together: try each split point of "mayfletcher" (handles are short, so this is cheap).
    const body = parts.join('');
    for (let cut = 2; cut <= body.length - 2; cut++) {
      if (this.roster.isFullName(body.slice(0, cut), body.slice(cut))) return true;
    }
    return false;
  }

  /** Is this roster first name, standing alone, a person here? */
  private firstNameIsPerson(tokens: readonly Token[], i: number): boolean {
    const token = tokens[i];
    // An emoji ends a clause as a full stop would: "… baller 😂 jay ur the worst".
    const prev = i > 0 && tokens[i - 1].sentence === token.sentence && !EMOJI.test(tokens[i - 1].after) ? tokens[i - 1] : undefined;
    const next = i + 1 < tokens.length && tokens[i + 1].sentence === token.sentence ? tokens[i + 1] : undefined;
    const capitalised = /^\p{Lu}\p{Ll}/u.test(token.text);
    const nextJoined = next && !/[,;:]/.test(token.after) && !token.possessive;
    const shouting = token.text.length > 1 && token.text === token.text.toUpperCase();

    // Followed by a surname that is not theirs: someone else ("Will Smith", "mark zuckerberg").
    if (nextJoined && next.kind === 'word' && this.looksLikeSurname(next, capitalised)) return false;
    // A name that is no everyday word is a person wherever it stands ("a video of callum").
    const wordLike = this.words.isWordLikeName(token.lower);
    if (!wordLike) return true;
    // "the king", "a grace period", "my hope": a determiner makes it a thing.
    if (prev && DETERMINERS.has(prev.lower) && !/[,;:]/.test(prev.after)) return false;

    // Dates: "in May", "May 12th", "this Summer".
    if (DATE_LIKE.has(token.lower)) {
      if (prev && DATE_BEFORE.has(prev.lower)) return false;
      if (next && /^\d/.test(next.text)) return false;
    }
    if (token.possessive) return true;
    // Addressed: "Grace, …", "…, grace", "thanks Hope", "ruby ur the only one".
    if (prev && ADDRESSING_BEFORE.has(prev.lower)) return true;
    if (!prev && next && SECOND_PERSON.has(next.lower) && !/[,;:]/.test(token.after) && !MODAL_FIRST_NAMES.has(token.lower)) return true;
    if (!prev && /^\s*[,!]/.test(token.after) && !this.startsList(tokens, i)) return true;
    if (prev && PERSON_OBJECT_VERBS.has(prev.lower) && (!next || !this.words.isKnownWord(next.lower) || ACTING_VERBS.has(next.lower) || OBJECT_FOLLOWERS.has(next.lower) || /[,.!?]/.test(token.after) || EMOJI.test(token.after))) return true;
    if (prev && /[,]/.test(prev.after) && (!next || /^[!.?]/.test(token.after))) return true;
    if (!next && !prev) return true;
    // Coordinated with a person: "me and grace", "Will and me", "grace n i".
    if (prev && ['and', 'n', '&', 'with'].includes(prev.lower) && i >= 2 && PEOPLE_WORDS.has(tokens[i - 2].lower)) return true;
    if (next && ['and', 'n', '&'].includes(next.lower) && i + 2 < tokens.length && PEOPLE_WORDS.has(tokens[i + 2].lower)) return true;
    // The one doing something: "Will scored", "may literally cried", "Mark was…"
    let v = i + 1;
    while (v < tokens.length && tokens[v].sentence === token.sentence && ADVERBS.has(tokens[v].lower)) v++;
    const verb = v < tokens.length && tokens[v].sentence === token.sentence ? tokens[v] : undefined;
    if (verb && !/[,;:]/.test(token.after) && this.isActingVerb(verb.lower, token.lower)) return true;
    // A capital mid-sentence is a name, unless the whole line is in title case or capitals.
    // Not for month and season names: "Classic May bank holiday" is a date.
    if (capitalised && prev && !shouting && !DATE_LIKE.has(token.lower) && !this.isTitleCaseLine(tokens, token.sentence)) {
      if (MODAL_FIRST_NAMES.has(token.lower) && next && this.words.isBaseVerb(next.lower)) return false;
      return true;
    }
    return false;
  }

  private isActingVerb(word: string, name: string): boolean {
    if (ACTING_VERBS.has(word)) return true;
    // "will be", "may go": after a modal-like name a base verb means the modal.
    if (MODAL_FIRST_NAMES.has(name) && this.words.isBaseVerb(word)) return false;
    return this.words.isPastTense(word);
  }

  /** "amber, red, green": a list of words, not someone being addressed. */
  private startsList(tokens: readonly Token[], i: number): boolean {
    const next = tokens[i + 1];
    return !!next && next.sentence === tokens[i].sentence && /^\s*(,|and\b)/.test(next.after + (tokens[i + 2]?.lower === 'and' ? 'and' : ''));
  }

  private looksLikeSurname(next: Token, nameCapitalised: boolean): boolean {
    if (next.text.length < 2) return false;
    if (this.words.isLastName(next.lower)) return true;
    const nextCapitalised = /^\p{Lu}\p{Ll}/u.test(next.text);
    // "Amber Heard's", "Will Young": two capitalised words together are one person's full name,
    // and not this pupil's (that would have matched as a full name already).
    if (nameCapitalised && nextCapitalised && !this.roster.isFirstName(next.key) && !this.words.isBaseVerb(next.lower)) return true;
    // A capitalised word the dictionary does not know, after a capitalised name: another person's surname.
    if (nameCapitalised && nextCapitalised && !this.words.isKnownWord(next.lower)) return true;
    // Lower-case text: an unknown word straight after the name ("mark zuckerberg").
    if (!nameCapitalised && !nextCapitalised && !this.words.isKnownWord(next.lower) && !this.roster.isFirstName(next.key)) {
      return /^[a-z]{4,}$/.test(next.lower) && !/(ing|ed|ly|s)$/.test(next.lower);
    }
    return false;
  }

  // Computed once per sentence per call: a long run-on post has many candidate names in one sentence.
  private titleCaseCache = new WeakMap<readonly Token[], Map<number, boolean>>();

  private isTitleCaseLine(tokens: readonly Token[], sentence: number): boolean {
    let cache = this.titleCaseCache.get(tokens);
    if (!cache) {
      const counts = new Map<number, { words: number; capitals: number }>();
      for (const t of tokens) {
        if (t.kind !== 'word' || !/\p{L}/u.test(t.text)) continue;
        const c = counts.get(t.sentence) ?? { words: 0, capitals: 0 };
        c.words++;
        if (/^\p{Lu}/u.test(t.text)) c.capitals++;
        counts.set(t.sentence, c);
      }
      cache = new Map([...counts].map(([s, c]) => [s, c.words >= 4 && c.capitals / c.words > 0.7]));
      this.titleCaseCache.set(tokens, cache);
    }
    return cache.get(sentence) ?? false;
  }
}
