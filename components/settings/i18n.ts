// Every word on the options page and popup comes from public/_locales/en_GB/messages.json
// through browser.i18n. Components take a Translate function from context, so
// tests can give them the same messages without a browser.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Translate = (message: string, substitutions?: readonly (string | number)[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const I18n = createContext<Translate>((message) => message);
export const useT = () => useContext(I18n);

/** Chrome's rules: named $placeholders$ become their content, then $1…$9 the substitutions, and $$ a dollar. */
export function translateFrom(messages: Record<string, MessageEntry>): Translate {
  const lowerCased = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key, substitutions = []) => {
    const entry = lowerCased.get(key.toLowerCase());
    if (!entry) return key;
    const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
    return entry.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
      .replace(/\$(\$|[1-9])/g, (_whole, which: string) => (which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? '')));
  };
}

/** browser.i18n.getMessage, falling back to the key so a missing message is visible rather than blank. */
export function browserTranslate(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  return (key, substitutions) => getMessage(key, substitutions?.map(String)) || key;
}

/** Message keys allow only letters, digits, _ and @: "pupil-name" becomes "category_pupil_name". */
export const messageKeyFor = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '_')}`;
