// Finds the school's own name in a draft: any alias, any case, possessive,
// hashtag, handle or dotted, while leaving look-alikes alone ("Oakfield Road",
// "Opa!", "the Priory clinic", a different school that shares a word).
//
// Schools are named after people, saints and places, and short forms share
// their letters with other bodies, so an alias is weighed in its context:
// - strong signs of something else win even beside school words: a given
//   name or title before it ("Charles Darwin"), a surname after it ("Darwin
//   Nunez"), a place or body after it ("Darwin Awards", "St Cuthbert's Day"),
//   a person's works after its possessive ("Darwin's theory"), an acronym spelt
//   out as something else ("Data Protection Act (DPA)") or followed by a year;
// - weak signs count only when nothing in the post is about school: travel to
//   or from it ("flights to Darwin"), a park's dogs and ponds for an alias that
//   names a park, a famous person's life for an alias that is a famous name,
//   "the" before an acronym ("under the DPA").

import type { Token } from '../text/tokens';
import { nameKey } from './name-key';
import { sharedWordKnowledge, type WordKnowledge } from '../text/english';
import { GROWN_UPS, SCHOOL_CONTEXT } from './context-words';

export interface SchoolMention {
  /** Token range [first, last] inclusive. */
  firstToken: number;
  lastToken: number;
  alias: string;
}

interface AliasEntry {
  alias: string;
  keys: string[];
  /** "St Cuthbert's": named after a saint, whose day, well and relics are not the school. */
  isSaint: boolean;
  /** "Darwin", "Newton": one word that is also a famous person's name. */
  isPersonName: boolean;
  /** "Darwin Park", "Hillside Green": ends in a word for a place people walk in. */
  endsInPlace: boolean;
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
  // Other things named after the same person or place: "Darwin Awards", "Brunel Museum", "Darwin Park Rangers".
  'harbour', 'harbor', 'airport', 'beach', 'bay', 'river', 'museum', 'gallery', 'theatre', 'cinema', 'zoo', 'festival',
  'awards', 'award', 'prize', 'medal', 'institute', 'foundation', 'society', 'college', 'rangers', 'athletic', 'wanderers',
  'town', 'city', 'albion', 'harriers', 'boys', 'girls', 'tower', 'bridge', 'tunnel', 'cathedral', 'abbey', 'priory',
]);

/** After a saint's name, the saint's own things: "St Cuthbert's Day", "St Cuthbert's Way" (a walk), "St Hilda's relics". */
const SAINT_THINGS_AFTER = new Set(['day', 'feast', 'relics', 'relic', 'shrine', 'well', 'way', 'cross', 'cave', 'island', 'isle', 'tomb', 'bones', 'statue', 'parish', 'eve', 'gospel', 'life', 'legend']);

/** After a person's possessive, their works and life: "Darwin's theory", "Brunel's bridges", "Newton's laws". */
const WORKS_AFTER_POSSESSIVE = new Set([
  'theory', 'theories', 'law', 'laws', 'quote', 'quotes', 'poem', 'poems', 'novel', 'novels', 'play', 'plays', 'painting',
  'paintings', 'statue', 'grave', 'tomb', 'birthplace', 'biography', 'legacy', 'voyage', 'voyages', 'invention',
  'inventions', 'discovery', 'discoveries', 'experiment', 'experiments', 'equation', 'equations', 'ideas', 'bridge',
  'bridges', 'life', 'death', 'diary', 'letters', 'speech', 'relics', 'feast', 'shrine', 'works', 'masterpiece',
]);

/** Titles and honorifics: a word after one is a person's name ("Sir Isaac Newton", "Dr Barnardo"). */
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'king', 'queen', 'prince', 'princess', 'captain', 'general', 'president']);

/** Going to, coming from or living in a place: "flights to Darwin", "moved to Darwin", "back from Darwin". */
const TRAVEL_BEFORE = new Set([
  'flight', 'flights', 'flew', 'fly', 'flying', 'emigrated', 'emigrating', 'holiday', 'holidays',
  'visiting', 'visited', 'visit', 'back', 'lives', 'living', 'live', 'lived', 'stayed', 'staying', 'born', 'raised', 'grew', 'drove', 'driving', 'travelled',
  'travelling', 'train', 'trains', 'ferry', 'cruise',
]);
const TRAVEL_PREPOSITIONS = new Set(['to', 'from', 'in', 'into', 'near', 'around', 'round']);
/**
 * Moving is travel only for the grown-ups in a pupil's life: "my uncle moved to Darwin" is the city,
 * but "the worst mistake of my life, moving to Oakfield" is changing school.
 */
const MOVE_VERBS = new Set(['moved', 'moving', 'move', 'moves', 'relocated', 'relocating']);

/** After initials, words that make them a referencing or writing style ("APA referencing", "MLA format"). */
const STYLE_AFTER_ACRONYM = new Set(['referencing', 'reference', 'references', 'citation', 'citations', 'citing', 'format', 'formatting', 'style', 'guidelines']);

/** How far either side of an alias its sentence is searched for words of another meaning. */
const CONTEXT_REACH = 12;

/** Going round a place on foot: "a walk round Darwin Park", "through Hillside Park". */
const THROUGH_A_PLACE = new Set(['round', 'around', 'through', 'across']);

/** A park's or green's other life: what people do there when it is not the school. */
const PLACE_CONTEXT = new Set([
  'dog', 'dogs', 'walk', 'walking', 'walked', 'pond', 'lake', 'swings', 'swing', 'slide', 'picnic', 'bench', 'parkrun',
  'ducks', 'duck', 'jog', 'jogging', 'bandstand', 'funfair', 'bins', 'flats', 'estate', 'litter', 'fireworks', 'skatepark',
]);
/** Last words of an alias that name a place in its own right, so the place is another reading of it. */
const PLACE_WORDS = new Set(['park', 'green', 'hill', 'hills', 'wood', 'woods', 'field', 'fields', 'common', 'heath', 'moor', 'vale', 'valley', 'gardens', 'grove', 'meadow', 'meadows', 'vale', 'dene', 'dale', 'down', 'downs']);

/** A famous person's life and work, for an alias that is also a famous name ("Darwin", "Newton"). */
const PERSON_CONTEXT = new Set([
  'theory', 'evolution', 'natural', 'selection', 'species', 'scientist', 'invented', 'inventor', 'discovered', 'famous',
  'born', 'died', 'quote', 'quotes', 'biography', 'voyage', 'historian', 'poet', 'novelist', 'painter', 'engineer', 'genius',
]);
// A different school sharing the name: these count even after a possessive ("St Aldhelm's Primary").
const OTHER_SCHOOL_AFTER = new Set(['primary', 'infants', 'infant', 'juniors', 'junior', 'nursery', 'grammar', 'high', 'prep', 'preparatory']);

// Words that show an ordinary-word alias means its everyday thing: the Priory clinic, a priory ruin.
const OTHER_MEANING_CONTEXT = new Set([
  'rehab', 'clinic', 'therapy', 'therapist', 'patient', 'patients', 'celebs', 'celebrity', 'celebrities', 'addiction',
  'monks', 'monk', 'nuns', 'abbey', 'ruins', 'ruin', 'medieval', 'monastery', 'heritage', 'visitors', 'hospital',
  'wedding', 'venue', 'hotel', 'restaurant', 'menu', 'taverna', 'holiday', 'tour', 'documentary',
]);

/** "Aldhelms" and "Aldhelm" (from "Aldhelm's") are the same name word. */
function sameNameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || b === `${a}s`;
}

export class SchoolNameMatcher {
  private readonly byFirstKey = new Map<string, AliasEntry[]>();
  /** Aliases with spaces removed, for hashtags and handles ("#OakfieldPriory", "@OPA_sport"). */
  private readonly joined: Array<{ joined: string; entry: AliasEntry }> = [];

  constructor(
    schoolNames: readonly string[],
    isEverydayWord: (lower: string) => boolean = () => false,
    private readonly words: WordKnowledge = sharedWordKnowledge(),
  ) {
    for (const alias of schoolNames) {
      // Possessives are dropped on both sides: "St Aldhelm’s" is written "St Aldhelms" and "St Aldhelm's" alike.
      const keys = alias.split(/\s+/).map((w) => nameKey(w.replace(/['’]s$/i, ''))).filter(Boolean);
      if (keys.length === 0) continue;
      const isAcronym = keys.length === 1 && /^\p{Lu}{2,5}$/u.test(alias.replace(/\./g, ''));
      // "the Priory", "the Grange": an alias that needs "the" is a common noun used as a name.
      const isOrdinaryWords = !isAcronym && (keys.every(isEverydayWord) || (keys[0] === 'the' && keys.length > 1));
      const possessiveWords = new Set(alias.split(/\s+/).flatMap((w, k) => (/['’]s$/i.test(w) ? [k] : [])));
      const isSaint = keys[0] === 'st' || keys[0] === 'saint';
      const isPersonName = !isAcronym && keys.length === 1 && this.words.isPersonName(keys[0]);
      const endsInPlace = keys.length > 1 && PLACE_WORDS.has(keys[keys.length - 1]);
      const entry: AliasEntry = { alias, keys, isAcronym, isOrdinaryWords, possessiveWords, isSaint, isPersonName, endsInPlace };
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
    if (entry.isAcronym) return this.plausibleAcronym(entry, tokens, first);
    if (this.namesSomethingElse(entry, tokens, first, last)) return false;
    if (!this.postContext(tokens).school && this.probablySomethingElse(entry, tokens, first, last)) return false;
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
   * Another body with the same letters is recognised when the post spells it out
   * ("Data Protection Act (DPA)"), when a year follows ("the DPA 2018"), or when
   * "the" comes before it and nothing in the post is about school ("under the DPA").
   */
  private plausibleAcronym(entry: AliasEntry, tokens: readonly Token[], index: number): boolean {
    const token = tokens[index];
    const next = tokens[index + 1];
    const prev = tokens[index - 1];
    if (this.spelledOutAsSomethingElse(entry, tokens)) return false;
    if (next && next.sentence === token.sentence && /^(19|20)\d\d$/.test(next.text) && !this.hasSchoolContext(tokens, index)) return false;
    if (prev && prev.sentence === token.sentence && ['the', 'a', 'an'].includes(prev.lower) && !this.postContext(tokens).school) return false;
    // "APA referencing", "MLA format": initials that name a referencing style, not the school.
    if (next && next.sentence === token.sentence && STYLE_AFTER_ACRONYM.has(next.lower) && !this.hasSchoolContext(tokens, index)) return false;
    if (token.text === token.text.toUpperCase()) {
      // "OPA!" on its own with nothing school-like around is still most likely the cheer.
      if (/^!/.test(token.after) && !this.hasSchoolContext(tokens, index)) return false;
      return true;
    }
    return this.hasSchoolContext(tokens, index);
  }

  // Whether each acronym is spelt out as something else, worked out once per post: a long post may name the school often.
  private spelledOutCache = new WeakMap<readonly Token[], Map<AliasEntry, boolean>>();

  /** Capitalised words whose initials spell the acronym and are not the school's own name: "Data Protection Act". */
  private spelledOutAsSomethingElse(entry: AliasEntry, tokens: readonly Token[]): boolean {
    let answers = this.spelledOutCache.get(tokens);
    if (!answers) {
      answers = new Map();
      this.spelledOutCache.set(tokens, answers);
    }
    let answer = answers.get(entry);
    if (answer === undefined) {
      answer = this.findSpelledOut(entry, tokens);
      answers.set(entry, answer);
    }
    return answer;
  }

  private findSpelledOut(entry: AliasEntry, tokens: readonly Token[]): boolean {
    const letters = entry.keys[0];
    const ownWords = this.ownNameWords;
    for (let i = 0; i + letters.length <= tokens.length; i++) {
      let spelled = true;
      let ownName = true;
      for (let k = 0; k < letters.length; k++) {
        const word = tokens[i + k];
        if (word.kind !== 'word' || word.key[0] !== letters[k] || !/^\p{Lu}\p{Ll}/u.test(word.text) || (k > 0 && word.sentence !== tokens[i].sentence)) {
          spelled = false;
          break;
        }
        if (!ownWords.has(word.key)) ownName = false;
      }
      if (spelled && !ownName) return true;
    }
    return false;
  }

  /** Every word of every alias, so a spelt-out acronym that is the school's own name is recognised. */
  private get ownNameWords(): Set<string> {
    this.ownWordsCache ??= new Set([...this.byFirstKey.values()].flat().flatMap((entry) => entry.keys));
    return this.ownWordsCache;
  }
  private ownWordsCache: Set<string> | undefined;

  /** Strong signs that the alias here is a person, a saint's day, or another thing named after the same place. */
  private namesSomethingElse(entry: AliasEntry, tokens: readonly Token[], first: number, last: number): boolean {
    const start = tokens[first];
    const end = tokens[last];
    const next = tokens[last + 1];
    const nextInPhrase = next && next.sentence === end.sentence && !/[,;:!?()]/.test(end.after) ? next : undefined;
    const aliasPossessive = entry.possessiveWords.has(entry.keys.length - 1);
    const afterNext = tokens[last + 2];
    const afterNextInPhrase = nextInPhrase && afterNext && afterNext.sentence === end.sentence ? afterNext : undefined;
    // "St Cuthbert's Day", "St Hilda's relics": the saint's, not the school's.
    if (entry.isSaint && nextInPhrase && SAINT_THINGS_AFTER.has(nextInPhrase.lower)) return true;
    // "St Cuthbert of Lindisfarne": the saint, named by where they lived.
    if (entry.isSaint && nextInPhrase?.lower === 'of' && afterNextInPhrase && /^\p{Lu}\p{Ll}/u.test(afterNextInPhrase.text)) return true;
    // "Darwin's theory", "Brunel's bridges": a person's works after a possessive the alias does not have itself.
    if (end.possessive && !aliasPossessive && nextInPhrase && WORKS_AFTER_POSSESSIVE.has(nextInPhrase.lower)) return true;
    if (entry.isSaint || entry.keys[0] === 'the') return false;
    // "Charles Darwin", "Isambard Kingdom Brunel", "Sir Isaac Newton": a given name or a title before it.
    for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
      const before = tokens[k];
      if (before.sentence !== start.sentence || /[,;:!?()]/.test(before.after) || before.kind !== 'word') break;
      if (!/^\p{Lu}/u.test(before.text) && !PERSON_TITLES.has(before.lower)) break;
      if (PERSON_TITLES.has(before.lower) || this.words.isFirstNameWord(before.lower)) return true;
      // A capitalised word that is no English word: a given name the lexicon does not know ("Isambard", "Florence").
      if (/^\p{Lu}\p{Ll}+$/u.test(before.text) && !this.words.isKnownWord(before.lower) && !SCHOOL_CONTEXT.has(before.lower)) return true;
    }
    // "Darwin Nunez": a surname straight after a one-word alias.
    if (entry.keys.length === 1 && nextInPhrase && !end.possessive && /^\p{Lu}\p{Ll}/u.test(nextInPhrase.text) && this.words.isLastName(nextInPhrase.lower) && !SCHOOL_CONTEXT.has(nextInPhrase.lower)) {
      return true;
    }
    // "Darwin from Gumball": a character from a show or a book.
    if (entry.keys.length === 1 && nextInPhrase?.lower === 'from' && afterNextInPhrase && /^\p{Lu}\p{Ll}/u.test(afterNextInPhrase.text) && !SCHOOL_CONTEXT.has(afterNextInPhrase.lower)) {
      return true;
    }
    // "Brunel the engineer", "Alfred the Great": a person and what they were.
    if (entry.keys.length === 1 && nextInPhrase?.lower === 'the' && afterNextInPhrase && this.isEpithet(afterNextInPhrase)) return true;
    return false;
  }

  /** "the engineer", "the Great", "the naturalist": what a person is known as. */
  private isEpithet(word: Token): boolean {
    if (SCHOOL_CONTEXT.has(word.lower)) return false;
    return /^\p{Lu}\p{Ll}/u.test(word.text) || PERSON_CONTEXT.has(word.lower) || /^[a-z]{3,}(er|ist|or|ian)$/.test(word.lower);
  }

  /** Weaker signs, weighed only when nothing in the post is about school. */
  private probablySomethingElse(entry: AliasEntry, tokens: readonly Token[], first: number, last: number): boolean {
    const sentence = tokens[first].sentence;
    const before = (k: number) => (first - k >= 0 && tokens[first - k].sentence === sentence ? tokens[first - k] : undefined);
    // "flights to Darwin", "moved to Darwin", "just got back from Darwin".
    const preposition = before(1);
    if (preposition && TRAVEL_PREPOSITIONS.has(preposition.lower)) {
      const verb = before(2);
      if (verb && TRAVEL_BEFORE.has(verb.lower)) return true;
      if (verb && MOVE_VERBS.has(verb.lower) && [3, 4].some((k) => GROWN_UPS.has(before(k)?.lower ?? ''))) return true;
    }
    // "Darwin Park in Ontario", "from Albion Park in New South Wales": a place that lies somewhere else.
    const after = tokens[last + 1];
    const placeAfter = tokens[last + 2];
    if (after && placeAfter && after.sentence === sentence && placeAfter.sentence === sentence && after.lower === 'in' && !/[,;:!?]/.test(tokens[last].after)) {
      // A capitalised place, not a month or a day ("Oakfield in September"); "New South Wales", "New York".
      const capitalised = /^\p{Lu}\p{Ll}/u.test(placeAfter.text);
      if (capitalised && (this.words.couldBePlace(placeAfter.lower) || (placeAfter.lower === 'new' && /^\p{Lu}/u.test(tokens[last + 3]?.text ?? '')))) return true;
    }
    // "a walk round Darwin Park", "parkrun at Darwin Park", "the Darwin Park estate".
    if (entry.endsInPlace) {
      if (preposition && THROUGH_A_PLACE.has(preposition.lower)) return true;
      if (this.nearby(tokens, first, last, PLACE_CONTEXT)) return true;
    }
    // "The Beagle voyage made Darwin famous": the famous person's life and work.
    if (entry.isPersonName && this.nearby(tokens, first, last, PERSON_CONTEXT)) return true;
    return false;
  }

  /** A word of `words` in the same sentence, within a few words either side (bounded, so a run-on post stays linear). */
  private nearby(tokens: readonly Token[], first: number, last: number, words: ReadonlySet<string>): boolean {
    const sentence = tokens[first].sentence;
    for (let k = Math.max(0, first - CONTEXT_REACH); k <= Math.min(tokens.length - 1, last + CONTEXT_REACH); k++) {
      if ((k < first || k > last) && tokens[k].sentence === sentence && words.has(tokens[k].lower)) return true;
    }
    return false;
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
