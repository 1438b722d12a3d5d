// "What is Second Thought?": a short page for pupils, linked from the popup and
// from every nudge. What it is, what it does not do, and who to talk to. It
// must stay true: every "does not" here is a promise the code keeps.

import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/i18n';
import { nationalSupportLines, supportLinesFrom } from '@/components/nudge/copy';
import { SupportList } from '@/components/nudge/SupportList';
import { layerSettings, type SettingsView } from '@/settings/page-view';
import type { SettingsPort } from '@/settings/port';
import { supportContactFrom } from '@/settings/layers';

export function HelpPage({ port, builtInPolicyUrl }: { port: Pick<SettingsPort, 'read' | 'watch'>; builtInPolicyUrl: string }) {
  const t = useT();
  const [view, setView] = useState<SettingsView | undefined>(undefined);
  useEffect(() => {
    const load = () => void port.read().then((stored) => setView(layerSettings(stored.managed, stored.local)));
    load();
    return port.watch(load);
  }, [port]);
  if (!view) return <p role="status">{t('loading')}</p>;

  const role = view.values.role;
  const people = [...supportLinesFrom(view.values.supportContacts.map(supportContactFrom)), ...nationalSupportLines(role, t)];
  const never = ['help_does_not_read', 'help_does_not_tell', 'help_does_not_keep'];
  return (
    <main class="help">
      <h1>{t('help_title')}</h1>
      <p class="lead">{t('help_intro')}</p>

      <section aria-labelledby="help-does">
        <h2 id="help-does">{t('help_does_heading')}</h2>
        <ul>
          <li>{t('help_does_check')}</li>
          <li>{t('help_does_choose')}</li>
          <li>{t('help_does_support')}</li>
        </ul>
      </section>

      <section aria-labelledby="help-does-not">
        <h2 id="help-does-not">{t('help_does_not_heading')}</h2>
        <ul>
          {never.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="help-wrong">
        <h2 id="help-wrong">{t('help_wrong_heading')}</h2>
        <p>{t('help_wrong')}</p>
      </section>

      <section aria-labelledby="help-talk" class="support">
        <h2 id="help-talk">{t('help_talk_heading')}</h2>
        <p>{t(role === 'staff' ? 'help_talk_intro_staff' : 'help_talk_intro_pupil')}</p>
        <SupportList lines={people} />
        <p>{t('nudge_support_danger')}</p>
      </section>

      <p>
        <a href={view.values.policyUrl ?? builtInPolicyUrl} target="_blank" rel="noopener">
          {t('help_policy_link')}
        </a>
      </p>
    </main>
  );
}
