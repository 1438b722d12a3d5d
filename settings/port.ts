// What the options page and popup need from the browser, as an interface, so
// the components run in happy-dom tests with a fake and in the extension with
// browser-port.ts.

import type { Catalogue, Locale } from '@/lib/i18n/translate';

export interface StoredSettings {
  /** storage.managed, as the browser gives it (unchecked). */
  managed: unknown;
  /** Settings made on this device. */
  local: Record<string, unknown>;
}

export interface SettingsPort {
  read(): Promise<StoredSettings>;
  writeLocal(local: Record<string, unknown>): Promise<void>;
  /** Calls back when managed or local settings change; returns a function that stops watching. */
  watch(onChange: () => void): () => void;
  /** Of these match patterns, the ones Second Thought may already check posts on. */
  siteAccess?(patterns: string[]): Promise<string[]>;
  /**
   * Asks the person, in the browser's own prompt, to let Second Thought check
   * posts on these sites. Browsers allow this only during a click.
   */
  requestSiteAccess?(patterns: string[]): Promise<boolean>;
  /** Counts "this warning is wrong" from a tried post, as the background does from a site. */
  recordSaidWrong?(categories: string[]): Promise<void>;
}

export interface PopupPort extends SettingsPort {
  /** The address of the tab the popup was opened over (activeTab), if any. */
  activeTabUrl(): Promise<string | undefined>;
  /** Stored nudge counts (see ./nudge-counts.ts), unchecked. */
  nudgeCounts(): Promise<unknown>;
  /** Stored counts of warnings people said were wrong, the same shape. */
  saidWrongCounts?(): Promise<unknown>;
  openOptions(): void;
  /** Opens the pupils' help page ("What is Second Thought?"). */
  openHelp?(): void;
  /** The extension's own copy of the policy, for when the school gave no address. */
  builtInPolicyUrl: string;
}

/** What a page needs to speak the school's language (components/page-language.tsx). */
export interface PageLanguageDeps {
  port: Pick<SettingsPort, 'read' | 'watch'>;
  /** A locale's messages.json, as packaged. */
  loadCatalogue(locale: Locale): Promise<Catalogue>;
  /** The browser's language, then the person's preferred ones. */
  browserLanguages(): readonly string[];
}
