import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRosterKey, extraFullForms, hashNameForm, hashRoster, nameForms } from '../../lib/names/roster-hash';

const KEY = Buffer.alloc(32, 7).toString('base64');

function nodeHash(key: string, form: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64')).update(form, 'utf8').digest().subarray(0, 16).toString('base64url');
}

describe('hashNameForm', () => {
  it('is HMAC-SHA-256 under the school key, cut to 16 bytes, base64url', () => {
    for (const form of ['tamsin', 'tamsin okoro', 'tamsin o', 'okoro', 'zoë']) {
      expect(hashNameForm(KEY, form)).toBe(nodeHash(KEY, form));
    }
    expect(hashNameForm(KEY, 'tamsin')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives the same answer every time for one key (the prepared state is not used up)', () => {
    const once = hashNameForm(KEY, 'okoro');
    hashNameForm(KEY, 'something else');
    expect(hashNameForm(KEY, 'okoro')).toBe(once);
  });

  it('gives different hashes under different keys', () => {
    expect(hashNameForm(createRosterKey(), 'tamsin')).not.toBe(hashNameForm(KEY, 'tamsin'));
  });

  it('refuses a key that is not base64 or is too short', () => {
    expect(() => hashNameForm('not base64 at all!', 'x')).toThrow(/base64/);
    expect(() => hashNameForm('c2hvcnQ=', 'x')).toThrow(/too short/);
  });
});

describe('createRosterKey', () => {
  it('makes 32 fresh random bytes each time', () => {
    const key = createRosterKey();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(createRosterKey()).not.toBe(key);
  });
});

describe('nameForms', () => {
  it('uses the first and last words and the shared name key', () => {
    expect(nameForms("  Zoë Anne O'Neill ")).toEqual({
      first: 'zoe',
      full: 'zoe oneill',
      firstInitial: 'zoe o',
      surname: 'oneill',
    });
    expect(nameForms('Cher')).toEqual({ first: 'cher' });
    expect(nameForms('   ')).toBeUndefined();
  });
});

describe('extraFullForms', () => {
  it('adds the first part of a hyphenated first name with the surname', () => {
    expect(extraFullForms('Ji-woo Park')).toEqual(['ji park']);
    expect(extraFullForms('Tamsin Okoro')).toEqual([]);
    expect(extraFullForms('Zoë Anne O’Neill')).toEqual([]);
  });

  it('is hashed into the roster too', () => {
    expect(hashRoster(['Ji-woo Park'], KEY).fullNames).toEqual([nodeHash(KEY, 'ji park'), nodeHash(KEY, 'jiwoo park')].sort());
  });
});

describe('hashRoster', () => {
  const roster = hashRoster(['Tamsin Okoro', 'Zoë Wiśniewski', 'Zoe Wisniewski', 'Tamsin Bell'], KEY);

  it('holds every form the engine matches, hashed under the given key', () => {
    expect(roster.version).toBe(1);
    expect(roster.key).toBe(KEY);
    expect(roster.firstNames).toContain(nodeHash(KEY, 'tamsin'));
    expect(roster.fullNames).toContain(nodeHash(KEY, 'tamsin okoro'));
    expect(roster.firstInitials).toContain(nodeHash(KEY, 'tamsin o'));
    expect(roster.surnames).toContain(nodeHash(KEY, 'wisniewski'));
  });

  it('de-duplicates and sorts, so order and shared names do not show', () => {
    expect(roster.firstNames).toHaveLength(2);
    expect(roster.fullNames).toHaveLength(3);
    for (const list of [roster.firstNames, roster.fullNames, roster.firstInitials, roster.surnames]) {
      expect(list).toEqual([...list].sort());
    }
  });

  it('contains no name in plaintext', () => {
    const text = JSON.stringify(roster).toLowerCase();
    for (const word of ['tamsin', 'okoro', 'zoe', 'wisniewski', 'bell']) expect(text).not.toContain(word);
  });

  it('makes a fresh key when none is given', () => {
    const a = hashRoster(['Tamsin Okoro']);
    const b = hashRoster(['Tamsin Okoro']);
    expect(a.key).not.toBe(b.key);
    expect(a.fullNames).not.toEqual(b.fullNames);
  });
});
