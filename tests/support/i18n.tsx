// The extension's own catalogues, as the pages and the nudge get them, for
// component tests: English, and Welsh with English beneath (as the extension loads it).
import type { ComponentChildren } from 'preact';
import english from '../../public/_locales/en_GB/messages.json';
import welsh from '../../public/_locales/cy/messages.json';
import { I18n, translateFrom, type Catalogue, type Translate } from '@/components/i18n';

export const EN_MESSAGES = english as Catalogue;
export const CY_MESSAGES = welsh as Catalogue;
export const EN: Translate = translateFrom(EN_MESSAGES, 'en_GB');
export const CY: Translate = translateFrom(CY_MESSAGES, 'cy', EN_MESSAGES);

export function InLanguage({ t = EN, children }: { t?: Translate; children: ComponentChildren }) {
  return <I18n.Provider value={t}>{children}</I18n.Provider>;
}
