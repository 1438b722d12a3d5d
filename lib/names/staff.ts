// Finds staff as people write them: "Mr Dunmore", "mr dunmore", "Mrs Ashworth",
// "Helen Ashworth", "sir"/"miss" alone do not count. Staff are not a category
// of their own; a staff mention makes a post's target identifiable for the
// defamation, bullying, threat and reputation rules.

import type { Token } from '../text/tokens';
import { nameKey } from './name-key';

const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'coach']);

export interface StaffMention {
  firstToken: number;
  lastToken: number;
}

export class StaffNameMatcher {
  private readonly surnames = new Set<string>();
  private readonly fullNames = new Set<string>();

  constructor(staffNames: readonly string[]) {
    for (const name of staffNames) {
      const keys = name.split(/\s+/).map(nameKey).filter(Boolean);
      const withoutTitle = TITLES.has(keys[0] ?? '') ? keys.slice(1) : keys;
      if (withoutTitle.length === 0) continue;
      this.surnames.add(withoutTitle[withoutTitle.length - 1]);
      if (withoutTitle.length >= 2) this.fullNames.add(`${withoutTitle[0]} ${withoutTitle[withoutTitle.length - 1]}`);
    }
  }

  find(tokens: readonly Token[]): StaffMention[] {
    const found: StaffMention[] = [];
    if (this.surnames.size === 0) return found;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      if (a.sentence !== b.sentence) continue;
      if (TITLES.has(a.key) && this.surnames.has(b.key)) {
        found.push({ firstToken: i, lastToken: i + 1 });
        i++;
      } else if (this.fullNames.has(`${a.key} ${b.key}`)) {
        found.push({ firstToken: i, lastToken: i + 1 });
        i++;
      }
    }
    // A capitalised surname alone ("Dunmore gave me a detention") is a staff member too.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (found.some((f) => i >= f.firstToken && i <= f.lastToken)) continue;
      if (this.surnames.has(t.key) && /^\p{Lu}/u.test(t.text) && t.text.length > 3) found.push({ firstToken: i, lastToken: i });
    }
    return found.sort((x, y) => x.firstToken - y.firstToken);
  }
}
