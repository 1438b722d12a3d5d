// The extension's own pages (options, popup, policy, help) in the language the
// school chose. browser.i18n.getMessage cannot switch language at run time (the
// browser picks a locale once, from its own language, and Chrome has no Welsh
// interface), so the page reads the `language` setting and loads that locale's
// messages.json itself, with English beneath for any key it lacks.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { chooseLocale, I18n, languageTagFor, translateFrom, type Locale, type Translate } from '@/components/i18n';
import { layerSettings } from '@/settings/page-view';
import type { PageLanguageDeps } from '@/settings/port';

/** The translator for the page, once its language is known; it changes when the setting does. */
export function usePageLanguage({ port, loadCatalogue, browserLanguages }: PageLanguageDeps): Translate | undefined {
  const [t, setT] = useState<Translate | undefined>(undefined);
  useEffect(() => {
    let current = true;
    let shown: Locale | undefined;
    const look = async () => {
      const stored = await port.read();
      const locale = chooseLocale(layerSettings(stored.managed, stored.local).values.language, browserLanguages());
      if (locale === shown) return;
      let translate: Translate;
      try {
        const [english, own] = await Promise.all([loadCatalogue('en_GB'), locale === 'en_GB' ? Promise.resolve({}) : loadCatalogue(locale)]);
        translate = translateFrom(own, locale, english);
      } catch (error) {
        // English is packaged with the page's own code path too; a page in English beats a blank one.
        console.error(`Second Thought: the ${locale} messages could not be read:`, error);
        if (shown) return;
        translate = translateFrom(await loadCatalogue('en_GB').catch(() => ({})), 'en_GB');
      }
      if (!current) return;
      shown = translate.locale;
      document.documentElement.lang = languageTagFor(translate.locale);
      setT(() => translate);
    };
    void look();
    const stop = port.watch(() => void look());
    return () => {
      current = false;
      stop();
    };
  }, [port]);
  return t;
}

/** Renders `children` in the page's language, and nothing until it is known (a moment, from a packaged file). */
export function LocalisedPage(props: PageLanguageDeps & { children: ComponentChildren }) {
  const t = usePageLanguage(props);
  return t ? <I18n.Provider value={t}>{props.children}</I18n.Provider> : null;
}
