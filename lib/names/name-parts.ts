// How a pupil's name is built, and every form of it the engine matches.
//
// UK rolls hold names of many shapes: particles ("Ní Bhriain", "van der Berg",
// "de la Cruz", "al-Hassan", "binti Rahman", "ap Rhys"), double given names
// ("Mary Kate", "Thi Hoa", "María José"), compound and hyphenated surnames
// ("García Márquez", "Lloyd-Davies") and surname-first order ("Nguyen Thi Hoa").
// A name is split into its given part and its surname part once, here, and
// both the plaintext and the hashed roster are built from that split, so they
// always match the same forms.
//
// Forms are keys joined without spaces ("de la Cruz" → "delacruz"), so a
// surname matches however it is spaced or hyphenated ("Lloyd Davies",
// "Lloyd-Davies", "lloyddavies") and inside handles ("@mariajosedelacruz").
// Which forms count, and why, is set out in docs/admin.md ("Which forms of a
// name count").

import { nameKey } from './name-key';

/**
 * Particles that start a surname and may be left out when the name is written
 * short: "María de la Cruz" is also "María Cruz", "Ahmed al-Hassan" is "Ahmed
 * Hassan", "Daan van der Berg" is "Daan Berg".
 */
const DROPPABLE_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'ter', 'ten', 'te', 'de', 'del', 'della', 'dei', 'di', 'da', 'das', 'do', 'dos', 'du', 'la',
  'le', 'les', 'lo', 'y', 'e', 'zu', 'af', 'bin', 'binti', 'binte', 'bint', 'ibn', 'al', 'el', 'ul', 'ap', 'ab', 'ferch', 'verch',
]);

/**
 * Gaelic particles are part of the surname itself: "Ní Bhriain" is never
 * "Bhriain", and "Ó Súilleabháin" is written "O'Súilleabháin" or
 * "OSuilleabhain" as often as with a space. They are kept, joined on.
 */
const KEPT_PARTICLES = new Set(['mac', 'mc', 'nic', 'ni', 'o', 'ua', 'ui', 'mhic', 'bean']);

/** Arabic and Hebrew articles written with a hyphen: "al-Hassan", "El-Amin". */
const HYPHENATED_ARTICLE = /^(al|el|ul|ad|ar|as|at|az|ash|ben|bin)[-‐‑]/i;

/**
 * Vietnamese middle words that open a double given name ("Thi Hoa", "Van An")
 * but never stand for the person alone: "Thi" on its own is not Hoa.
 */
export const NEVER_ALONE_GIVEN = new Set(['thi', 'van']);

export function isParticle(key: string): boolean {
  return DROPPABLE_PARTICLES.has(key) || KEPT_PARTICLES.has(key);
}

export function isDroppableParticle(key: string): boolean {
  return DROPPABLE_PARTICLES.has(key);
}

/** A pupil's name split into the words of its given part and of its surname, as written. */
export interface NameParts {
  given: string[];
  surname: string[];
}

/**
 * "María José de la Cruz" → given ["María", "José"], surname ["de", "la", "Cruz"].
 * "García Márquez, Lucía" (surname first, with a comma, as SIMS writes it and as
 * the admin tool writes names whose split a space cannot show) → given
 * ["Lucía"], surname ["García", "Márquez"].
 *
 * Without a comma, the surname is the last word and any particles before it,
 * so "Gabriel García Márquez" reads "García" as a second given name: give
 * separate Forename and Surname columns (or the comma form) for such names.
 */
export function parseName(written: string): NameParts | undefined {
  const text = written.normalize('NFC').trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma > 0) {
    const surname = words(text.slice(0, comma));
    const given = words(text.slice(comma + 1));
    if (surname.length > 0 && given.length > 0) return { given, surname };
  }
  const all = words(text.replace(/,/g, ' '));
  if (all.length === 0) return undefined;
  if (all.length === 1) return { given: all, surname: [] };
  let start = all.length - 1;
  while (start > 1 && isParticle(nameKey(all[start - 1]))) start--;
  return { given: all.slice(0, start), surname: all.slice(start) };
}

function words(text: string): string[] {
  return text.split(' ').filter((word) => nameKey(word).length > 0);
}

/** Written back in the order parseName reads without a comma, or with one where order alone would read it differently. */
export function formatName(parts: NameParts): string {
  const plain = [...parts.given, ...parts.surname].join(' ');
  const reread = parseName(plain);
  const same = reread && reread.given.length === parts.given.length && reread.surname.length === parts.surname.length;
  return same ? plain : `${parts.surname.join(' ')}, ${parts.given.join(' ')}`;
}

/** The forms of one name, as normalised keys. */
export interface NameFormSet {
  /** Keys that stand for the pupil alone where the context makes them a person: "siobhan", "marykate", "thihoa". */
  firstNames: string[];
  /** "given surname" pairs: "mariajose delacruz", "maria cruz", "tom lloyd". */
  fullNames: string[];
  /** "given initial": "maria c", "maria d". */
  firstInitials: string[];
}

/**
 * Every form the engine can match for one name. A single word gives only a
 * first name. Forms are de-duplicated; their order carries no meaning.
 */
export function nameFormSet(written: string | NameParts): NameFormSet {
  const parts = typeof written === 'string' ? parseName(written) : written;
  if (!parts || parts.given.length === 0) return { firstNames: [], fullNames: [], firstInitials: [] };
  const given = givenKeys(parts.given);
  const surnames = surnameKeys(parts.surname);
  const fullNames = new Set<string>();
  const firstInitials = new Set<string>();
  for (const g of given.pairing) {
    for (const s of surnames) {
      fullNames.add(`${g} ${s}`);
      firstInitials.add(`${g} ${s[0]}`);
    }
  }
  return { firstNames: given.firstNames, fullNames: [...fullNames], firstInitials: [...firstInitials] };
}

/**
 * The given part's keys. "Ji-woo" → "jiwoo", and "ji" as friends may write it;
 * "Mary Kate" → "mary", "marykate"; "Thi Hoa" → "thi" (only to start the
 * double name), "thihoa".
 */
function givenKeys(given: string[]): { firstNames: string[]; pairing: string[] } {
  const keys = given.map(nameKey);
  const first = keys[0];
  const forms = new Set<string>([first]);
  const hyphenParts = given[0].split(/[-‐‑]/).map(nameKey).filter(Boolean);
  if (hyphenParts.length > 1 && hyphenParts[0].length >= 2) forms.add(hyphenParts[0]);
  if (keys.length > 1) forms.add(keys.join(''));
  const firstNames = [...forms];
  const pairing = firstNames.filter((key) => !NEVER_ALONE_GIVEN.has(key));
  return { firstNames, pairing };
}

/**
 * The surname's keys: all of it joined ("delacruz", "nibhriain", "lloyddavies"),
 * without its droppable particles ("cruz", "hassan"), and for a compound or
 * double-barrelled surname each end on its own ("garcia", "marquez"), because
 * such names are often shortened to one part.
 */
function surnameKeys(surname: string[]): string[] {
  if (surname.length === 0) return [];
  const pieces = surname.flatMap((word) => {
    // "al-Hassan": the article is a particle of its own.
    const article = HYPHENATED_ARTICLE.exec(word);
    return article ? [article[1], word.slice(article[0].length)] : [word];
  });
  const keys = pieces.map(nameKey).filter(Boolean);
  const forms = new Set<string>([keys.join('')]);
  let core = keys;
  while (core.length > 1 && DROPPABLE_PARTICLES.has(core[0])) core = core.slice(1);
  // Only drop particles at the start: "Dos Santos e Silva" keeps its inner "e".
  forms.add(core.join(''));
  const coreParts = pieces
    .slice(pieces.length - core.length)
    .flatMap((word) => word.split(/[-‐‑]/))
    .map(nameKey)
    .filter((key) => key.length > 0 && !isParticle(key));
  if (coreParts.length > 1) {
    forms.add(coreParts[0]);
    forms.add(coreParts[coreParts.length - 1]);
  }
  forms.delete('');
  return [...forms];
}
