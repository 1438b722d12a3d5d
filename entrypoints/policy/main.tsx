import { render } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
// The school's text exactly as it wrote it; Vite inlines the file at build time.
import schoolPolicyText from '@/rules/policy/social-media-policy.txt?raw';
import { parsePolicy, type PolicySection } from '@/lib/policy/parse-policy';
import { useT } from '@/components/i18n';
import { LocalisedPage } from '@/components/page-language';
import { pageLanguage } from '@/settings/browser-port';

// The packaged copy of the school's policy, one anchor per section, so a
// warning can link straight to policy.html#objective-5. The text is the
// school's own, in the language it was written in; only the layout and the
// words around it are ours, in the language the school chose.

function Section({ section }: { section: PolicySection }) {
  const t = useT();
  // "Objective 5" becomes "Amcan 5": the number is the school's, the word is ours.
  const [kind, number] = section.id.split('-');
  return (
    <section class="policy-section" id={section.id} aria-labelledby={`${section.id}-title`}>
      <h3 id={`${section.id}-title`}>{t(`policy_${kind}_title`, [number])}</h3>
      <p lang="en-GB">{section.text}</p>
    </section>
  );
}

function PolicyPage() {
  const t = useT();
  const policy = parsePolicy(schoolPolicyText);
  const objectives = policy.sections.filter((s) => s.id.startsWith('objective'));
  const strategies = policy.sections.filter((s) => s.id.startsWith('strategy'));
  const title = policy.title.charAt(0) + policy.title.slice(1).toLowerCase();
  document.title = t('policy_page_title', [title]);
  // The page is rendered once its language is known, so the browser's own jump to #objective-5 had nothing to find yet.
  useLayoutEffect(() => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    target?.scrollIntoView();
  }, []);
  return (
    <>
      <h1 lang="en-GB">{title}</h1>
      <p class="lead">{t('policy_lead')}</p>
      {t.locale !== 'en_GB' && <p class="lead">{t('policy_in_english')}</p>}
      <h2>{t('policy_overview')}</h2>
      {policy.overview.map((paragraph) => (
        <p key={paragraph} lang="en-GB">
          {paragraph}
        </p>
      ))}
      <h2 id="objectives">{t('policy_objectives')}</h2>
      {objectives.map((s) => (
        <Section key={s.id} section={s} />
      ))}
      <h2 id="strategies">{t('policy_strategies')}</h2>
      {strategies.map((s) => (
        <Section key={s.id} section={s} />
      ))}
      <div class="closing" lang="en-GB">
        {policy.closing.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </>
  );
}

render(
  <LocalisedPage {...pageLanguage}>
    <PolicyPage />
  </LocalisedPage>,
  document.getElementById('app')!,
);
