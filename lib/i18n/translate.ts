// Messages in the browsers' own format (public/_locales/<locale>/messages.json),
// read by our code rather than by browser.i18n.getMessage: the browser picks a
// locale once, from its own language, and a school chooses the language by
// policy (the `language` setting). Pure, so the engine, the pages and the
// tests all read messages the same way.

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, MessageEntry>;

/** The languages the extension's own words come in. en_GB is complete; the others fall back to it, key by key. */
export const LOCALES = ['en_GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en_GB';

export interface Translate {
  /** The message for `key` with $1…$9 filled in; the key itself when there is no such message, so a gap shows rather than a blank. */
  (key: string, substitutions?: readonly (string | number)[]): string;
  /**
   * The form of `key` for `count` under this language's plural rules: key_zero,
   * key_one, key_two, key_few or key_many where the language has that form and the
   * catalogue gives it, otherwise key_other. The count is $1; `substitutions` follow as $2….
   */
  plural(key: string, count: number, substitutions?: readonly (string | number)[]): string;
  has(key: string): boolean;
  readonly locale: Locale;
}

/** A BCP 47 tag, for Intl and for a page's lang attribute ("en-GB", "cy"). */
export const languageTagFor = (locale: Locale) => locale.replace('_', '-');

/** Chrome's rules: named $placeholders$ become their content, then $1…$9 the substitutions, and $$ a dollar. */
function fill(entry: MessageEntry, substitutions: readonly (string | number)[]): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
    .replace(/\$(\$|[1-9])/g, (_whole, which: string) => (which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? '')));
}

/**
 * A translator over `messages`, with `fallback` (the English) for any key the
 * language has not got yet. Keys are matched without regard to case, as browsers do.
 */
export function translateFrom(messages: Catalogue, locale: Locale = DEFAULT_LOCALE, fallback: Catalogue = {}): Translate {
  const entries = new Map<string, MessageEntry>();
  for (const source of [fallback, messages]) for (const [key, entry] of Object.entries(source)) entries.set(key.toLowerCase(), entry);
  const rules = new Intl.PluralRules(languageTagFor(locale));
  const translate = (key: string, substitutions: readonly (string | number)[] = []) => {
    const entry = entries.get(key.toLowerCase());
    return entry ? fill(entry, substitutions) : key;
  };
  return Object.assign(translate, {
    plural(key: string, count: number, substitutions: readonly (string | number)[] = []) {
      // English says "0 things": an exact 0 has its own message only where the catalogue gives one.
      const forms = count === 0 ? ['zero', rules.select(count), 'other'] : [rules.select(count), 'other'];
      const form = forms.find((name) => entries.has(`${key}_${name}`.toLowerCase())) ?? 'other';
      return translate(`${key}_${form}`, [count, ...substitutions]);
    },
    has: (key: string) => entries.has(key.toLowerCase()),
    locale,
  });
}

/** Message keys allow only letters, digits, _ and @: "pupil-name" becomes "category_pupil_name". */
export const messageKeyFor = (prefix: string, id: string) => `${prefix}_${id.replace(/[^A-Za-z0-9_@]/g, '_')}`;

/** Only keys with these beginnings, e.g. the nudge's own words out of the whole catalogue. */
export function pickMessages(catalogue: Catalogue, prefixes: readonly string[]): Catalogue {
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}

/**
 * The language to show. `choice` is the school's or the person's setting; with
 * 'browser' (the default) the browser's own language decides, then the person's
 * preferred languages, and English when none of them is one we have.
 */
export function chooseLocale(choice: string | undefined, browserLanguages: readonly string[]): Locale {
  if (choice === 'cy' || choice === 'en_GB') return choice;
  for (const tag of browserLanguages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'cy') return 'cy';
    if (language === 'en') return 'en_GB';
  }
  return DEFAULT_LOCALE;
}
