// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18n, messageKeyFor, translateFrom, type MessageEntry } from '../../components/i18n';
import { CY } from '../support/i18n';
import { CATEGORIES, POLICY_SECTION_IDS } from '../../lib/types';
import { CATEGORY_MODES } from '../../settings/admin-settings';
import { BUILT_IN_SITES } from '../../utils/sites';
import { Options } from '../../components/settings/Options';
import type { SettingsPort } from '../../settings/port';
import type { CheckDraft, DraftCheck } from '../../components/settings/TryPost';
import type { CheckTrace, Finding } from '../../lib/types';

// Paths from the project root: happy-dom gives import.meta.url an http: address. The messages
// move to public/_locales once the manifest names en_GB as its default locale.
const MESSAGES_PATH = ['public/_locales/en_GB/messages.json', 'components/settings/locales/en_GB/messages.json']
  .map((path) => join(process.cwd(), path))
  .find((path) => existsSync(path))!;
const messages = JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, MessageEntry>;
const t = translateFrom(messages);

const SITES = [
  { id: 'x', domains: ['x.com', 'twitter.com'] },
  { id: 'instagram', domains: ['instagram.com'] },
];

function fakePort(managed: Record<string, unknown> = {}, local: Record<string, unknown> = {}, allowedSites: string[] = []) {
  const state = { managed, local, allowedSites };
  const port: SettingsPort & { state: typeof state } = {
    state,
    read: async () => ({ managed: state.managed, local: state.local }),
    writeLocal: vi.fn(async (next: Record<string, unknown>) => {
      state.local = next;
    }),
    watch: () => () => {},
    siteAccess: async (patterns) => patterns.filter((pattern) => state.allowedSites.includes(pattern)),
    requestSiteAccess: vi.fn(async () => false),
  };
  return port;
}

const finding = (category: Finding['category'], message: string, text: string, match: string): Finding => ({
  category,
  ruleId: `${category}.test`,
  severity: 'warning',
  start: text.indexOf(match),
  end: text.indexOf(match) + match.length,
  match,
  message,
  policySections: ['objective-1'],
});

// Stands in for the engine: flags "Tamsin" as a pupil and "idiot" as profanity.
const fakeCheck: CheckDraft = async (text) => ({
  findings: [
    ...(text.includes('Tamsin') ? [finding('pupil-name', 'This names a pupil.', text, 'Tamsin')] : []),
    ...(text.includes('idiot') ? [finding('profanity', 'This is a rude word.', text, 'idiot')] : []),
  ],
  trace: { rules: [], classifier: [] },
  classifierUsed: false,
});

async function renderOptions(port: SettingsPort, extra: { saveFile?: (name: string, contents: string) => void; checkDraft?: CheckDraft } = {}) {
  render(
    <I18n.Provider value={t}>
      <Options
        port={port}
        builtInSites={SITES}
        checkDraft={extra.checkDraft ?? fakeCheck}
        policyUrl={(section) => `chrome-extension://id/policy.html#${section}`}
        saveFile={extra.saveFile ?? (() => {})}
      />
    </I18n.Provider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Second Thought settings' });
}

function upload(input: HTMLElement, name: string, contents: string, type: string) {
  const file = new File([contents], name, { type });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

afterEach(cleanup);

describe('the options page', () => {
  it('shows settings from the school as locked, with the words "Set by your school"', async () => {
    await renderOptions(fakePort({ schoolNames: ['Oakfield Priory Academy', 'OPA'], role: 'staff' }));
    const schoolNames = screen.getByLabelText('School names') as HTMLTextAreaElement;
    expect(schoolNames.value).toBe('Oakfield Priory Academy\nOPA');
    expect(schoolNames.readOnly).toBe(true);
    const note = document.getElementById(schoolNames.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-locked'))!);
    expect(note?.textContent).toContain('Set by your school');
    expect((screen.getByRole('radio', { name: 'Staff' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Staff' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('note').textContent).toMatch(/set by your school/);
    // Settings the school left alone stay editable.
    expect((screen.getByLabelText('Staff names') as HTMLTextAreaElement).readOnly).toBe(false);
  });

  it('checks a field as it is typed and saves only a valid value', async () => {
    const port = fakePort();
    await renderOptions(port);
    const pupils = screen.getByLabelText('Pupils’ names typed here');
    fireEvent.input(pupils, { target: { value: 'Tamsin Okoro\nCher' } });
    expect(pupils.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Line 2 needs a first name and a surname.')).toBeTruthy();
    expect(pupils.getAttribute('aria-describedby')).toContain('pupil-names-error');
    expect(port.writeLocal).not.toHaveBeenCalled();

    fireEvent.input(pupils, { target: { value: 'Tamsin Okoro\nCher Sarkisian\n' } });
    expect(pupils.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(port.state.local).toEqual({ pupilNames: ['Tamsin Okoro', 'Cher Sarkisian'] }));
    await screen.findByText('Saved.');

    const policy = screen.getByLabelText('Your school’s social media policy (web address)');
    fireEvent.input(policy, { target: { value: 'http://school.example/policy' } });
    expect(screen.getByText('This should be a web address starting with https://.')).toBeTruthy();
    fireEvent.input(policy, { target: { value: 'https://school.example/policy' } });
    await waitFor(() => expect(port.state.local.policyUrl).toBe('https://school.example/policy'));
  });

  it('imports a roster CSV as hashes only, says which columns it used, and reports skipped and partly matched rows by line', async () => {
    const port = fakePort();
    await renderOptions(port);
    const csv = '\uFEFFUPN,Forename,Known as,Surname\r\nA1,Tamsin,,Okoro\r\nA2,Jo,,\r\nA3,Bartholomew,Bart,Quigley\r\nA4,Tamsin,,Okoro\r\nA5,J,,Smith\r\n';
    upload(screen.getByLabelText('Import a roster (CSV file)'), 'pupils.csv', csv, 'text/csv');
    await screen.findByText('Imported 4 pupils as a private roster, using the columns “Forename” + “Known as” + “Surname”.');
    expect(screen.getByText('Line 3: the surname is empty; skipped.')).toBeTruthy();
    expect(screen.getByText('Preferred first names that differ from the legal ones, matched as well: 1.')).toBeTruthy();
    expect(screen.getByText(/Rows with the same name as an earlier row .*: line 5 \(same as line 2\)\./)).toBeTruthy();
    expect(screen.getByText(/^Line 6: the first name is a single letter.*; kept\.$/)).toBeTruthy();
    const saved = JSON.stringify(port.state.local);
    expect(port.state.local.hashedRoster).toMatchObject({ version: 2, pupils: 4 });
    expect(saved).not.toMatch(/Tamsin|Okoro|Bartholomew|Quigley|Bart\b|Smith|Jo\b/i);
    expect(screen.getByText(/A private roster is in use, made from 4 pupils/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove the private roster' }));
    await waitFor(() => expect(port.state.local.hashedRoster).toBeUndefined());
  });

  it('switches sites on and off and adds a site, checking the address', async () => {
    const port = fakePort({ extraSites: ['forum.school.example'] });
    await renderOptions(port);
    fireEvent.click(screen.getByLabelText(/Instagram/));
    await waitFor(() => expect(port.state.local.disabledSites).toEqual(['instagram.com']));
    fireEvent.click(screen.getByLabelText(/forum\.school\.example/));
    await waitFor(() => expect(port.state.local.disabledSites).toEqual(['instagram.com', 'forum.school.example']));
    // The school's own site cannot be removed here.
    expect(screen.queryByRole('button', { name: 'Remove forum.school.example' })).toBeNull();
    expect(screen.queryByLabelText('Add a site')).toBeNull();
  });

  it('adds a site of your own, refusing something that is not an address', async () => {
    const port = fakePort();
    await renderOptions(port);
    const input = screen.getByLabelText('Add a site');
    fireEvent.input(input, { target: { value: 'not a site' } });
    expect(screen.getByText('“not a site” is not a site’s address. Try something like forum.example.org.')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'https://Forum.Example.org/login' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() => expect(port.state.local.extraSites).toEqual(['forum.example.org']));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove forum.example.org' }));
    await waitFor(() => expect(port.state.local.extraSites).toBeUndefined());
  });

  it('asks the browser for exactly the site someone adds, while they click', async () => {
    const port = fakePort();
    await renderOptions(port);
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'forum.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(port.requestSiteAccess).toHaveBeenCalledWith(['*://forum.example.org/*']);
  });

  it('refuses a wildcard over a public suffix as it is typed', async () => {
    const port = fakePort();
    await renderOptions(port);
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: '*.co.uk' } });
    expect(screen.getByText(/“\*\.co\.uk” would cover every site ending in \.co\.uk/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(port.state.local.extraSites).toBeUndefined();
  });

  it('says which of the school’s extra sites wait for permission, and asks for exactly those', async () => {
    const port = fakePort({ extraSites: ['forum.school.example', 'chat.school.example'] }, {}, ['*://chat.school.example/*']);
    await renderOptions(port);
    expect(await screen.findByText('Second Thought needs your permission before it can check posts on: forum.school.example.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on these sites' }));
    expect(port.requestSiteAccess).toHaveBeenCalledWith(['*://forum.school.example/*']);
    expect(await screen.findByText('Permission wasn’t given, so Second Thought does not check these sites yet.')).toBeTruthy();
  });

  it('shows every setting that could not be used, with its reason in plain words', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const port = fakePort({ schoolNames: ['a', 'The', 'Oakfield Priory'], extraSites: ['*.com'], checkTimeLimitMs: 5 });
    await renderOptions(port);
    const list = within(screen.getByRole('region', { name: 'Settings that could not be used' }));
    expect(list.getByText(/^School names \(Set by your school\): “a” is too short to be a school name/)).toBeTruthy();
    expect(list.getByText(/^School names \(Set by your school\): “The” is an everyday word/)).toBeTruthy();
    expect(list.getByText(/^Extra sites \(Set by your school\): “\*\.com” would cover every site ending in \.com/)).toBeTruthy();
    expect(list.getByText(/^Time limit for a check \(Set by your school\): not used: it should be a whole number of milliseconds from 100 to 10,000/)).toBeTruthy();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses a school name that would flag ordinary posts as it is typed', async () => {
    const port = fakePort();
    await renderOptions(port);
    fireEvent.input(screen.getByLabelText('School names'), { target: { value: 'Oakfield Priory\nThe' } });
    expect(screen.getByText(/^Line 2: “The” is an everyday word/)).toBeTruthy();
    expect(port.state.local.schoolNames).toBeUndefined();
  });

  it('sets what happens to a post that could not be checked, and the time limit; locked when the school set them', async () => {
    const port = fakePort();
    await renderOptions(port);
    fireEvent.click(screen.getByLabelText(/Hold back posts that could not be checked/));
    await waitFor(() => expect(port.state.local.failClosed).toBe(true));
    const limit = screen.getByLabelText('Time limit for one check, in milliseconds');
    fireEvent.input(limit, { target: { value: '50' } });
    expect(screen.getByText('This should be a whole number from 100 to 10,000.')).toBeTruthy();
    fireEvent.input(limit, { target: { value: '3000' } });
    await waitFor(() => expect(port.state.local.checkTimeLimitMs).toBe(3000));
    cleanup();
    await renderOptions(fakePort({ failClosed: true }));
    expect((screen.getByLabelText(/Hold back posts that could not be checked/) as HTMLInputElement).disabled).toBe(true);
  });

  it('sets a mode per category and role', async () => {
    const port = fakePort();
    await renderOptions(port);
    const select = screen.getByLabelText('Bullying, Pupils') as HTMLSelectElement;
    expect(select.value).toBe('nudge');
    fireEvent.change(select, { target: { value: 'block' } });
    await waitFor(() => expect(port.state.local.categories).toEqual({ bullying: { pupil: 'block' } }));
  });

  it('shows in "Try a post" exactly the nudge a pupil would see, leaving out categories that are off', async () => {
    const port = fakePort({ categories: { profanity: { pupil: 'off' } } });
    await renderOptions(port);
    const draft = screen.getByLabelText('Type a post');
    fireEvent.input(draft, { target: { value: 'Tamsin is an idiot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check this post' }));
    const preview = await screen.findByTestId('nudge-preview');
    await waitFor(() => expect(preview.shadowRoot?.querySelector('[role="alertdialog"]')).toBeTruthy());
    const shadow = preview.shadowRoot!;
    expect(shadow.textContent).toContain('This names a pupil.');
    expect(shadow.textContent).not.toContain('This is a rude word.');
    expect(screen.getByText('Second Thought would show a note about 1 thing. It is shown below.')).toBeTruthy();

    // "Edit post" goes back to the draft.
    fireEvent.click(within(shadow.querySelector('[role="alertdialog"]') as HTMLElement).getByRole('button', { name: 'Edit post' }));
    await waitFor(() => expect(screen.queryByTestId('nudge-preview')).toBeNull());
    expect(document.activeElement).toBe(draft);

    fireEvent.input(draft, { target: { value: 'Lovely sports day' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check this post' }));
    await screen.findByText('Nothing to flag: this post would go straight through.');
  });

  it('shows in "Try a post" the school’s mode too: a blocked category has no "Post anyway"', async () => {
    await renderOptions(fakePort({ categories: { 'pupil-name': { pupil: 'block' } } }));
    fireEvent.input(screen.getByLabelText('Type a post'), { target: { value: 'Tamsin was brilliant today' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check this post' }));
    const preview = await screen.findByTestId('nudge-preview');
    await waitFor(() => expect(preview.shadowRoot?.querySelector('[role="alertdialog"]')).toBeTruthy());
    const dialog = within(preview.shadowRoot!.querySelector('[role="alertdialog"]') as HTMLElement);
    expect(dialog.getByRole('button', { name: 'Edit post' })).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Post anyway' })).toBeNull();
  });

  describe('"Why?" under a tried post', () => {
    const bullyingText = 'nobody wants you here, go away';
    const scores: CheckTrace['classifier'] = [
      { category: 'bullying', score: 1.37, threshold: 1.06, topWords: ['nobody', 'wants'], applies: true },
      { category: 'threat', score: -3.36, threshold: 0.29, topWords: [], applies: true },
      { category: 'professional-distance', score: -4, threshold: 0.23, topWords: ['nobody'], applies: false },
    ];
    // Stands in for the engine with a trace: one match that counts, one cancelled by a frame and one by an unless.
    const explainedCheck: CheckDraft = async (text): Promise<DraftCheck> => {
      if (text !== bullyingText) {
        return {
          findings: [],
          trace: { rules: [], classifier: [{ category: 'bullying', score: -4.73, threshold: 1.06, topWords: ['sports'], applies: true }, ...scores.slice(1)] },
          classifierUsed: true,
        };
      }
      const flagged = { ...finding('bullying', 'This reads as shutting someone out.', text, 'nobody wants you'), patternId: 'bullying/exclusion#nobody-wants-you' };
      return {
        findings: [flagged],
        trace: {
          rules: [
            { patternId: 'bullying/exclusion#nobody-wants-you', category: 'bullying', match: 'nobody wants you', start: 0, end: 16 },
            { patternId: 'bullying/put-down#no1-likes-you', category: 'bullying', match: 'nobody wants you', start: 0, end: 16, cancelledBy: 'frame counter-speech: (no one|nobody|noone) (deserves|should)' },
            { patternId: 'threat/menace#go-away-or-else', category: 'threat', match: 'go away', start: 23, end: 30, cancelledBy: 'unless: (go|went) away (on|for) holiday' },
          ],
          classifier: scores,
        },
        classifierUsed: true,
      };
    };

    async function tryPost(text: string) {
      fireEvent.input(screen.getByLabelText('Type a post'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Check this post' }));
      const why = await screen.findByTestId('try-post-why');
      expect(why.tagName).toBe('DETAILS');
      expect((why as HTMLDetailsElement).open).toBe(false);
      expect(within(why).getByText('Why?').tagName).toBe('SUMMARY');
      return why;
    }

    it('lists each rule pattern that matched, and what cancelled it', async () => {
      await renderOptions(fakePort(), { checkDraft: explainedCheck });
      const why = await tryPost(bullyingText);
      await screen.findByTestId('nudge-preview');
      const rules = within(why).getAllByTestId('why-rule').map((item) => item.textContent);
      expect(rules).toEqual([
        'bullying/exclusion#nobody-wants-you (Bullying) matched “nobody wants you”. Not cancelled, so it counts.',
        'bullying/put-down#no1-likes-you (Bullying) matched “nobody wants you”. Cancelled by the frame counter-speech, so it does not count.',
        'threat/menace#go-away-or-else (Threats) matched “go away”. Cancelled by an unless: (go|went) away (on|for) holiday, so it does not count.',
      ]);
      // The ids and the cancelling pattern are code, set as text.
      expect(within(why).getByText('bullying/exclusion#nobody-wants-you').tagName).toBe('CODE');
      expect(within(why).getByText('(go|went) away (on|for) holiday').tagName).toBe('CODE');
      expect(why.textContent).toContain('Bullying: score 1.37, threshold 1.06. Reaches the threshold, so the classifier flags it. Top words: “nobody”, “wants”.');
    });

    it('explains a clear post too: no rule matched, and each category’s score against its threshold', async () => {
      await renderOptions(fakePort(), { checkDraft: explainedCheck });
      const why = await tryPost('Lovely sports day today');
      expect(screen.getByText('Nothing to flag: this post would go straight through.')).toBeTruthy();
      expect(screen.queryByTestId('nudge-preview')).toBeNull();
      expect(within(why).getByText('No rule pattern matched.')).toBeTruthy();
      expect(within(why).getAllByTestId('why-score').map((item) => item.textContent)).toEqual([
        'Bullying: score -4.73, threshold 1.06. Below the threshold, so the classifier does not flag it. Top words: “sports”.',
        'Threats: score -3.36, threshold 0.29. Below the threshold, so the classifier does not flag it. No words stood out.',
        'Professional distance: score -4.00, threshold 0.23. Not for this role, so the classifier does not flag it. Top words: “nobody”.',
      ]);
    });

    it('says when there are no classifier scores because only the rules ran, and when a category is turned off', async () => {
      await renderOptions(fakePort({ categories: { 'pupil-name': { pupil: 'off' } } }));
      const why = await tryPost('Tamsin was late again');
      expect(screen.getByText('Nothing to flag: this post would go straight through.')).toBeTruthy();
      expect(why.textContent).toContain('No classifier scores: the classifier could not be loaded, so this post was checked with the rules alone.');
      expect(why.textContent).toContain('pupil-name.test (Naming a pupil) found “Tamsin”. This category is turned off in these settings, so it shows no note.');
    });

    it('is in Welsh when the page is', async () => {
      render(
        <I18n.Provider value={CY}>
          <Options port={fakePort()} builtInSites={SITES} checkDraft={explainedCheck} policyUrl={() => '#'} saveFile={() => {}} />
        </I18n.Provider>,
      );
      fireEvent.input(await screen.findByLabelText('Teipiwch bostiad'), { target: { value: 'Lovely sports day today' } });
      fireEvent.click(screen.getByRole('button', { name: 'Gwirio’r postiad hwn' }));
      const why = await screen.findByTestId('try-post-why');
      expect(within(why).getByText('Pam?').tagName).toBe('SUMMARY');
      expect(why.textContent).toContain('Ni chyfatebodd unrhyw batrwm rheol.');
      expect(why.textContent).not.toMatch(/threshold|No rule pattern/);
    });
  });

  it('exports this device’s settings and imports a file, skipping what the school set and what is wrong', async () => {
    const saveFile = vi.fn();
    const port = fakePort({ role: 'staff' }, { staffNames: ['Mr Okafor'] });
    await renderOptions(port, { saveFile });
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(saveFile).toHaveBeenCalledWith('second-thought-settings.json', '{\n  "staffNames": [\n    "Mr Okafor"\n  ]\n}\n');

    upload(
      screen.getByLabelText('Import settings (JSON file)'),
      'settings.json',
      JSON.stringify({ schoolNames: ['Oakfield'], role: 'pupil', policyUrl: 'ftp://nope', colour: 'blue' }),
      'application/json',
    );
    await screen.findByText('Imported 1 setting.');
    expect(port.state.local).toEqual({ staffNames: ['Mr Okafor'], schoolNames: ['Oakfield'] });
    const problems = screen.getByRole('list', { name: 'Settings that were not imported' });
    expect(problems.textContent).toContain('colour: is not a setting');
    expect(problems.textContent).toContain('policyUrl');
    expect(problems.textContent).toContain('role: set by your school, so left as it is');

    upload(screen.getByLabelText('Import settings (JSON file)'), 'broken.json', '{"schoolNames": [', 'application/json');
    expect((await screen.findByRole('alert')).textContent).toBe('That file is not a settings file (it is not valid JSON).');
  });

  it('locks everything when the school locks its settings, but still lets you try a post', async () => {
    const port = fakePort({ lockSettings: true, schoolNames: ['Oakfield'] }, { staffNames: ['Mr Okafor'] });
    await renderOptions(port);
    expect(screen.getByRole('note').textContent).toMatch(/locked its settings/);
    for (const label of ['School names', 'Pupils’ names typed here', 'Staff names', 'Where to report a worry (web address)']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).readOnly, label).toBe(true);
    }
    expect((screen.getByLabelText(/Instagram/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Bullying, Pupils') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByLabelText('Import a roster (CSV file)')).toBeNull();
    expect((screen.getByLabelText('Type a post') as HTMLTextAreaElement).readOnly).toBe(false);
    fireEvent.input(screen.getByLabelText('Staff names'), { target: { value: 'Ms Patel' } });
    expect(port.writeLocal).not.toHaveBeenCalled();
  });

  it('gives every control a label and keeps headings in order', async () => {
    await renderOptions(fakePort());
    for (const control of document.querySelectorAll('input, textarea, select')) {
      const labelled =
        control.getAttribute('aria-label') ||
        (control.id && document.querySelector(`label[for="${control.id}"]`)) ||
        control.closest('label');
      expect(labelled, control.outerHTML).toBeTruthy();
    }
    const levels = [...document.querySelectorAll('h1, h2, h3')].map((heading) => Number(heading.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => index > 0 && expect(level - levels[index - 1]).toBeLessThanOrEqual(1));
  });
});

describe('finding your way round the page', () => {
  it('lists its sections at the top, each a link to its heading, with "Try a post" first', async () => {
    await renderOptions(fakePort());
    const contents = screen.getByRole('navigation', { name: 'On this page' });
    const links = within(contents).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Try a post', 'Your school', 'Pupils', 'Staff', 'Sites', 'What to check', 'Posts that can’t be checked', 'Where to get help', 'Language', 'Import and export settings',
    ]);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName, link.textContent!).toBe('H2');
      expect(target?.textContent).toBe(link.textContent);
    }
    // "Try a post" is the first section after the contents, not at the bottom.
    const sections = [...document.querySelectorAll('main > section')].map((section) => section.querySelector('h2')?.textContent);
    expect(sections.filter((name) => name !== 'Settings that could not be used')[0]).toBe('Try a post');
  });

  it('lets a teacher choose the language, and shows the school’s choice locked', async () => {
    const port = fakePort();
    await renderOptions(port);
    const select = screen.getByLabelText('The language Second Thought uses') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['The browser’s language', 'English', 'Cymraeg (Welsh)']);
    fireEvent.change(select, { target: { value: 'cy' } });
    await waitFor(() => expect(port.state.local).toEqual({ language: 'cy' }));
    cleanup();
    await renderOptions(fakePort({ language: 'cy' }));
    expect((screen.getByLabelText('The language Second Thought uses') as HTMLSelectElement).disabled).toBe(true);
  });

  it('reads in Welsh, with the settings the school could not use said in Welsh too', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <I18n.Provider value={CY}>
        <Options port={fakePort({ schoolNames: ['a'] })} builtInSites={SITES} checkDraft={fakeCheck} policyUrl={() => '#'} saveFile={() => {}} />
      </I18n.Provider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Gosodiadau Second Thought' });
    expect(screen.getByRole('navigation', { name: 'Ar y dudalen hon' })).toBeTruthy();
    expect(screen.getByText(/^Enwau’r ysgol \(Wedi’i osod gan eich ysgol\): Mae “a” yn rhy fyr i fod yn enw ysgol/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Set by your school|Try a post|Settings that could not be used/);
    warn.mockRestore();
  });
});

describe('the message file', () => {
  const sources = ['components/settings/Options.tsx', 'components/settings/Popup.tsx', 'components/settings/TryPost.tsx', 'components/settings/WhyExplanation.tsx', 'components/settings/fields.tsx', 'settings/field-checks.ts'].map(
    (path) => readFileSync(join(process.cwd(), path), 'utf8'),
  );

  it('has every message the pages ask for by name', () => {
    const used = new Set(sources.flatMap((source) => [...source.matchAll(/\bt\('([a-z0-9_]+)'/g, ), ...source.matchAll(/message: '([a-z0-9_]+)'/g)].map((match) => match[1])));
    const missing = [...used].filter((key) => !(key in messages));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(60);
  });

  it('has every message the pages build from an id', () => {
    const built = [
      ...CATEGORIES.map((category) => messageKeyFor('category', category)),
      ...POLICY_SECTION_IDS.map((section) => messageKeyFor('section', section)),
      ...CATEGORY_MODES.map((mode) => `mode_${mode}`),
      ...['pupil', 'staff'].map((role) => `role_${role}`),
      ...['built-in', 'added-by-school', 'added-by-you', 'turned-off-by-school', 'turned-off-by-you', 'not-covered', 'not-a-website'].map((reason) =>
        messageKeyFor('popup_reason', reason),
      ),
      ...BUILT_IN_SITES.map((site) => messageKeyFor('site', site.id)),
    ];
    expect(built.filter((key) => !(key in messages))).toEqual([]);
  });

  it('uses keys Chrome accepts and declares every placeholder it uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1].toLowerCase());
      expect(named.sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()).sort());
    }
  });
});
