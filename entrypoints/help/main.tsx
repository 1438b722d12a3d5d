import { render } from 'preact';
import { browserSettingsPort, extensionUrl, pageLanguage } from '@/settings/browser-port';
import { HelpPage } from '@/components/help/HelpPage';
import { LocalisedPage } from '@/components/page-language';
import { useT } from '@/components/i18n';
import '@/components/settings/settings.css';

function Titled() {
  const t = useT();
  document.title = t('help_title');
  return <HelpPage port={browserSettingsPort} builtInPolicyUrl={extensionUrl('/policy.html')} />;
}

render(
  <LocalisedPage {...pageLanguage}>
    <Titled />
  </LocalisedPage>,
  document.getElementById('app')!,
);
