import { render } from 'preact';
import { browserPopupPort, getMessage } from '@/components/settings/browser-port';
import { browserTranslate, I18n } from '@/components/settings/i18n';
import { Popup } from '@/components/settings/Popup';
import { BUILT_IN_SITES } from '@/utils/sites';
import '@/components/settings/settings.css';

render(
  <I18n.Provider value={browserTranslate(getMessage)}>
    <Popup port={browserPopupPort} builtInSites={BUILT_IN_SITES} />
  </I18n.Provider>,
  document.getElementById('app')!,
);
