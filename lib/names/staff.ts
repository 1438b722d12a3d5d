// Finds staff as people write them: "Mr Dunmore", "mr dunmore", "Mrs Ashworth",
// "Helen Ashworth", "sir"/"miss" alone do not count. Staff are not a category
// of their own; a staff mention makes a post's target identifiable for the
// defamation, bullying, threat and reputation rules.

import type { Token } from '../text/tokens';
import { nameKey } from './name-key';
import { nameFormSet, parseName } from './name-parts';

const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'coach']);

export interface StaffMention {
  firstToken: number;
  lastToken: number;
}

/** A title and a surname of up to this many words: "Mr Van der Berg", "Ms Ní Bhriain". */
const MAX_SURNAME_WORDS = 3;

export class StaffNameMatcher {
  private readonly surnames = new Set<string>();
  /** Whole surnames only: a part of a double-barrelled one ("Lloyd" of "Lloyd-Davies") is too often a first name to count alone. */
  private readonly wholeSurnames = new Set<string>();
  private readonly fullNames = new Set<string>();

  constructor(staffNames: readonly string[]) {
    for (const name of staffNames) {
      const words = name.split(/\s+/).filter((w) => nameKey(w).length > 0);
      const withoutTitle = TITLES.has(nameKey(words[0] ?? '')) ? words.slice(1) : words;
      if (withoutTitle.length === 0) continue;
      // The same split as pupils' names: "Mr Van der Berg" has the surname "van der Berg".
      const parts = withoutTitle.length === 1 ? { given: [], surname: withoutTitle } : parseName(withoutTitle.join(' '));
      if (!parts) continue;
      const surname = surnameForms(parts.surname);
      surname.forEach((form) => this.surnames.add(form));
      this.wholeSurnames.add(parts.surname.map(nameKey).join(''));
      if (parts.given.length > 0) for (const form of surname) this.fullNames.add(`${nameKey(parts.given[0])} ${form}`);
    }
  }

  find(tokens: readonly Token[]): StaffMention[] {
    const found: StaffMention[] = [];
    if (this.surnames.size === 0) return found;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i];
      if (tokens[i + 1].sentence !== a.sentence) continue;
      const title = TITLES.has(a.key);
      const given = !title && this.givenStarts(a.key);
      if (!title && !given) continue;
      // The longest surname after the title or first name: "Mr Van der Berg", not "Mr Van".
      let end = -1;
      for (let k = i + 1; k < tokens.length && k <= i + MAX_SURNAME_WORDS && tokens[k].sentence === a.sentence; k++) {
        const form = tokens.slice(i + 1, k + 1).map((t) => t.key).join('');
        if (title ? this.surnames.has(form) : this.fullNames.has(`${a.key} ${form}`)) end = k;
      }
      if (end > i) {
        found.push({ firstToken: i, lastToken: end });
        i = end;
      }
    }
    // A capitalised surname alone ("Dunmore gave me a detention") is a staff member too.
    const covered = new Set<number>();
    for (const f of found) for (let k = f.firstToken; k <= f.lastToken; k++) covered.add(k);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (covered.has(i)) continue;
      if (this.wholeSurnames.has(t.key) && /^\p{Lu}/u.test(t.text) && t.text.length > 3) found.push({ firstToken: i, lastToken: i });
    }
    return found.sort((x, y) => x.firstToken - y.firstToken);
  }

  private givenKeys: Set<string> | undefined;
  private givenStarts(key: string): boolean {
    this.givenKeys ??= new Set([...this.fullNames].map((full) => full.split(' ')[0]));
    return this.givenKeys.has(key);
  }
}

/** "van der Berg" → "vanderberg" and "berg"; "Ní Bhriain" → "nibhriain". */
function surnameForms(surname: string[]): string[] {
  return [...new Set(nameFormSet({ given: ['x'], surname }).fullNames.map((form) => form.slice(2)))];
}
