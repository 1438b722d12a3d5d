// Every word a person reads comes from public/_locales/<locale>/messages.json.
// Components take a Translate from context; the extension's pages and the
// content script provide one for the language the school chose (the `language`
// setting), and tests provide the same catalogues without a browser.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translateFrom, type Translate } from '@/lib/i18n/translate';

export { chooseLocale, languageTagFor, LOCALES, messageKeyFor, pickMessages, translateFrom, type Catalogue, type Locale, type MessageEntry, type Translate } from '@/lib/i18n/translate';

// With no provider every key shows as itself: a gap is visible, never blank.
export const I18n = createContext<Translate>(translateFrom({}));
export const useT = () => useContext(I18n);

/**
 * browser.i18n.getMessage as a Translate: the browser's own pick among the
 * packaged locales (English unless the browser itself is set to a language we
 * have). Used only until our own catalogue for the chosen language is known.
 */
export function browserTranslate(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  const lookUp = (key: string, substitutions?: readonly (string | number)[]) => getMessage(key, substitutions?.map(String)) || key;
  return Object.assign(lookUp, {
    plural: (key: string, count: number, substitutions: readonly (string | number)[] = []) =>
      lookUp(getMessage(`${key}_${count === 1 ? 'one' : 'other'}`) ? `${key}_${count === 1 ? 'one' : 'other'}` : `${key}_other`, [count, ...substitutions]),
    has: (key: string) => getMessage(key) !== '',
    locale: 'en_GB' as const,
  });
}

/**
 * A message with a link (or other element) inside it: the translation keeps the
 * words around the link in its own order. `$1` in the message marks where it goes.
 */
export function splitAround(t: Translate, key: string, substitutions: readonly (string | number)[] = []): [string, string] {
  const marker = '\u0000';
  const [before, after = ''] = t(key, [marker, ...substitutions]).split(marker);
  return [before, after];
}
