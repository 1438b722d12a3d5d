// The options page: every setting, checked as it is typed and saved as soon as
// it is valid. Settings the school set through policy are shown, locked, with
// the words "Set by your school".

import { useEffect, useMemo, useState } from 'preact/hooks';
import { hashRoster } from '@/lib/names/roster-hash';
import { CATEGORIES, POLICY_SECTION_IDS, type Category, type CheckConfig, type Finding, type Role } from '@/lib/types';
import { pupilNamesFromCsv } from '@/settings/roster-csv';
import { CATEGORY_MODES, describeProblem, LANGUAGE_CHOICES, type CategoryMode, type LanguageChoice } from '@/settings/admin-settings';
import { localiseFinding } from '@/lib/i18n/finding-messages';
import { matchPatternsFor, nudgeSettingsFor } from '@/settings/layers';
import { ListField, LockedNote, TextField } from './fields';
import { messageKeyFor, useT } from '@/components/i18n';
import { categoryMode, isLocked, layerSettings, settingsFromImport, withLocalChange, type EditableKey, type SettingsView } from '@/settings/page-view';
import type { SettingsPort } from '@/settings/port';
import type { BuiltInSite } from '@/settings/site-status';
import { TryPost, type CheckDraft } from './TryPost';
import { useSitesWaiting } from './site-access';
import { checkTimeLimit, fieldProblemText, nameList, optionalAnchor, optionalEmail, optionalHttpsUrl, pupilList, schoolNameList, siteHost, type FieldProblem } from '@/settings/field-checks';

export interface OptionsProps {
  port: SettingsPort;
  builtInSites: readonly BuiltInSite[];
  checkDraft: CheckDraft;
  /** The address of a policy section, for the links in a nudge. */
  policyUrl(section: string): string;
  /** Saves a file the person asked to export (a download in the browser). */
  saveFile(name: string, contents: string): void;
  /** The pupils' help page, linked from a tried post's nudge as from a real one. */
  helpUrl?: string;
}

/** The page's sections in order, each with its heading's id and title, for the list of contents at the top. */
const SECTIONS = [
  ['try-heading', 'section_try'],
  ['school-heading', 'section_school'],
  ['pupils-heading', 'section_pupils'],
  ['staff-heading', 'section_staff'],
  ['sites-heading', 'section_sites'],
  ['categories-heading', 'section_categories'],
  ['unchecked-heading', 'section_unchecked'],
  ['help-heading', 'section_help'],
  ['language-heading', 'section_language'],
  ['transfer-heading', 'section_transfer'],
] as const;

export function Options({ port, builtInSites, checkDraft, policyUrl, saveFile, helpUrl }: OptionsProps) {
  const t = useT();
  const [stored, setStored] = useState<{ managed: unknown; local: Record<string, unknown> } | undefined>(undefined);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const load = () => void port.read().then(setStored);
    load();
    return port.watch(load);
  }, [port]);

  const view = useMemo(() => (stored ? layerSettings(stored.managed, stored.local) : undefined), [stored]);
  if (!stored || !view) return <p role="status">{t('loading')}</p>;

  const locked = (key: EditableKey) => isLocked(view, key);
  const save = async (local: Record<string, unknown>, message = t('saved')) => {
    setStored({ ...stored, local });
    await port.writeLocal(local);
    setStatus(message);
  };
  const change = async (key: EditableKey, value: unknown) => {
    if (!locked(key)) await save(withLocalChange(stored.local, view, key, value));
  };
  const v = view.values;

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="lead">{t('options_intro')}</p>
      {view.managedBySchool && (
        <p class="banner" role="note">
          {view.lockedBySchool ? t('options_locked_banner') : t('options_managed_banner')}
        </p>
      )}
      <p class="save-status" role="status" aria-live="polite">
        {status}
      </p>
      <RejectedSettings view={view} />

      {/* A long page: a teacher finds a section here, and "Try a post" comes first. */}
      <nav class="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading">{t('options_contents')}</h2>
        <ol>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="try-heading">
        <h2 id="try-heading">{t('section_try')}</h2>
        <TryPost
          config={configFor(view)}
          role={v.role}
          isShown={(finding: Finding) => categoryMode(v.categories, finding.category, v.role) !== 'off'}
          checkDraft={checkDraft}
          policyUrl={policyUrl}
          nudgeSettings={(findings) => nudgeSettingsFor(v, findings)}
          localise={(findings) => findings.map((finding) => localiseFinding(finding, t, v.role))}
          helpUrl={helpUrl}
          onSaidWrong={port.recordSaidWrong ? (categories) => void port.recordSaidWrong!(categories) : undefined}
        />
      </section>


      <section aria-labelledby="school-heading">
        <h2 id="school-heading">{t('section_school')}</h2>
        <ListField
          id="school-names"
          label={t('school_names_label')}
          hint={t('school_names_hint')}
          locked={locked('schoolNames')}
          text={v.schoolNames.join('\n')}
          check={schoolNameList}
          onValid={(value) => change('schoolNames', value)}
        />
        <RoleField view={view} onChange={(role) => change('role', role)} />
        <TextField
          id="policy-url"
          type="url"
          label={t('policy_url_label')}
          hint={t('policy_url_hint')}
          locked={locked('policyUrl')}
          text={v.policyUrl ?? ''}
          check={optionalHttpsUrl}
          onValid={(value) => change('policyUrl', value)}
        />
        <details class="anchors">
          <summary>{t('anchors_summary')}</summary>
          <p class="hint">{t('anchors_hint')}</p>
          {POLICY_SECTION_IDS.map((section) => (
            <TextField
              key={section}
              id={`anchor-${section}`}
              label={t(messageKeyFor('section', section))}
              locked={locked('policySectionAnchors')}
              text={v.policySectionAnchors[section] ?? ''}
              check={optionalAnchor}
              onValid={(value) => {
                const anchors = { ...v.policySectionAnchors };
                if (value === undefined) delete anchors[section];
                else anchors[section] = value;
                void change('policySectionAnchors', Object.keys(anchors).length ? anchors : undefined);
              }}
            />
          ))}
        </details>
      </section>

      <section aria-labelledby="pupils-heading">
        <h2 id="pupils-heading">{t('section_pupils')}</h2>
        <RosterImport view={view} onImport={(roster, message) => save(withLocalChange(stored.local, view, 'hashedRoster', roster), message)} />
        <ListField
          id="pupil-names"
          label={t('pupil_names_label')}
          hint={t('pupil_names_hint')}
          locked={locked('pupilNames')}
          text={v.pupilNames.join('\n')}
          check={pupilList}
          onValid={(value) => change('pupilNames', value)}
        />
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t('section_staff')}</h2>
        <ListField
          id="staff-names"
          label={t('staff_names_label')}
          hint={t('staff_names_hint')}
          locked={locked('staffNames')}
          text={v.staffNames.join('\n')}
          check={nameList}
          onValid={(value) => change('staffNames', value)}
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('section_sites')}</h2>
        <SitesList view={view} builtInSites={builtInSites} change={change} port={port} />
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('section_categories')}</h2>
        <CategoryTable view={view} onChange={(categories) => change('categories', categories)} />
      </section>

      <section aria-labelledby="unchecked-heading">
        <h2 id="unchecked-heading">{t('section_unchecked')}</h2>
        <p class="hint" id="unchecked-hint">
          {t('unchecked_hint')}
        </p>
        <CheckboxField
          id="fail-closed"
          label={t('fail_closed_label')}
          locked={locked('failClosed')}
          checked={v.failClosed}
          onChange={(on) => change('failClosed', on || undefined)}
        />
        <TextField
          id="time-limit"
          label={t('time_limit_label')}
          hint={t('time_limit_hint')}
          locked={locked('checkTimeLimitMs')}
          text={String(v.checkTimeLimitMs)}
          check={checkTimeLimit}
          onValid={(value) => change('checkTimeLimitMs', value)}
        />
      </section>

      <section aria-labelledby="help-heading">
        <h2 id="help-heading">{t('section_help')}</h2>
        <TextField
          id="report-url"
          type="url"
          label={t('report_url_label')}
          locked={locked('reportUrl')}
          text={v.reportUrl ?? ''}
          check={optionalHttpsUrl}
          onValid={(value) => change('reportUrl', value)}
        />
        <TextField
          id="report-email"
          type="email"
          label={t('report_email_label')}
          locked={locked('reportEmail')}
          text={v.reportEmail ?? ''}
          check={optionalEmail}
          onValid={(value) => change('reportEmail', value)}
        />
        <ListField
          id="support-contacts"
          label={t('support_contacts_label')}
          hint={t('support_contacts_hint')}
          locked={locked('supportContacts')}
          text={v.supportContacts.join('\n')}
          check={nameList}
          rows={3}
          onValid={(value) => change('supportContacts', value)}
        />
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('section_language')}</h2>
        <LanguageField view={view} onChange={(language) => change('language', language === 'browser' ? undefined : language)} />
      </section>

      <section aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">{t('section_transfer')}</h2>
        <ImportExport
          view={view}
          local={stored.local}
          saveFile={saveFile}
          onImport={(local, message) => save(local, message)}
        />
      </section>
    </main>
  );
}

const configCache = new WeakMap<SettingsView, CheckConfig>();

/** The engine's configuration; one object per view, so the engine's prepared tables are reused. */
function configFor(view: SettingsView): CheckConfig {
  let config = configCache.get(view);
  if (!config) {
    const v = view.values;
    config = { schoolNames: v.schoolNames, pupilNames: v.pupilNames, hashedRoster: v.hashedRoster, staffNames: v.staffNames, role: v.role };
    configCache.set(view, config);
  }
  return config;
}

/** Every setting, or part of one, that was left out, and why: so an admin can see it without the console. */
function RejectedSettings({ view }: { view: SettingsView }) {
  const t = useT();
  if (view.rejected.length === 0) return null;
  return (
    <section class="rejected" aria-labelledby="rejected-heading">
      <h2 id="rejected-heading">{t('rejected_heading')}</h2>
      <p class="hint">{t('rejected_intro')}</p>
      <ul>
        {view.rejected.map((entry, index) => (
          <li key={index}>
            {t('rejected_entry', [t(messageKeyFor('setting', entry.key)), t(entry.source === 'managed' ? 'rejected_from_school' : 'rejected_from_device'), describeProblem(entry.reason, t)])}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CheckboxField(props: { id: string; label: string; locked: boolean; checked: boolean; onChange(checked: boolean): void }) {
  const { id, label, locked, checked, onChange } = props;
  return (
    <div class={`field${locked ? ' locked' : ''}`}>
      <label class="choice" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={locked}
          aria-describedby={locked ? `${id}-locked` : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      {locked && <LockedNote id={`${id}-locked`} />}
    </div>
  );
}

function LanguageField({ view, onChange }: { view: SettingsView; onChange(language: LanguageChoice): void }) {
  const t = useT();
  const languageLocked = isLocked(view, 'language');
  return (
    <div class={`field${languageLocked ? ' locked' : ''}`}>
      <label for="language">{t('language_label')}</label>
      <p class="hint" id="language-hint">
        {t('language_hint')}
      </p>
      <select
        id="language"
        value={view.values.language}
        disabled={languageLocked}
        aria-describedby={languageLocked ? 'language-hint language-locked' : 'language-hint'}
        onChange={(event) => onChange(event.currentTarget.value as LanguageChoice)}
      >
        {LANGUAGE_CHOICES.map((choice) => (
          // Each language is named in itself too, so someone who cannot read this page can still find theirs.
          <option key={choice} value={choice}>
            {t(`language_${choice}`)}
          </option>
        ))}
      </select>
      {languageLocked && <LockedNote id="language-locked" />}
    </div>
  );
}

function RoleField({ view, onChange }: { view: SettingsView; onChange(role: Role): void }) {
  const t = useT();
  const isLockedRole = isLocked(view, 'role');
  return (
    <fieldset class="field" aria-describedby={isLockedRole ? 'role-locked' : undefined}>
      <legend>{t('role_label')}</legend>
      {(['pupil', 'staff'] as const).map((role) => (
        <label key={role} class="choice">
          <input
            type="radio"
            name="role"
            value={role}
            checked={view.values.role === role}
            disabled={isLockedRole}
            onChange={() => onChange(role)}
          />{' '}
          {t(`role_${role}`)}
        </label>
      ))}
      {isLockedRole && <LockedNote id="role-locked" />}
    </fieldset>
  );
}

function RosterImport({ view, onImport }: { view: SettingsView; onImport(roster: unknown, message: string): void }) {
  const t = useT();
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [summary, setSummary] = useState<string[]>([]);
  const [error, setError] = useState('');
  const roster = view.values.hashedRoster;
  const rosterLocked = isLocked(view, 'hashedRoster');

  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setNotes([]);
    setSummary([]);
    setError('');
    if (!file) return;
    try {
      // Names are read and hashed here, in this page; only the hashes are saved.
      const read = pupilNamesFromCsv(await file.text(), file.name);
      setProblems(read.problems.map(({ line, problem }) => t('roster_row_problem', [line, problem])));
      setNotes(read.notes.map(({ line, problem }) => t('roster_row_note', [line, problem])));
      if (read.names.length === 0) {
        setError(t('roster_empty'));
        return;
      }
      // Which columns were read, and what the rows added up to, so a wrong column is noticed at once.
      const lines: string[] = [];
      if (read.preferredNames > 0) lines.push(t('roster_preferred', [read.preferredNames]));
      if (read.duplicates.length > 0) {
        lines.push(t('roster_duplicates', [read.duplicates.map(({ line, sameAs }) => t('roster_duplicate_row', [line, sameAs])).join(', ')]));
      }
      setSummary(lines);
      onImport(hashRoster(read.names), t.plural('roster_imported', read.pupils, [read.columnsUsed]));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <div class="field roster">
      <p id="roster-status">
        {roster ? t.plural('roster_in_use', roster.pupils ?? roster.fullNames.length) : t('roster_none')}
      </p>
      {rosterLocked ? (
        <LockedNote id="roster-locked" />
      ) : (
        <>
          <label for="roster-file">{t('roster_import_label')}</label>
          <p class="hint" id="roster-hint">
            {t('roster_import_hint')}
          </p>
          <input
            id="roster-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="roster-hint roster-status"
            onChange={(event) => void onFile(event.currentTarget.files?.[0])}
          />
          {roster && (
            <button type="button" class="secondary" onClick={() => onImport(undefined, t('roster_removed'))}>
              {t('roster_remove')}
            </button>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {summary.map((line) => (
        <p class="hint" key={line}>
          {line}
        </p>
      ))}
      {problems.length > 0 && (
        <ul class="row-problems" aria-label={t('roster_problems_label')}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul class="row-problems" aria-label={t('roster_notes_label')}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SitesList(props: { view: SettingsView; builtInSites: readonly BuiltInSite[]; change(key: EditableKey, value: unknown): void; port: SettingsPort }) {
  const { view, builtInSites, change, port } = props;
  const t = useT();
  const [newSite, setNewSite] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>(undefined);
  const disabled = view.values.disabledSites;
  const switchesLocked = isLocked(view, 'disabledSites');
  const extrasLocked = isLocked(view, 'extraSites');
  const waiting = useSitesWaiting(view.values.extraSites, port);
  const [refused, setRefused] = useState(false);
  // Must run in the click itself: browsers only show their permission prompt for a person's action.
  const allow = (hosts: readonly string[]) => {
    if (!port.requestSiteAccess || hosts.length === 0) return;
    void port.requestSiteAccess(matchPatternsFor(hosts)).then((granted) => setRefused(!granted));
  };

  const setOn = (hosts: readonly string[], on: boolean) => {
    const next = on ? disabled.filter((host) => !hosts.includes(host)) : [...new Set([...disabled, ...hosts])];
    change('disabledSites', next);
  };
  const addSite = (event: Event) => {
    event.preventDefault();
    const { value, problem: found } = siteHost(newSite);
    setProblem(found);
    if (found || !value) return;
    allow([value]);
    if (!view.values.extraSites.includes(value)) change('extraSites', [...view.values.extraSites, value]);
    setNewSite('');
  };

  return (
    <>
      <p class="hint" id="sites-hint">
        {t('sites_hint')}
      </p>
      <ul class="sites" aria-describedby={switchesLocked ? 'sites-locked' : 'sites-hint'}>
        {builtInSites.map((site) => (
          <li key={site.id}>
            <label class="choice">
              <input
                type="checkbox"
                checked={!site.domains.some((domain) => disabled.includes(domain))}
                disabled={switchesLocked}
                onChange={(event) => setOn(site.domains, event.currentTarget.checked)}
              />{' '}
              {t(messageKeyFor('site', site.id))} <span class="domains">({site.domains.join(', ')})</span>
            </label>
          </li>
        ))}
        {view.values.extraSites.map((host) => (
          <li key={host}>
            <label class="choice">
              <input type="checkbox" checked={!disabled.includes(host)} disabled={switchesLocked} onChange={(event) => setOn([host], event.currentTarget.checked)} />{' '}
              {host} <span class="domains">{view.sources.extraSites === 'managed' ? t('site_added_by_school') : t('site_added_by_you')}</span>
              {waiting.includes(host) && <span class="domains"> {t('site_not_allowed')}</span>}
            </label>
            {!extrasLocked && (
              <button
                type="button"
                class="secondary"
                aria-label={t('site_remove_label', [host])}
                onClick={() => change('extraSites', view.values.extraSites.filter((entry) => entry !== host))}
              >
                {t('site_remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {switchesLocked && <LockedNote id="sites-locked" />}
      {waiting.length > 0 && (
        <div class="field site-access" role="note">
          <p>{t('sites_need_permission', [waiting.join(', ')])}</p>
          <button type="button" onClick={() => allow(waiting)}>
            {t('sites_allow_button')}
          </button>
          {refused && <p class="error">{t('sites_allow_refused')}</p>}
        </div>
      )}
      {extrasLocked ? (
        !switchesLocked && <LockedNote id="extra-sites-locked" />
      ) : (
        <form class="field add-site" onSubmit={addSite}>
          <label for="new-site">{t('site_add_label')}</label>
          <p class="hint" id="new-site-hint">
            {t('site_add_hint')}
          </p>
          <div class="row">
            <input
              id="new-site"
              type="text"
              value={newSite}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'new-site-hint new-site-error' : 'new-site-hint'}
              onInput={(event) => {
                setNewSite(event.currentTarget.value);
                setProblem(event.currentTarget.value.trim() ? siteHost(event.currentTarget.value).problem : undefined);
              }}
            />
            <button type="submit">{t('site_add_button')}</button>
          </div>
          {problem && (
            <p class="error" id="new-site-error">
              {fieldProblemText(t, problem)}
            </p>
          )}
        </form>
      )}
    </>
  );
}

function CategoryTable({ view, onChange }: { view: SettingsView; onChange(categories: SettingsView['values']['categories']): void }) {
  const t = useT();
  const tableLocked = isLocked(view, 'categories');
  const set = (category: Category, role: Role, mode: CategoryMode) => {
    const categories = { ...view.values.categories, [category]: { ...view.values.categories[category], [role]: mode } };
    onChange(categories);
  };
  return (
    <>
      <p class="hint" id="categories-hint">
        {t('categories_hint')}
      </p>
      <table class="categories" aria-describedby={tableLocked ? 'categories-hint categories-locked' : 'categories-hint'}>
        <caption class="visually-hidden">{t('section_categories')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('categories_kind')}</th>
            <th scope="col">{t('role_pupil')}</th>
            <th scope="col">{t('role_staff')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">{t(messageKeyFor('category', category))}</th>
              {(['pupil', 'staff'] as const).map((role) => (
                <td key={role}>
                  <select
                    aria-label={t('category_mode_label', [t(messageKeyFor('category', category)), t(`role_${role}`)])}
                    value={categoryMode(view.values.categories, category, role)}
                    disabled={tableLocked}
                    onChange={(event) => set(category, role, event.currentTarget.value as CategoryMode)}
                  >
                    {CATEGORY_MODES.map((mode) => (
                      <option key={mode} value={mode}>
                        {t(`mode_${mode}`)}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {tableLocked && <LockedNote id="categories-locked" />}
    </>
  );
}

function ImportExport(props: {
  view: SettingsView;
  local: Record<string, unknown>;
  saveFile(name: string, contents: string): void;
  onImport(local: Record<string, unknown>, message: string): void;
}) {
  const { view, local, saveFile, onImport } = props;
  const t = useT();
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState('');

  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setError('');
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError(t('import_not_json'));
      return;
    }
    const { settings, problems: found } = settingsFromImport(parsed);
    let next = local;
    const skippedLocked: string[] = [];
    for (const [key, value] of Object.entries(settings)) {
      if (isLocked(view, key as EditableKey)) skippedLocked.push(t('import_locked_setting', [key]));
      else next = withLocalChange(next, view, key as EditableKey, value);
    }
    setProblems([...found, ...skippedLocked]);
    onImport(next, t.plural('import_done', Object.keys(settings).length - skippedLocked.length));
  };

  return (
    <div class="field transfer">
      <p class="hint" id="export-hint">
        {t('export_hint')}
      </p>
      <button type="button" aria-describedby="export-hint" onClick={() => saveFile('second-thought-settings.json', `${JSON.stringify(local, null, 2)}\n`)}>
        {t('export_button')}
      </button>
      <label for="import-file">{t('import_label')}</label>
      <input id="import-file" type="file" accept=".json,application/json" onChange={(event) => void onFile(event.currentTarget.files?.[0])} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul class="row-problems" aria-label={t('import_problems_label')}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
