// Finds roster pupils in a draft: full names in either order (with their
// particles, double given names and compound surnames, see name-parts.ts),
// first name + initial, handles built from the name, a double given name on
// its own, and a first name alone where the context makes it a person. A first
// name that is also a word ("I will", "in May", "the king", "the gas bill")
// needs evidence before it counts; a surname alone never does.
//
// Every lookup goes through RosterLookup, so the same code serves a plaintext
// roster (a teacher's own setup) and a keyed-hash one (managed policy). Pair
// lookups happen only next to a word that is already a roster first name, so
// the cost per word does not depend on the roster's size.

import type { Token } from '../text/tokens';
import { nameKey } from './name-key';
import { isDroppableParticle, isParticle, NEVER_ALONE_GIVEN } from './name-parts';
import { FAME_CONTEXT, GROWN_UPS, PETS, SCHOOL_CONTEXT, SCHOOL_DAY } from './context-words';
import { famousNameAround, famousNamesIn } from './famous-names';
import type { WordKnowledge } from '../text/english';

export interface RosterLookup {
  isFirstName(firstKey: string): boolean;
  /** A "given surname" pair, each side a joined key (see nameFormSet): ("mariajose", "delacruz"). */
  isFullName(givenKey: string, surnameKey: string): boolean;
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
  'kys', 'stfu', 'wow', 'omg', 'sorry', 'bless', 'shoutout', 'shout', 'proud', 'welcome', 'please', 'pls', 'plz', 'go',
]);

// Words a month or season name sits after when it is a date: "in May", "since Summer".
const DATE_BEFORE = new Set([
  'in', 'since', 'until', 'till', 'til', 'by', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'end', 'during',
  'from', 'before', 'after', 'through', 'every', 'throughout', 'over', 'the', 'that', 'for',
]);
const DATE_LIKE = new Set(['may', 'june', 'april', 'august', 'summer', 'autumn', 'winter', 'spring', 'dawn', 'christmas', 'easter']);

// Words between a name and its verb that do not change who is acting: "Will literally scored".
const ADVERBS = new Set([
  'just', 'literally', 'actually', 'really', 'always', 'never', 'also', 'still', 'finally', 'totally', 'honestly', 'deffo', 'defo', 'lowkey', 'proper', 'even', 'only', 'already',
  'definitely', 'def', 'clearly', 'obviously', 'apparently', 'allegedly', 'supposedly', 'basically', 'legit', 'probably', 'once', 'secretly',
]);

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
  'see', 'saw', 'seen', 'call', 'called', 'phone', 'phoned', 'ring', 'rang', 'help', 'helped', 'find', 'found', 'love',
  'loved', 'hate', 'hated', 'like', 'liked', 'bring', 'brought', 'pick', 'picked', 'choose', 'chose', 'vote', 'voted',
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

/** A full name is read over at most this many given words and surname words ("María José" + "de la Cruz"). */
const MAX_GIVEN_WORDS = 2;
const MAX_SURNAME_WORDS = 3;
/** Surname first ("Nguyen Thi Hoa", "Kim Ji-woo"): surnames written before the given name are short. */
const MAX_SURNAME_WORDS_BEFORE = 2;

/**
 * Words that never start a surname, so a pair lookup stops at them: "will be",
 * "may i", "you will". Surnames that are short words ("Do", "An", "So", "Le",
 * "May", "Oh") are left out on purpose.
 */
const NEVER_SURNAME = new Set([
  'the', 'a', 'and', 'or', 'but', 'nor', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'i', 'im', 'me', 'my',
  'mine', 'you', 'u', 'ur', 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'we', 'us', 'our',
  'they', 'them', 'their', 'this', 'that', 'these', 'those', 'there', 'here', 'who', 'whom', 'which', 'what', 'when',
  'where', 'why', 'how', 'if', 'then', 'than', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'into',
  'onto', 'about', 'up', 'out', 'off', 'over', 'not', 'no', 'yes', 'just', 'too', 'very', 'will', 'would', 'shall',
  'should', 'can', 'could', 'might', 'must', 'has', 'have', 'had', 'does', 'did', 'dont', 'didnt', 'cant', 'wont',
  'isnt', 'wasnt', 'got', 'get', 'gets', 'said', 'says', 'all', 'some', 'any', 'every', 'each', 'lol', 'omg', 'pls',
]);

/** Occasions that name a day with an everyday-word name after them: "Christmas Eve", "Valentines Day". */
const OCCASIONS = new Set(['christmas', 'xmas', 'easter', 'halloween', 'valentines', 'hogmanay', 'midsummer', 'bonfire', 'pancake', 'boxing', 'diwali', 'eid', 'hanukkah']);

/** Words that can stand before a name without being part of it: "poor Ivy", "little Rose". */
const AFFECTIONATE_BEFORE = new Set([
  'poor', 'lucky', 'little', 'big', 'dear', 'sweet', 'lovely', 'beautiful', 'gorgeous', 'brave', 'clever', 'silly',
  'naughty', 'cheeky', 'old', 'young', 'baby', 'auntie', 'aunty', 'aunt', 'uncle', 'cousin', 'nan', 'nana', 'grandma',
  'grandad', 'sister', 'brother', 'bro', 'sis', 'mate', 'bestie', 'bff', 'queen', 'king', 'legend', 'go', 'come',
  'cmon', 'team', 'captain', 'coach',
]);

const MODAL_FIRST_NAMES = new Set(['will', 'may', 'can', 'mark', 'jack', 'sue', 'pat', 'rob', 'bill', 'hope', 'grace', 'frank', 'cash', 'reed', 'hunter', 'king']);

export class PupilNameMatcher {
  constructor(
    private readonly roster: RosterLookup,
    private readonly words: WordKnowledge,
    /** Words the rules know that compromise does not ("trans", "ctb"): never a name written without its apostrophe. */
    private readonly isRuleWord: (lower: string) => boolean = () => false,
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
        if (this.isBarePossessive(token) && !this.followsAnotherGivenName(tokens, i, found)) found.push({ firstToken: i, lastToken: i, how: 'first-name' });
        continue;
      }
      // A famous name written in full: "Harry Styles", "Destiny's Child", "Jack Daniels" are someone
      // else when the pupil is Harry Jones or Destiny Obi. A pupil who shares the whole name ("Harry
      // Kane") is the famous one only where the post is about their world ("scored", "film") and not
      // about school, and names no pupil before.
      const full = this.fullNameAt(tokens, i, taken, found);
      const famous = famousNameAround(tokens, i);
      if (famous) {
        const sharesWholeName = !!full && full.firstToken <= famous.firstToken && full.lastToken >= famous.lastToken;
        if (!sharesWholeName || (found.length === 0 && this.isAboutFame(tokens) && !this.isAboutSchool(tokens, taken))) {
          i = famous.lastToken;
          continue;
        }
      }
      if (full) {
        // Surname first ("Kim Ji-woo"): a word already taken as a first name on its own is part of this name.
        while (found.length > 0 && found[found.length - 1].lastToken >= full.firstToken) found.pop();
        found.push({ ...full, how: 'full-name' });
        i = full.lastToken;
        continue;
      }
      const next = tokens[i + 1];
      const joined = this.joins(tokens, i) && next.kind === 'word';
      if (joined && this.isInitialOf(token, next, tokens[i + 2])) {
        found.push({ firstToken: i, lastToken: i + 1, how: 'first-initial' });
        i++;
        continue;
      }
      // A double given name on its own: "Mary Kate", "thi hoa", "nur aisyah's" (but not "may a" read as Maya).
      if (joined && this.couldContinueGivenName(next) && this.roster.isFirstName(token.key + next.key)) {
        found.push({ firstToken: i, lastToken: i + 1, how: 'first-name' });
        i++;
        continue;
      }
      // "Thi" of "Thi Hoa", or an initial standing for a first name, never stands for the pupil alone.
      if (NEVER_ALONE_GIVEN.has(token.key) || token.key.length < 2) continue;
      if (this.firstNameIsPerson(tokens, i, found)) found.push({ firstToken: i, lastToken: i, how: 'first-name' });
    }
    return found;
  }

  /** Tokens a and a + 1 are one phrase: same sentence, no comma between, and a is not possessive. */
  private joins(tokens: readonly Token[], a: number): boolean {
    const next = tokens[a + 1];
    return !!next && next.sentence === tokens[a].sentence && !tokens[a].possessive && !/[,;:!?()"“”/|&+]/.test(tokens[a].after);
  }

  /**
   * The longest full name that uses token i as (the start of) its given name:
   * given first ("María José de la Cruz", "maria cruz") or surname first
   * ("Nguyen Thi Hoa", "Kim Ji-woo").
   */
  private fullNameAt(
    tokens: readonly Token[],
    i: number,
    taken: ReadonlySet<number>,
    found: readonly PupilMention[],
  ): { firstToken: number; lastToken: number } | undefined {
    let best: { firstToken: number; lastToken: number } | undefined;
    const consider = (firstToken: number, lastToken: number) => {
      if (!best || lastToken - firstToken > best.lastToken - best.firstToken) best = { firstToken, lastToken };
    };
    const isWordAt = (k: number) => k >= 0 && k < tokens.length && tokens[k].kind === 'word' && !taken.has(k);

    // Given name first.
    let given = '';
    for (let g = 0; g < MAX_GIVEN_WORDS; g++) {
      const gi = i + g;
      if (g > 0 && !(this.joins(tokens, gi - 1) && isWordAt(gi) && !isParticle(tokens[gi].key) && this.couldContinueGivenName(tokens[gi]))) break;
      given += tokens[gi].key;
      if (NEVER_ALONE_GIVEN.has(given)) continue;
      const surname: string[] = [];
      for (let s = 1; s <= MAX_SURNAME_WORDS; s++) {
        const si = gi + s;
        if (!this.joins(tokens, si - 1) || !isWordAt(si)) break;
        const key = tokens[si].key;
        if (NEVER_SURNAME.has(key) && !isParticle(key)) break;
        surname.push(key);
        if (this.surnameMatches(given, surname)) consider(i, si);
      }
    }

    // Surname first, never reaching back into a name already found.
    const floor = found.length > 0 && found[found.length - 1].how !== 'first-name' ? found[found.length - 1].lastToken + 1 : 0;
    for (let s = 1; s <= MAX_SURNAME_WORDS_BEFORE; s++) {
      const k = i - s;
      if (k < floor || !isWordAt(k) || !this.joins(tokens, k)) break;
      if (NEVER_SURNAME.has(tokens[k].key) && !isParticle(tokens[k].key)) break;
      const surname = tokens.slice(k, i).map((t) => t.key);
      let reversedGiven = '';
      for (let g = 0; g < MAX_GIVEN_WORDS; g++) {
        const gi = i + g;
        if (g > 0 && !(this.joins(tokens, gi - 1) && isWordAt(gi) && this.couldContinueGivenName(tokens[gi]))) break;
        reversedGiven += tokens[gi].key;
        if (!NEVER_ALONE_GIVEN.has(reversedGiven) && this.surnameMatches(reversedGiven, surname)) consider(k, gi);
      }
    }
    return best;
  }

  /** The second word of a double given name: not a letter or a small word ("may a" is not "Maya"). */
  private couldContinueGivenName(token: Token): boolean {
    return token.kind === 'word' && token.key.length >= 2 && !NEVER_SURNAME.has(token.key);
  }

  /** The surname's words, joined as written ("de la cruz" → "delacruz") or without leading particles ("cruz"). */
  private surnameMatches(given: string, surname: readonly string[]): boolean {
    if (this.roster.isFullName(given, surname.join(''))) return true;
    let start = 0;
    while (start < surname.length - 1 && isDroppableParticle(surname[start])) start++;
    return start > 0 && this.roster.isFullName(given, surname.slice(start).join(''));
  }

  private isBarePossessive(token: Token): boolean {
    if (token.kind !== 'word' || token.possessive || !/^\p{L}{3,}s$/u.test(token.lower)) return false;
    const stem = token.key.slice(0, -1);
    return this.roster.isFirstName(stem) && !this.words.isWordLikeName(stem) && !this.words.isWordLikeName(token.lower) && !this.isRuleWord(token.lower);
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

  /**
   * "@may.fletcher_", "#JackHarrison", "@willthompson07", "#ThiHoaNguyen", "@mariajosedelacruz":
   * a handle built from a pupil's full name (or first name and initial), in either order.
   */
  private handleNamesPupil(token: Token): boolean {
    // Handles are short; the caps keep a pasted wall of tags cheap.
    const parts = token.parts
      .slice(0, 8)
      .map((p) => nameKey(p).replace(/\d+$/, ''))
      .filter((p) => p.length > 0 && p.length <= 40);
    // Split at the handle's own separators and capitals.
    for (let a = 0; a < parts.length; a++) {
      for (let cut = a + 1; cut < parts.length && cut - a <= MAX_GIVEN_WORDS; cut++) {
        const given = parts.slice(a, cut).join('');
        if (this.roster.isFirstName(given)) {
          if (parts[cut].length === 1 && this.roster.isFirstInitial(given, parts[cut])) return true;
          for (let b = cut; b < parts.length && b - cut < MAX_SURNAME_WORDS; b++) {
            if (this.surnameMatches(given, parts.slice(cut, b + 1))) return true;
          }
        }
        if (cut - a > MAX_SURNAME_WORDS_BEFORE) continue;
        for (let b = cut; b < parts.length && b - cut < MAX_GIVEN_WORDS; b++) {
          const reversedGiven = parts.slice(cut, b + 1).join('');
          if (this.roster.isFirstName(reversedGiven) && this.surnameMatches(reversedGiven, parts.slice(a, cut))) return true;
        }
      }
    }
    // Run together within one part: try each split point where one side is a first name.
    for (const part of parts) {
      for (let cut = 2; cut <= part.length - 2; cut++) {
        const left = part.slice(0, cut);
        const right = part.slice(cut);
        if (this.roster.isFirstName(left) && this.roster.isFullName(left, right)) return true;
        if (this.roster.isFirstName(right) && this.roster.isFullName(right, left)) return true;
      }
    }
    return false;
  }

  /** Is this roster first name, standing alone, a person here? */
  private firstNameIsPerson(tokens: readonly Token[], i: number, found: readonly PupilMention[]): boolean {
    const token = tokens[i];
    // An emoji ends a clause as a full stop would: "… baller 😂 jay ur the worst".
    const prev = i > 0 && tokens[i - 1].sentence === token.sentence && !EMOJI.test(tokens[i - 1].after) ? tokens[i - 1] : undefined;
    const next = i + 1 < tokens.length && tokens[i + 1].sentence === token.sentence ? tokens[i + 1] : undefined;
    const capitalised = /^\p{Lu}\p{Ll}/u.test(token.text);
    const nextJoined = next && !/[,;:]/.test(token.after) && !token.possessive;
    const shouting = token.text.length > 1 && token.text === token.text.toUpperCase();

    // "my nan Penny", "our dog Ruby": a grown-up in the family or a pet, not a pupil.
    if (prev && (GROWN_UPS.has(prev.lower) || PETS.has(prev.lower)) && !/[,;:]/.test(prev.after)) return false;

    // Followed by a surname that is not theirs: someone else ("Will Smith", "mark zuckerberg").
    if (nextJoined && next.kind === 'word' && this.looksLikeSurname(next, capitalised)) return false;
    if (this.followsAnotherGivenName(tokens, i, found)) return false;
    // "Jude the Obscure", "Bob the Builder", "Alfred the Great": a title or a character, not a pupil.
    if (capitalised && nextJoined && next.lower === 'the' && !/[,;:!?]/.test(next.after) && /^\p{Lu}\p{Ll}/u.test(tokens[i + 2]?.text ?? '') && tokens[i + 2].sentence === token.sentence) return false;
    // A name that is no everyday word is a person wherever it stands ("a video of callum").
    const wordLike = this.words.isWordLikeName(token.lower);
    if (!wordLike) return true;
    // "the king", "a grace period", "my hope": a determiner makes it a thing.
    if (prev && DETERMINERS.has(prev.lower) && !/[,;:]/.test(prev.after)) return false;
    // "Christmas Eve", "Poison Ivy", "Killing Eve", "Amazing Grace": a capitalised word before an
    // everyday-word name makes one title of the two. Words that address or act on a person do not.
    if (capitalised && prev && !/[,;:!?]/.test(prev.after) && this.isTitleWordBefore(prev)) return false;

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

  /** After another person's given name, a capitalised name is their surname: "Jack Daniel's", "Harper Lee". */
  private followsAnotherGivenName(tokens: readonly Token[], i: number, found: readonly PupilMention[]): boolean {
    const token = tokens[i];
    const prev = tokens[i - 1];
    if (!prev || prev.sentence !== token.sentence || prev.possessive || /[,;:!?]/.test(prev.after) || EMOJI.test(prev.after)) return false;
    if (!/^\p{Lu}/u.test(token.text) || !/^\p{Lu}/u.test(prev.text)) return false;
    // Mentions come in order, so only the last one can end just before this word.
    return this.isGivenName(prev) && found[found.length - 1]?.lastToken !== i - 1;
  }

  /** A capitalised word that is someone's given name: "Jack" in "Jack Daniel's", a roster first name not found as a pupil. */
  private isGivenName(token: Token): boolean {
    return token.kind === 'word' && (this.words.isFirstNameWord(token.lower) || this.roster.isFirstName(token.key));
  }

  /** "Christmas", "Poison", "Killing", "Amazing": a capitalised content word that starts a title with the name. */
  private isTitleWordBefore(prev: Token): boolean {
    if (prev.kind !== 'word' || !/^\p{Lu}/u.test(prev.text) || prev.text.length < 3) return false;
    const lower = prev.lower;
    if (NEVER_SURNAME.has(lower) || DETERMINERS.has(lower) || DATE_BEFORE.has(lower) || ADDRESSING_BEFORE.has(lower)) return false;
    if (PERSON_OBJECT_VERBS.has(lower) || AFFECTIONATE_BEFORE.has(lower) || ACTING_VERBS.has(lower) || SECOND_PERSON.has(lower)) return false;
    if (this.isGivenName(prev) || this.words.isPastTense(lower) || this.words.isFunctionWord(lower) || /ly$/.test(lower)) return false;
    return this.words.isKnownWord(lower) || OCCASIONS.has(lower);
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

  // Worked out once per post and word list: a long post may hold many famous names.
  private wordsInPost = new WeakMap<readonly Token[], Map<ReadonlySet<string>, boolean>>();

  /** Does any word of the post belong to `words` (compared as name keys: "spider-man" is "spiderman")? */
  private postHasWordOf(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
    let answers = this.wordsInPost.get(tokens);
    if (!answers) {
      answers = new Map();
      this.wordsInPost.set(tokens, answers);
    }
    let answer = answers.get(words);
    if (answer === undefined) {
      answer = tokens.some((t) => words.has(t.key));
      answers.set(words, answer);
    }
    return answer;
  }

  /** Does the post name the school or talk about the school day ("in maths", "our head", "year 9", "at lunch")? */
  private isAboutSchool(tokens: readonly Token[], schoolTokens: ReadonlySet<number>): boolean {
    return schoolTokens.size > 0 || this.postHasWordOf(tokens, SCHOOL_CONTEXT) || this.postHasWordOf(tokens, SCHOOL_DAY);
  }

  /**
   * Does the post talk about sport, screen, music, books or politics ("scored", "film", "album"),
   * or name a second famous person ("Amir Khan vs Kell Brook")?
   */
  private isAboutFame(tokens: readonly Token[]): boolean {
    if (this.postHasWordOf(tokens, FAME_CONTEXT)) return true;
    let count = this.famousNamesCache.get(tokens);
    if (count === undefined) {
      count = famousNamesIn(tokens);
      this.famousNamesCache.set(tokens, count);
    }
    return count > 1;
  }

  private famousNamesCache = new WeakMap<readonly Token[], number>();

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
