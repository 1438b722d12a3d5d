// An admin's deployment, end to end: the admin tool turns a roster CSV into
// policy files, chrome-linux.json goes into /etc/chromium/policies/managed/
// exactly as docs/admin.md says, and the production build in Chromium reads
// it through storage.managed and nudges (or not) as the school asked.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../lib';
import { run } from '../../scripts/policy';
import { SITE_PAGES, type FixturePage } from './fixtures/catalogue';
import { nudge, nudgeOrPost, openFixture, send, submissions, typeIntoComposer, waitForSubmissions, WAIT_MS } from './harness/driver';
import { EXTENSION_ID, writeManagedPolicy, type ExtensionSettings } from './harness/chromium';
import { startSession, type BrowserSession } from './harness/session';

const ROSTER_CSV = ['Forename,Surname,Form', 'Tamsin,Okoro,9B', 'Jayden,Whitlock,9B', 'Amira,Haddad,10A', ''].join('\n');
const PLAINTEXT_NAMES = ['Tamsin', 'Okoro', 'Jayden', 'Whitlock', 'Amira', 'Haddad'];
const REPORT_EMAIL = 'safeguarding@hollins-park.example.org';
// What the school asks for beyond the roster: no nudge for swearing, and
// threats held back altogether, for pupils.
const EXTRA_SETTINGS: ExtensionSettings = {
  categories: { profanity: { pupil: 'off' }, threat: { pupil: 'block' } },
};

const x = fixtureById('x');
const facebook = fixtureById('facebook');

function fixtureById(id: string): FixturePage {
  const fixture = SITE_PAGES.find((candidate) => candidate.id === id);
  if (!fixture) throw new Error(`No fixture page ${id}`);
  return fixture;
}

let workDir: string;
let policy: ExtensionSettings;
let policyFileText: string;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'second-thought-admin-'));
  await writeFile(join(workDir, 'pupils.csv'), ROSTER_CSV);
  await writeFile(join(workDir, 'settings.json'), JSON.stringify(EXTRA_SETTINGS));
  const log: string[] = [];
  await run(
    [
      '--roster', join(workDir, 'pupils.csv'),
      '--school', 'Hollins Park Academy',
      '--alias', 'Hollins Park',
      '--disable-site', 'facebook.com',
      '--report-email', REPORT_EMAIL,
      '--lock',
      '--settings', join(workDir, 'settings.json'),
      '--out', join(workDir, 'policy'),
    ],
    (line) => log.push(line),
    (line) => log.push(line),
  );
  expect(log.join('\n')).toMatch(/Read 3 pupils from .*, using the columns “Forename” \+ “Surname”/);
  policyFileText = await readFile(join(workDir, 'policy', 'chrome-linux.json'), 'utf8');
  policy = JSON.parse(policyFileText)['3rdparty'].extensions[EXTENSION_ID];
  // Its settings differ from the other browser files', so it may first wait
  // for another checkout's run to finish with the policy folder.
  session = await startSession({ withExtension: true, settings: policy });
  page = session.page;
}, 20 * 60_000);

afterAll(async () => {
  await session?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function post(fixture: FixturePage, text: string): Promise<'nudge' | 'posted'> {
  await openFixture(page, fixture);
  await typeIntoComposer(page, fixture, text);
  await send(page, fixture, 'button');
  return nudgeOrPost(page);
}

async function expectPostedOnce(text: string): Promise<void> {
  const sent = await waitForSubmissions(page, 1);
  expect(sent.map((submission) => submission.text)).toEqual([text]);
  await expect(nudge(page).count()).resolves.toBe(0);
}

describe('a school deployed through managed policy', () => {
  it('gives the extension exactly the policy the admin tool wrote, with no pupil’s name in plaintext', async () => {
    const managed = await session.serviceWorker!.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get(),
    );
    // Chrome drops any setting that fails the schema, so equality also says the schema took every setting.
    expect(managed).toEqual(policy);
    expect(policy).toMatchObject({ schoolNames: ['Hollins Park Academy', 'Hollins Park'], lockSettings: true });
    expect(policy.hashedRoster?.fullNames).toHaveLength(3);
    for (const text of [JSON.stringify(managed), policyFileText]) {
      for (const name of PLAINTEXT_NAMES) expect(text.toLowerCase(), name).not.toContain(name.toLowerCase());
    }
  });

  it('nudges when a post names a pupil on the roster', async () => {
    expect(await post(x, 'Amira Haddad was brilliant in the match today')).toBe('nudge');
    const card = nudge(page);
    await expect(card.textContent()).resolves.toContain('Amira Haddad');
    await card.getByRole('button', { name: 'Edit post' }).click({ timeout: WAIT_MS });
    await expect(submissions(page)).resolves.toEqual([]);
  });

  it('lets a post naming someone not on the roster go once, with no nudge', async () => {
    const text = 'Priya Raman was brilliant in the match today';
    expect(await post(x, text)).toBe('posted');
    await expectPostedOnce(text);
  });

  it('says nothing about a category the school turned off', async () => {
    const text = 'what a shit day';
    // Without the school's choice this would be a nudge.
    expect(check(text, { schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil' }).map((finding) => finding.category)).toEqual(['profanity']);
    expect(await post(x, text)).toBe('posted');
    await expectPostedOnce(text);
  });

  it('leaves a site the school turned off alone', async () => {
    const text = 'Amira Haddad was brilliant in the match today';
    expect(await post(facebook, text)).toBe('posted');
    await expectPostedOnce(text);
  });

  it('shows the options page as set by the school, and locked', async () => {
    const options = await session.context.newPage();
    try {
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.getByText('locked its settings').waitFor({ timeout: WAIT_MS });
      expect(await options.getByText('Set by your school').count()).toBeGreaterThan(0);
    } finally {
      await options.close();
    }
  });

  it('holds back a post in a blocked category: no “Post anyway”, but it can still be edited, and says where to report', async () => {
    expect(await post(x, 'I am going to hurt you after school tomorrow')).toBe('nudge');
    const card = nudge(page);
    await card.getByRole('button', { name: 'Edit post' }).waitFor({ timeout: WAIT_MS });
    await expect(card.getByRole('button', { name: 'Post anyway' }).count()).resolves.toBe(0);
    await expect(card.getByRole('link', { name: `Email ${REPORT_EMAIL}` }).count()).resolves.toBe(1);
    await card.getByRole('button', { name: 'Edit post' }).click({ timeout: WAIT_MS });
    await expect(submissions(page)).resolves.toEqual([]);
  });

  it('applies a changed policy without a restart', async () => {
    // Listen first, so the change event cannot be missed; Chromium notices the
    // file change itself (it watches the policy folder) and tells the extension.
    const changed = session.serviceWorker!.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const chrome = (globalThis as unknown as {
            chrome: { storage: { onChanged: { addListener(listener: (changes: object, area: string) => void): void } } };
          }).chrome;
          chrome.storage.onChanged.addListener((changes, area) => {
            if (area === 'managed') resolve(Object.keys(changes));
          });
        }),
    );
    writeManagedPolicy({ ...policy, categories: { ...EXTRA_SETTINGS.categories, 'pupil-name': { pupil: 'off' } } });
    await expect(changed).resolves.toEqual(['categories']);
    const text = 'Amira Haddad was brilliant in the match today';
    expect(await post(x, text)).toBe('posted');
    await expectPostedOnce(text);
  }, 90_000);
});
