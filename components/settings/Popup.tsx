// The popup: is Second Thought active on this tab's site and why, who set it
// up and for whom, this week's counts on this device (numbers only: notes shown,
// and notes someone said were wrong), the pupils' help page and the policy.

import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/types';
import { messageKeyFor, useT } from '@/components/i18n';
import { layerSettings, type SettingsView } from '@/settings/page-view';
import { countsThisWeek } from '@/settings/nudge-counts';
import type { PopupPort } from '@/settings/port';
import { siteStatus, type BuiltInSite, type SiteStatus } from '@/settings/site-status';
import { useSitesWaiting } from './site-access';
import { describeProblem } from '@/settings/admin-settings';

// The popup is small: the first few problems, and the settings page for the rest.
const REJECTED_SHOWN = 3;

interface PopupState {
  view: SettingsView;
  status: SiteStatus;
  counts: ReturnType<typeof countsThisWeek>;
  saidWrong: ReturnType<typeof countsThisWeek>;
}

export function Popup({ port, builtInSites }: { port: PopupPort; builtInSites: readonly BuiltInSite[] }) {
  const t = useT();
  const [state, setState] = useState<PopupState | undefined>(undefined);
  const schoolSites = state && state.view.sources.extraSites === 'managed' ? state.view.values.extraSites : [];
  const waiting = useSitesWaiting(schoolSites, port);

  useEffect(() => {
    const load = async () => {
      const [stored, url, counts, saidWrong] = await Promise.all([port.read(), port.activeTabUrl(), port.nudgeCounts(), port.saidWrongCounts?.()]);
      const view = layerSettings(stored.managed, stored.local);
      setState({ view, status: siteStatus(url, view, builtInSites), counts: countsThisWeek(counts), saidWrong: countsThisWeek(saidWrong) });
    };
    void load();
    return port.watch(() => void load());
  }, [port]);

  if (!state) return <p role="status">{t('loading')}</p>;
  const { view, status, counts, saidWrong } = state;
  const siteName = 'siteId' in status && status.siteId ? t(messageKeyFor('site', status.siteId)) : 'host' in status ? status.host : '';
  const counted = CATEGORIES.filter((category) => counts[category] || saidWrong[category]);
  const policyHref = view.values.policyUrl ?? port.builtInPolicyUrl;

  return (
    <main class="popup">
      <h1>{t('extension_name')}</h1>
      <p class={`site-status ${status.active ? 'active' : 'inactive'}`}>
        <strong>{status.active ? t('popup_active', [siteName]) : status.reason === 'not-a-website' ? t('popup_not_a_website') : t('popup_inactive', [siteName])}</strong>
        <br />
        {t(messageKeyFor('popup_reason', status.reason))}
      </p>
      <p class="configured-by">{t(`popup_setup_${view.managedBySchool ? 'school' : 'device'}_${view.values.role}`)}</p>
      <SchoolProblems view={view} waiting={waiting} />

      <h2>{t('popup_counts_heading')}</h2>
      {counted.length === 0 ? (
        <p>{t('popup_counts_none')}</p>
      ) : (
        <table class="counts">
          <caption class="visually-hidden">{t('popup_counts_heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('popup_counts_kind')}</th>
              <th scope="col">{t('popup_counts_shown')}</th>
              <th scope="col">{t('popup_counts_said_wrong')}</th>
            </tr>
          </thead>
          <tbody>
            {counted.map((category) => (
              <tr key={category}>
                <th scope="row">{t(messageKeyFor('category', category))}</th>
                <td>{counts[category] ?? 0}</td>
                <td>{saidWrong[category] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t('popup_counts_private')}</p>

      <nav class="links" aria-label={t('popup_links_label')}>
        {port.openHelp && (
          <button type="button" class="link" onClick={() => port.openHelp!()}>
            {t('popup_help_link')}
          </button>
        )}
        <a href={policyHref} target="_blank" rel="noopener">
          {t('popup_policy_link')}
        </a>
        <button type="button" class="link" onClick={() => port.openOptions()}>
          {view.lockedBySchool ? t('popup_options_view') : t('popup_options_link')}
        </button>
      </nav>
    </main>
  );
}

/** In the "Set by your school" area: the school's settings that could not be used, and sites waiting for permission. */
function SchoolProblems({ view, waiting }: { view: SettingsView; waiting: string[] }) {
  const t = useT();
  const rejected = view.rejected.filter((entry) => entry.source === 'managed');
  return (
    <>
      {rejected.length > 0 && (
        <section class="rejected" aria-labelledby="popup-rejected-heading">
          <p id="popup-rejected-heading">{t('popup_rejected_heading')}</p>
          <ul>
            {rejected.slice(0, REJECTED_SHOWN).map((entry, index) => (
              <li key={index}>{t('rejected_entry', [t(messageKeyFor('setting', entry.key)), t('rejected_from_school'), describeProblem(entry.reason, t)])}</li>
            ))}
          </ul>
          {rejected.length > REJECTED_SHOWN && <p>{t('popup_rejected_more', [rejected.length - REJECTED_SHOWN])}</p>}
        </section>
      )}
      {waiting.length > 0 && <p class="site-access">{t('popup_sites_need_permission')}</p>}
    </>
  );
}
