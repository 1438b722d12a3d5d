// A roster kept as keyed hashes, so pupils' names never sit in plaintext in
// managed policy (which pupils can read at chrome://policy) or in storage.
//
// Each pupil contributes up to four normalised forms (see nameForms). Each form
// is hashed with HMAC-SHA-256 under a per-school key and cut to 16 bytes. The
// engine hashes candidate tokens of a draft the same way and looks them up in a
// Set, so a check costs the same for a class of 30 as for a school of 2,000.
//
// What this does not do: anyone holding the key (it ships beside the hashes)
// can hash a guess and test it. It stops casual reading, not a determined
// guesser with a list of likely names. docs/admin.md says so plainly.

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { HashedRoster } from '../types';
import { nameKeys } from './name-key';

const KEY_BYTES = 32;
/** 128 bits: collisions between a few thousand names are out of reach. */
const HASH_BYTES = 16;

/** The normalised forms of one pupil's name that the engine can match. */
export interface NameForms {
  first: string;
  /** "first last": first and LAST token, so middle names do not matter. */
  full?: string;
  /** "first l": first name and the initial of the surname. */
  firstInitial?: string;
  surname?: string;
}

/**
 * "Zoë Anne O'Neill" → { first: "zoe", full: "zoe oneill", firstInitial: "zoe o", surname: "oneill" }.
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

/**
 * Further "first last" forms a hyphenated name can be typed as: "Ji-woo Park"
 * is also written "Ji Park" by friends. The engine's plaintext lookup and
 * hashRoster both add these, so a hashed roster matches what a plain one does.
 */
export function extraFullForms(fullName: string): string[] {
  const keys = nameKeys(fullName.replace(/[-‐‑]/g, ' '));
  if (keys.length <= 2) return [];
  const extra = `${keys[0]} ${keys[keys.length - 1]}`;
  return extra === nameForms(fullName)?.full ? [] : [extra];
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
 * HMAC-SHA-256 of an already-normalised form (see nameForms), cut to 16 bytes,
 * base64url without padding. Synchronous: the engine calls it per token inside check().
 */
export function hashNameForm(key: string, form: string): string {
  const mac = preparedHmac(key).clone().update(utf8.encode(form)).digest();
  return bytesToBase64Url(mac, HASH_BYTES);
}

const utf8 = new TextEncoder();

/**
 * Turns pupils' names into the private form kept in policy and storage. Each list
 * is de-duplicated and sorted by hash, so neither the roster's order nor how many
 * pupils share a name can be read from it.
 */
export function hashRoster(pupilNames: string[], key: string = createRosterKey()): HashedRoster {
  const firstNames = new Set<string>();
  const fullNames = new Set<string>();
  const firstInitials = new Set<string>();
  const surnames = new Set<string>();
  for (const name of pupilNames) {
    const forms = nameForms(name);
    if (!forms) continue;
    firstNames.add(hashNameForm(key, forms.first));
    if (forms.full) fullNames.add(hashNameForm(key, forms.full));
    for (const extra of extraFullForms(name)) fullNames.add(hashNameForm(key, extra));
    if (forms.firstInitial) firstInitials.add(hashNameForm(key, forms.firstInitial));
    if (forms.surname) surnames.add(hashNameForm(key, forms.surname));
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    version: 1,
    key,
    firstNames: sorted(firstNames),
    fullNames: sorted(fullNames),
    firstInitials: sorted(firstInitials),
    surnames: sorted(surnames),
  };
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
