import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRosterKey, hashLengthFor, hashNameForm, hashRoster, hashRosterVersion1, nameForms } from '../../lib/names/roster-hash';

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

describe('hashLengthFor', () => {
  it('keeps just enough of each hash that a chance match stays below the rate', () => {
    expect(hashLengthFor(30, 1e-4)).toBe(4); // 24 bits: 30 / 2^24 ≈ 2e-6
    expect(hashLengthFor(600, 1e-4)).toBe(4); // 600 / 2^24 ≈ 3.6e-5
    expect(hashLengthFor(3000, 1e-4)).toBe(5); // 3000 / 2^24 would be 1.8e-4; 2^30 gives 2.8e-6
    expect(hashLengthFor(300, 1e-6)).toBe(5);
    expect(hashLengthFor(2000, 1e-6)).toBe(6);
    for (const count of [1, 10, 100, 1000, 10_000]) {
      for (const rate of [1e-4, 1e-6]) expect(count / 2 ** (6 * hashLengthFor(count, rate))).toBeLessThanOrEqual(rate);
    }
  });
});

describe('hashRoster (version 2)', () => {
  const roster = hashRoster(['Tamsin Okoro', 'Zoë Wiśniewski', 'Zoe Wisniewski', 'Tamsin Bell', 'María José de la Cruz'], KEY);
  const cut = (form: string, list: string[]) => nodeHash(KEY, form).slice(0, list[0].length);

  it('holds first names, given–surname pairs and initials, cut short, and never a surname alone', () => {
    expect(roster.version).toBe(2);
    expect(roster.key).toBe(KEY);
    expect(roster.pupils).toBe(5);
    expect(roster.surnames).toBeUndefined();
    expect(roster.firstNames).toContain(cut('tamsin', roster.firstNames));
    expect(roster.firstNames).toContain(cut('mariajose', roster.firstNames));
    for (const pair of ['tamsin okoro', 'maria delacruz', 'maria cruz', 'mariajose delacruz', 'mariajose cruz']) {
      expect(roster.fullNames).toContain(cut(pair, roster.fullNames));
    }
    expect(roster.firstInitials).toContain(cut('tamsin o', roster.firstInitials));
    expect(roster.fullNames).not.toContain(cut('okoro', roster.fullNames));
    // A small roster needs few characters: 4 first names / 2^24 is far below one in a million.
    expect(roster.firstNames[0]).toHaveLength(4);
    expect(roster.fullNames[0]).toHaveLength(4);
  });

  it('de-duplicates and sorts, so order and shared names do not show', () => {
    expect(roster.firstNames).toHaveLength(4); // tamsin, zoe (once), maria, mariajose
    for (const list of [roster.firstNames, roster.fullNames, roster.firstInitials]) {
      expect(list).toEqual([...list].sort());
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('contains no name in plaintext', () => {
    const text = JSON.stringify(roster).toLowerCase();
    for (const word of ['tamsin', 'okoro', 'zoe', 'wisniewski', 'bell', 'maria', 'cruz']) expect(text).not.toContain(word);
  });

  it('makes a fresh key when none is given', () => {
    const a = hashRoster(['Tamsin Okoro']);
    const b = hashRoster(['Tamsin Okoro']);
    expect(a.key).not.toBe(b.key);
    expect(a.fullNames).not.toEqual(b.fullNames);
  });
});

describe('hashRosterVersion1 (what older admin tools wrote)', () => {
  const roster = hashRosterVersion1(['Tamsin Okoro', 'Zoë Wiśniewski', 'Zoe Wisniewski', 'Tamsin Bell'], KEY);

  it('holds every half whole, surnames included', () => {
    expect(roster.version).toBe(1);
    expect(roster.firstNames).toContain(nodeHash(KEY, 'tamsin'));
    expect(roster.fullNames).toContain(nodeHash(KEY, 'tamsin okoro'));
    expect(roster.firstInitials).toContain(nodeHash(KEY, 'tamsin o'));
    expect(roster.surnames).toContain(nodeHash(KEY, 'wisniewski'));
    expect(roster.firstNames).toHaveLength(2);
    expect(roster.fullNames).toHaveLength(3);
  });
});
