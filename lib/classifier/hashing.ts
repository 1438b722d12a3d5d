// Feature hashing: every feature (a word, a pair of words, a piece of a word)
// becomes a bucket number without a vocabulary, so the model file holds only
// weights and an unseen word still lands somewhere sensible.
//
// FNV-1a over UTF-16 code units, then murmur3's finaliser so that near-identical
// strings ("kill" / "kills") spread over the table. It is fed one code unit at a
// time, so the character n-grams of a word are hashed without building strings.

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

/** Starts a hash for one kind of feature; the kind keeps "w:kill" and "c:kill" apart. */
export function hashStart(kind: number): number {
  return Math.imul(FNV_OFFSET ^ kind, FNV_PRIME) >>> 0;
}

/** Adds one UTF-16 code unit. */
export function hashAdd(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME) >>> 0;
}

/** Adds a whole string. */
export function hashString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Joins two finished hashes (a word pair) in an order-sensitive way. */
export function hashPair(kind: number, left: number, right: number): number {
  return hashAdd(hashAdd(hashStart(kind) ^ left, 0x2f) ^ Math.imul(right, 0x9e3779b1), 0x5c);
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function finish(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
