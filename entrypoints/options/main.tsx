import { render } from 'preact';
import { browserSettingsPort, extensionUrl, pageLanguage } from '@/settings/browser-port';
import { useT } from '@/components/i18n';
import { LocalisedPage } from '@/components/page-language';
import { Options } from '@/components/settings/Options';
import type { CheckDraft } from '@/components/settings/TryPost';
import type { CheckTrace } from '@/lib/types';
import { loadPackagedClassifier } from '@/utils/classifier-file';
import { BUILT_IN_SITES } from '@/utils/sites';
import '@/components/settings/settings.css';

// The engine (with its language model) and the classifier's weights load only when someone
// first tries a post, so "Try a post" gives exactly the answer a real post would get.
let engine: Promise<{ check: typeof import('@/lib').check; classifier?: import('@/lib').ClassifierModel }> | undefined;
function loadEngine() {
  engine ??= import('@/lib').then(
    async ({ check }) => {
      try {
        return { check, classifier: await loadPackagedClassifier(extensionUrl) };
      } catch (error) {
        console.error('Second Thought: the classifier could not be loaded; trying posts with the rules alone:', error);
        return { check };
      }
    },
  );
  return engine;
}
const checkDraft: CheckDraft = async (text, config, role) => {
  const { check, classifier } = await loadEngine();
  // The trace says why, for the "Why?" under the outcome; without the classifier it has no scores.
  const trace: CheckTrace = { rules: [], classifier: [] };
  const findings = check(text, config, { role, classifier, trace });
  return { findings, trace, classifierUsed: classifier !== undefined };
};

function saveFile(name: string, contents: string) {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function OptionsPage() {
  const t = useT();
  document.title = t('options_title');
  return (
    <Options
      port={browserSettingsPort}
      builtInSites={BUILT_IN_SITES}
      checkDraft={checkDraft}
      policyUrl={(section) => extensionUrl(`/policy.html#${section}`)}
      helpUrl={extensionUrl('/help.html')}
      saveFile={saveFile}
    />
  );
}

render(
  <LocalisedPage {...pageLanguage}>
    <OptionsPage />
  </LocalisedPage>,
  document.getElementById('app')!,
);
