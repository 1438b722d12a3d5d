// The two ways a roster can be held: plaintext (a teacher's own device) and
// keyed hashes (managed policy). Both answer the same questions in constant
// time per question, whatever the roster's size.

import type { HashedRoster } from '../types';
import { nameKeys } from './name-key';
import type { RosterLookup } from './pupils';
import { hashNameForm, nameForms } from './roster-hash';

export class PlainRosterLookup implements RosterLookup {
  private readonly firstNames = new Set<string>();
  private readonly fullNames = new Set<string>();
  private readonly firstInitials = new Set<string>();
  private readonly surnames = new Set<string>();

  constructor(pupilNames: readonly string[]) {
    for (const name of pupilNames) {
      const forms = nameForms(name);
      if (!forms) continue;
      this.firstNames.add(forms.first);
      if (forms.full) this.fullNames.add(forms.full);
      if (forms.firstInitial) this.firstInitials.add(forms.firstInitial);
      if (forms.surname) this.surnames.add(forms.surname);
      // "Ji-woo Park" may be written "ji woo park": also accept the first two words as the first name.
      const keys = nameKeys(name.replace(/-/g, ' '));
      if (keys.length > 2) this.fullNames.add(`${keys[0]} ${keys[keys.length - 1]}`);
    }
  }

  get isEmpty(): boolean {
    return this.firstNames.size === 0;
  }
  isFirstName(firstKey: string): boolean {
    return this.firstNames.has(firstKey);
  }
  isFullName(firstKey: string, lastKey: string): boolean {
    return this.fullNames.has(`${firstKey} ${lastKey}`);
  }
  isFirstInitial(firstKey: string, initial: string): boolean {
    return this.firstInitials.has(`${firstKey} ${initial}`);
  }
  isSurname(lastKey: string): boolean {
    return this.surnames.has(lastKey);
  }
}

export class HashedRosterLookup implements RosterLookup {
  private readonly firstNames: Set<string>;
  private readonly fullNames: Set<string>;
  private readonly firstInitials: Set<string>;
  private readonly surnames: Set<string>;
  // A post repeats words; hashing each distinct form once keeps a check cheap.
  private readonly cache = new Map<string, string>();

  constructor(private readonly roster: HashedRoster) {
    this.firstNames = new Set(roster.firstNames);
    this.fullNames = new Set(roster.fullNames);
    this.firstInitials = new Set(roster.firstInitials);
    this.surnames = new Set(roster.surnames);
  }

  private hash(form: string): string {
    let hashed = this.cache.get(form);
    if (hashed === undefined) {
      hashed = hashNameForm(this.roster.key, form);
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(form, hashed);
    }
    return hashed;
  }

  get isEmpty(): boolean {
    return this.firstNames.size === 0;
  }
  isFirstName(firstKey: string): boolean {
    return firstKey.length > 0 && this.firstNames.has(this.hash(firstKey));
  }
  isFullName(firstKey: string, lastKey: string): boolean {
    return this.fullNames.has(this.hash(`${firstKey} ${lastKey}`));
  }
  isFirstInitial(firstKey: string, initial: string): boolean {
    return this.firstInitials.has(this.hash(`${firstKey} ${initial}`));
  }
  isSurname(lastKey: string): boolean {
    return this.surnames.has(this.hash(lastKey));
  }
}

/** Both rosters at once: a managed hashed roster plus a teacher's own plaintext additions. */
export class CombinedRosterLookup implements RosterLookup {
  constructor(private readonly parts: RosterLookup[]) {}
  get isEmpty(): boolean {
    return this.parts.every((p) => p.isEmpty);
  }
  isFirstName(k: string): boolean {
    return this.parts.some((p) => p.isFirstName(k));
  }
  isFullName(f: string, l: string): boolean {
    return this.parts.some((p) => p.isFullName(f, l));
  }
  isFirstInitial(f: string, i: string): boolean {
    return this.parts.some((p) => p.isFirstInitial(f, i));
  }
  isSurname(k: string): boolean {
    return this.parts.some((p) => p.isSurname(k));
  }
}
