// The two ways a roster can be held: plaintext (a teacher's own device) and
// keyed hashes (managed policy). Both answer the same questions in constant
// time per question, whatever the roster's size, and both are built from
// nameFormSet, so they match exactly the same forms.

import type { HashedRoster } from '../types';
import { nameFormSet } from './name-parts';
import type { RosterLookup } from './pupils';
import { FULL_HASH_CHARS, hashNameForm } from './roster-hash';

export class PlainRosterLookup implements RosterLookup {
  private readonly firstNames = new Set<string>();
  private readonly fullNames = new Set<string>();
  private readonly firstInitials = new Set<string>();

  constructor(pupilNames: readonly string[]) {
    for (const name of pupilNames) {
      const forms = nameFormSet(name);
      forms.firstNames.forEach((form) => this.firstNames.add(form));
      forms.fullNames.forEach((form) => this.fullNames.add(form));
      forms.firstInitials.forEach((form) => this.firstInitials.add(form));
    }
  }

  get isEmpty(): boolean {
    return this.firstNames.size === 0;
  }
  isFirstName(firstKey: string): boolean {
    return this.firstNames.has(firstKey);
  }
  isFullName(givenKey: string, surnameKey: string): boolean {
    return this.fullNames.has(`${givenKey} ${surnameKey}`);
  }
  isFirstInitial(firstKey: string, initial: string): boolean {
    return this.firstInitials.has(`${firstKey} ${initial}`);
  }
  // A plaintext roster could answer this, but a hashed one (version 2) cannot,
  // and the engine must behave the same with either.
  isSurname(): boolean {
    return false;
  }
}

/** One list of a hashed roster, with the length its hashes were cut to. */
class HashList {
  private readonly hashes: Set<string>;
  readonly chars: number;
  constructor(hashes: readonly string[] | undefined) {
    this.hashes = new Set(hashes ?? []);
    this.chars = hashes?.[0]?.length ?? FULL_HASH_CHARS;
  }
  get size(): number {
    return this.hashes.size;
  }
  has(fullHash: string): boolean {
    return this.hashes.has(fullHash.slice(0, this.chars));
  }
}

export class HashedRosterLookup implements RosterLookup {
  private readonly firstNames: HashList;
  private readonly fullNames: HashList;
  private readonly firstInitials: HashList;
  private readonly surnames: HashList;
  // A post repeats words; hashing each distinct form once keeps a check cheap.
  private readonly cache = new Map<string, string>();

  constructor(private readonly roster: HashedRoster) {
    this.firstNames = new HashList(roster.firstNames);
    this.fullNames = new HashList(roster.fullNames);
    this.firstInitials = new HashList(roster.firstInitials);
    this.surnames = new HashList(roster.version === 1 ? roster.surnames : []);
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
  isFullName(givenKey: string, surnameKey: string): boolean {
    return this.fullNames.has(this.hash(`${givenKey} ${surnameKey}`));
  }
  isFirstInitial(firstKey: string, initial: string): boolean {
    return this.firstInitials.has(this.hash(`${firstKey} ${initial}`));
  }
  /** Only a version-1 roster holds surnames on their own. */
  isSurname(lastKey: string): boolean {
    return this.surnames.size > 0 && this.surnames.has(this.hash(lastKey));
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
