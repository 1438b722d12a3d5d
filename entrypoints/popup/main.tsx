import { render } from 'preact';
import { browserPopupPort, pageLanguage } from '@/settings/browser-port';
import { LocalisedPage } from '@/components/page-language';
import { Popup } from '@/components/settings/Popup';
import { BUILT_IN_SITES } from '@/utils/sites';
import '@/components/settings/settings.css';

render(
  <LocalisedPage {...pageLanguage}>
    <Popup port={browserPopupPort} builtInSites={BUILT_IN_SITES} />
  </LocalisedPage>,
  document.getElementById('app')!,
);
