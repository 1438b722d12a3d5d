// A roster kept as keyed hashes, so pupils' names never sit in plaintext in
// managed policy (which pupils can read at chrome://policy) or in storage.
//
// Version 2 (written by the admin tool and the options page since this
// change) stores only what matching needs, and as little of each as it can:
// - first names, because a first name alone is a mention ("well done siobhan");
// - "given surname" PAIRS, never surnames on their own, so a surname cannot be
//   guessed by itself and then combined with every first name;
// - "given initial" pairs ("will p").
// Each form is hashed with HMAC-SHA-256 under a per-school key and the base64url
// text is cut short: just long enough that a chance match while checking a post
// stays rare (see hashLengthFor), and short enough that a brute-force search of
// made-up surnames drowns in chance matches. The engine hashes candidate words
// of a draft the same way and looks them up in a Set, so a check costs the same
// for a class of 30 as for a school of 2,000.
//
// Version 1 (first names, full names, initials and surnames, each hashed whole)
// is still read, so old policy keeps working until it is regenerated.
//
// What this does not do: the key ships beside the hashes, because the browser
// needs it to check posts. Anyone with the policy can hash a guess and test it.
// `npm run roster:attack` measures how much a list of common names recovers,
// and docs/admin.md says so plainly.

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { HashedRoster } from '../types';
import { nameFormSet, type NameParts } from './name-parts';
import { nameKeys } from './name-key';

const KEY_BYTES = 32;
/** 128 bits, the most a hash is ever kept to (version 1 kept every hash this long). */
export const FULL_HASH_CHARS = 22;
/** 24 bits: the shortest a hash is cut, whatever the roster's size. */
export const MIN_HASH_CHARS = 4;

/**
 * The chance that one word of a post matches some first-name hash by accident.
 * Every word of every post is looked up, so this is kept very low: at one in a
 * million, a 100-word post has a 1 in 10,000 chance of one stray match, and a
 * stray match on an everyday word still needs a context that makes it a person.
 */
export const FIRST_NAME_FALSE_HIT = 1e-6;
/**
 * The chance that one pair lookup matches by accident. Pairs are looked up
 * only next to a word that is already a roster first name, a few times a post.
 */
export const PAIR_FALSE_HIT = 1e-4;

/**
 * How many base64url characters (6 bits each) to keep of each hash in a list
 * of `count` hashes, so that a lookup matches by accident with probability at
 * most `falseHitRate` (count / 2^bits ≤ rate).
 */
export function hashLengthFor(count: number, falseHitRate: number): number {
  const bits = Math.log2(Math.max(count, 1) / falseHitRate);
  return Math.min(FULL_HASH_CHARS, Math.max(MIN_HASH_CHARS, Math.ceil(bits / 6)));
}

/** The normalised forms of one pupil's name, version 1 (first and last word only). Kept for reading version-1 rosters and their tests. */
export interface NameForms {
  first: string;
  /** "first last": first and LAST token, so middle names do not matter. */
  full?: string;
  /** "first l": first name and the initial of the surname. */
  firstInitial?: string;
  surname?: string;
}

/**
 * Version 1's forms: "Zoë Anne O'Neill" → { first: "zoe", full: "zoe oneill", firstInitial: "zoe o", surname: "oneill" }.
 * A single word gives only `first`; an empty name gives undefined.
 */
export function nameForms(fullName: string): NameForms | undefined {
  const keys = nameKeys(fullName);
  if (keys.length === 0) return undefined;
  const first = keys[0];
  if (keys.length === 1) return { first };
  const last = keys[keys.length - 1];
  return { first, full: `${first} ${last}`, firstInitial: `${first} ${last[0]}`, surname: last };
}

/** A fresh per-school key: 32 random bytes, base64. */
export function createRosterKey(): string {
  const bytes = new Uint8Array(KEY_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return bytesToBase64(bytes);
}

// Decoding the key and priming HMAC's inner and outer state once per key keeps
// the per-token cost to two SHA-256 blocks. Schools have one key, so the cache
// stays tiny; the bound only guards against a caller that keeps making keys.
const preparedKeys = new Map<string, ReturnType<typeof hmac.create>>();
const MAX_PREPARED_KEYS = 8;

function preparedHmac(key: string): ReturnType<typeof hmac.create> {
  let prepared = preparedKeys.get(key);
  if (!prepared) {
    const keyBytes = base64ToBytes(key);
    if (keyBytes.length < 16) throw new Error('The roster key is too short; make a new one with the admin tool.');
    prepared = hmac.create(sha256, keyBytes);
    if (preparedKeys.size >= MAX_PREPARED_KEYS) preparedKeys.clear();
    preparedKeys.set(key, prepared);
  }
  return prepared;
}

/**
 * HMAC-SHA-256 of an already-normalised form (see nameFormSet), as base64url
 * without padding, cut to `chars` characters (22, the most, is 16 bytes).
 * Synchronous: the engine calls it per token inside check().
 */
export function hashNameForm(key: string, form: string, chars: number = FULL_HASH_CHARS): string {
  const mac = preparedHmac(key).clone().update(utf8.encode(form)).digest();
  return bytesToBase64Url(mac, 16).slice(0, chars);
}

const utf8 = new TextEncoder();

/**
 * Turns pupils' names into the private form kept in policy and storage
 * (version 2). Names are "First Last", "First Middle Last", "Surname, Given"
 * or already split into parts. Each list is de-duplicated and sorted by hash,
 * so neither the roster's order nor how many pupils share a name can be read
 * from it.
 */
export function hashRoster(pupilNames: ReadonlyArray<string | NameParts>, key: string = createRosterKey()): HashedRoster {
  const firstNames = new Set<string>();
  const fullNames = new Set<string>();
  const firstInitials = new Set<string>();
  let pupils = 0;
  for (const name of pupilNames) {
    const forms = nameFormSet(name);
    if (forms.firstNames.length === 0) continue;
    pupils++;
    forms.firstNames.forEach((form) => firstNames.add(form));
    forms.fullNames.forEach((form) => fullNames.add(form));
    forms.firstInitials.forEach((form) => firstInitials.add(form));
  }
  const hashed = (forms: Set<string>, falseHitRate: number) => {
    const chars = hashLengthFor(forms.size, falseHitRate);
    return [...new Set([...forms].map((form) => hashNameForm(key, form, chars)))].sort();
  };
  return {
    version: 2,
    key,
    pupils,
    firstNames: hashed(firstNames, FIRST_NAME_FALSE_HIT),
    fullNames: hashed(fullNames, PAIR_FALSE_HIT),
    firstInitials: hashed(firstInitials, PAIR_FALSE_HIT),
  };
}

/** Version 1, as the admin tool wrote it before version 2: kept so tests can make old rosters. */
export function hashRosterVersion1(pupilNames: string[], key: string = createRosterKey()): HashedRoster {
  const firstNames = new Set<string>();
  const fullNames = new Set<string>();
  const firstInitials = new Set<string>();
  const surnames = new Set<string>();
  for (const name of pupilNames) {
    const forms = nameForms(name);
    if (!forms) continue;
    firstNames.add(hashNameForm(key, forms.first));
    if (forms.full) fullNames.add(hashNameForm(key, forms.full));
    if (forms.firstInitial) firstInitials.add(hashNameForm(key, forms.firstInitial));
    if (forms.surname) surnames.add(hashNameForm(key, forms.surname));
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { version: 1, key, firstNames: sorted(firstNames), fullNames: sorted(fullNames), firstInitials: sorted(firstInitials), surnames: sorted(surnames) };
}

// btoa/atob exist in browsers, service workers and Node 16+, so lib/ needs no Buffer.
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// Hand-rolled because it runs for every candidate token of every check, and
// btoa plus three replaces cost more than the hash itself.
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function bytesToBase64Url(bytes: Uint8Array, length: number): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += BASE64URL[n >> 18] + BASE64URL[(n >> 12) & 63] + BASE64URL[(n >> 6) & 63] + BASE64URL[n & 63];
  }
  if (length - i === 1) {
    const n = bytes[i] << 16;
    out += BASE64URL[n >> 18] + BASE64URL[(n >> 12) & 63];
  } else if (length - i === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += BASE64URL[n >> 18] + BASE64URL[(n >> 12) & 63] + BASE64URL[(n >> 6) & 63];
  }
  return out;
}

function base64ToBytes(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new Error('The roster key is not valid base64; copy it again from the admin tool’s output.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
