// Finds the school's own name in a draft: any alias, any case, possessive,
// hashtag, handle or dotted, while leaving look-alikes alone ("Oakfield Road",
// "Opa!", "the Priory clinic", a different school that shares a word).

import type { Token } from '../text/tokens';
import { nameKey } from './name-key';

export interface SchoolMention {
  /** Token range [first, last] inclusive. */
  firstToken: number;
  lastToken: number;
  alias: string;
}

interface AliasEntry {
  alias: string;
  keys: string[];
  /** "OPA": short, all letters, written in capitals in the config. */
  isAcronym: boolean;
  /** Made only of everyday words ("the Priory"): it needs its capitals to be the school. */
  isOrdinaryWords: boolean;
  /** Positions of words written possessive in the alias itself ("St Aldhelm’s Community School"). */
  possessiveWords: Set<number>;
}

// A word after the alias that turns it into some other place or body. These
// generalise: every school shares its name with a road, a church or a primary.
const OTHER_PLACE_AFTER = new Set([
  'road', 'rd', 'street', 'st', 'lane', 'ln', 'avenue', 'ave', 'close', 'drive', 'way', 'crescent', 'grove',
  'gardens', 'park', 'place', 'terrace', 'hill', 'green', 'square', 'estate', 'village', 'farm', 'woods', 'wood',
  'clinic', 'hospital', 'surgery', 'practice', 'church', 'chapel', 'hotel', 'inn', 'pub', 'arms', 'centre', 'center',
  'station', 'retail', 'shopping', 'leisure', 'library', 'fc', 'afc', 'rovers', 'united', 'rugby', 'cricket',
  'university', 'uni', 'medical', 'dental', 'vets', 'veterinary', 'care', 'home', 'house', 'court', 'manor',
]);
// A different school sharing the name: these count even after a possessive ("St Aldhelm's Primary").
const OTHER_SCHOOL_AFTER = new Set(['primary', 'infants', 'infant', 'juniors', 'junior', 'nursery', 'grammar', 'high', 'prep', 'preparatory']);

// Words that show an ordinary-word alias means its everyday thing: the Priory clinic, a priory ruin.
const OTHER_MEANING_CONTEXT = new Set([
  'rehab', 'clinic', 'therapy', 'therapist', 'patient', 'patients', 'celebs', 'celebrity', 'celebrities', 'addiction',
  'monks', 'monk', 'nuns', 'abbey', 'ruins', 'ruin', 'medieval', 'monastery', 'heritage', 'visitors', 'hospital',
  'wedding', 'venue', 'hotel', 'restaurant', 'menu', 'taverna', 'holiday', 'tour', 'documentary',
]);

// Words around a bare short alias that make "the school" the likely referent.
const SCHOOL_CONTEXT = new Set([
  'school', 'academy', 'college', 'sixth', 'form', 'year', 'yr', 'y7', 'y8', 'y9', 'y10', 'y11', 'y12', 'y13',
  'teacher', 'teachers', 'sir', 'miss', 'head', 'headteacher', 'deputy', 'staff', 'pupil', 'pupils', 'students',
  'lesson', 'lessons', 'class', 'classes', 'detention', 'uniform', 'gcse', 'gcses', 'mocks', 'exam', 'exams',
  'canteen', 'playground', 'assembly', 'homework', 'term', 'pe', 'maths', 'science', 'english', 'tutor',
  'parents', 'governors', 'ofsted', 'prom', 'blazer', 'caretaker', 'canteen', 'kids', 'changing', 'locker', 'timetable', 'register', 'reception', 'ks3', 'ks4', 'alevel', 'alevels',
]);

/** "Aldhelms" and "Aldhelm" (from "Aldhelm's") are the same name word. */
function sameNameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || b === `${a}s`;
}

export class SchoolNameMatcher {
  private readonly byFirstKey = new Map<string, AliasEntry[]>();
  /** Aliases with spaces removed, for hashtags and handles ("#OakfieldPriory", "@OPA_sport"). */
  private readonly joined: Array<{ joined: string; entry: AliasEntry }> = [];

  constructor(schoolNames: readonly string[], isEverydayWord: (lower: string) => boolean = () => false) {
    for (const alias of schoolNames) {
      // Possessives are dropped on both sides: "St Aldhelm’s" is written "St Aldhelms" and "St Aldhelm's" alike.
      const keys = alias.split(/\s+/).map((w) => nameKey(w.replace(/['’]s$/i, ''))).filter(Boolean);
      if (keys.length === 0) continue;
      const isAcronym = keys.length === 1 && /^\p{Lu}{2,5}$/u.test(alias.replace(/\./g, ''));
      // "the Priory", "the Grange": an alias that needs "the" is a common noun used as a name.
      const isOrdinaryWords = !isAcronym && (keys.every(isEverydayWord) || (keys[0] === 'the' && keys.length > 1));
      const possessiveWords = new Set(alias.split(/\s+/).flatMap((w, k) => (/['’]s$/i.test(w) ? [k] : [])));
      const entry: AliasEntry = { alias, keys, isAcronym, isOrdinaryWords, possessiveWords };
      const list = this.byFirstKey.get(keys[0]) ?? [];
      list.push(entry);
      // Longest aliases first, so "Oakfield Priory Academy" wins over "Oakfield".
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirstKey.set(keys[0], list);
      // "the Priory" as a hashtag would be #thepriory; also allow #priory-free forms only for distinctive aliases.
      this.joined.push({ joined: keys.join(''), entry });
    }
    this.joined.sort((a, b) => b.joined.length - a.joined.length);
  }

  get isEmpty(): boolean {
    return this.byFirstKey.size === 0;
  }

  /** Tokens whose key could start an alias: the cheap prefilter. */
  couldStart(token: Token): boolean {
    if (token.kind !== 'word') return true;
    return this.candidatesFor(token.key) !== undefined;
  }

  find(tokens: readonly Token[]): SchoolMention[] {
    const found: SchoolMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind !== 'word') {
        const entry = this.matchTag(token);
        if (entry) found.push({ firstToken: i, lastToken: i, alias: entry.alias });
        continue;
      }
      const candidates = this.candidatesFor(token.key);
      if (!candidates) continue;
      for (const entry of candidates) {
        const last = i + entry.keys.length - 1;
        if (last >= tokens.length) continue;
        let same = true;
        for (let k = 1; k < entry.keys.length; k++) {
          const t = tokens[i + k];
          // An alias is one phrase: no sentence break or comma inside it, and only the last word may be possessive.
          if (!sameNameWord(t.key, entry.keys[k]) || t.sentence !== token.sentence || /[,;:]/.test(tokens[i + k - 1].after) || (tokens[i + k - 1].possessive && !entry.possessiveWords.has(k - 1))) {
            same = false;
            break;
          }
        }
        if (!same) continue;
        if (!this.plausible(entry, tokens, i, last)) {
          // The longest alias here names something else ("St Aldhelm's Primary"); a shorter one inside it does too.
          i = last;
          break;
        }
        found.push({ firstToken: i, lastToken: last, alias: entry.alias });
        i = last;
        break;
      }
    }
    return found;
  }

  private candidatesFor(key: string): AliasEntry[] | undefined {
    return this.byFirstKey.get(key) ?? (key.endsWith('s') ? this.byFirstKey.get(key.slice(0, -1)) : this.byFirstKey.get(`${key}s`));
  }

  /** Hashtags and handles: "#OakfieldPriory", "@OakfieldPrioryAcademy", "#OPA", "@opa_sport". */
  private matchTag(token: Token): AliasEntry | undefined {
    const body = token.parts.map(nameKey).join('');
    for (const { joined, entry } of this.joined) {
      if (body === joined) return entry;
      // A longer tag that starts with a distinctive alias ("#OakfieldPrioryPE"), or a
      // short alias followed by a separator ("@OPA_sport"), is still the school.
      if (joined.length >= 6 && body.startsWith(joined)) return entry;
      if (entry.isAcronym && token.parts.length > 1 && nameKey(token.parts[0]) === joined) return entry;
    }
    return undefined;
  }

  private plausible(entry: AliasEntry, tokens: readonly Token[], first: number, last: number): boolean {
    const next = tokens[last + 1];
    const sameSentenceNext = next && next.sentence === tokens[last].sentence && !/[,;:!?]/.test(tokens[last].after);
    const possessiveOfSchool = tokens[last].possessive && !entry.possessiveWords.has(entry.keys.length - 1);
    if (sameSentenceNext && OTHER_SCHOOL_AFTER.has(next.lower)) return false;
    if (sameSentenceNext && !possessiveOfSchool && OTHER_PLACE_AFTER.has(next.lower)) {
      // "Oakfield Road", "the Priory clinic", "Oakfield Primary": someone else's name.
      return false;
    }
    if (entry.isAcronym) return this.plausibleAcronym(tokens, first);
    if (entry.isOrdinaryWords) {
      // "the Priory" is the school; "went to the priory for rehab" is a word.
      // In lower case it is the school only where the post is about school, or at least not about
      // the other thing the words name (a clinic, a ruin, a church).
      const capitalWords = entry.alias.split(/\s+/).map((w) => /^\p{Lu}/u.test(w));
      let writtenAsName = true;
      for (let k = first; k <= last; k++) {
        if (capitalWords[k - first] && !/^\p{Lu}/u.test(tokens[k].text)) writtenAsName = false;
      }
      if (!writtenAsName && this.postContext(tokens).otherMeaning && !this.postContext(tokens).school) return false;
    }
    // A single-word alias that is an ordinary word ("Priory") is only the school
    // with a capital or possessive; multi-word aliases are distinctive enough in any case.
    return true;
  }

  /**
   * "OPA" is the school; "Opa!" (a Greek cheer) and "my Opa" (German for grandad) are not.
   * Written in capitals, or dotted, it counts; otherwise only beside school words.
   */
  private plausibleAcronym(tokens: readonly Token[], index: number): boolean {
    const token = tokens[index];
    if (token.text === token.text.toUpperCase()) {
      // "OPA!" on its own with nothing school-like around is still most likely the cheer.
      if (/^!/.test(token.after) && !this.hasSchoolContext(tokens, index)) return false;
      return true;
    }
    return this.hasSchoolContext(tokens, index);
  }

  // What the whole post is about, worked out once per post rather than once per mention.
  private contextCache = new WeakMap<readonly Token[], { otherMeaning: boolean; school: boolean }>();
  private postContext(tokens: readonly Token[]): { otherMeaning: boolean; school: boolean } {
    let context = this.contextCache.get(tokens);
    if (!context) {
      context = { otherMeaning: tokens.some((t) => OTHER_MEANING_CONTEXT.has(t.lower)), school: tokens.some((t) => SCHOOL_CONTEXT.has(t.lower)) };
      this.contextCache.set(tokens, context);
    }
    return context;
  }

  private hasSchoolContext(tokens: readonly Token[], index: number): boolean {
    const sentence = tokens[index].sentence;
    for (let k = Math.max(0, index - 6); k <= Math.min(tokens.length - 1, index + 6); k++) {
      if (k === index || tokens[k].sentence !== sentence) continue;
      if (SCHOOL_CONTEXT.has(tokens[k].lower)) return true;
    }
    return false;
  }
}
