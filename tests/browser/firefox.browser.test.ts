// The extension in Debian's Firefox ESR, deployed as docs/admin.md §4.5 says:
// the admin tool's firefox-policies.json in /etc/firefox/policies/, read by
// Firefox at start-up and handed to the extension as storage.managed. The
// shared suite runs on a form on a school site (known only through extraSites)
// and on one built-in site; the first post after start-up is checked, with the
// extension installed for testing and force-installed by the policy itself.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_EXTENSION_ID as GECKO_ID } from '../../settings/extension-ids';
import { run } from '../../scripts/policy';
import { GENERIC_PAGES, SITE_PAGES, type FixturePage } from './fixtures/catalogue';
import { chooseInNudge, nudgeCount, nudgeOrPost, openFixture, send, submissions, typeIntoComposer, waitForSubmissions } from './harness/driver';
import { packUnsignedXpi } from './harness/firefox';
import { defineNudgeSuite, expectFirstPostChecked } from './harness/nudge-suite';
import { TEST_PUPILS, TEST_SETTINGS, startFirefoxSession, warmUpExtension, type FirefoxSession } from './harness/session';

function fixtureById(id: string): FixturePage {
  const fixture = [...SITE_PAGES, ...GENERIC_PAGES].find((candidate) => candidate.id === id);
  if (!fixture) throw new Error(`No fixture page ${id}`);
  return fixture;
}

/**
 * A school site's reply form (extraSites only) and Bluesky, a built-in site
 * with a rich editor (TipTap). Not X: in Firefox, the first character typed
 * over WebDriver BiDi into its Draft.js fixture lands at the end of the draft,
 * with or without the extension (so the driver's quirk, not the extension's).
 */
const FIREFOX_PAGES = [fixtureById('forum-reply-form'), fixtureById('bluesky')];

let workDir: string;
let session: FirefoxSession;

/** The test school's policies.json, made by the admin tool from a roster CSV, as an admin would. */
async function adminToolPolicies(): Promise<string> {
  const roster = ['Forename,Surname', ...TEST_PUPILS.map((name) => name.split(' ').join(',')), ''].join('\n');
  await writeFile(join(workDir, 'pupils.csv'), roster);
  const log: string[] = [];
  const [school, alias] = TEST_SETTINGS.schoolNames!;
  await run(
    [
      '--roster', join(workDir, 'pupils.csv'),
      '--school', school,
      '--alias', alias,
      ...TEST_SETTINGS.extraSites!.flatMap((site) => ['--site', site]),
      '--out', join(workDir, 'policy'),
    ],
    (line) => log.push(line),
    (line) => log.push(line),
  );
  expect(log.join('\n')).toMatch(/Read 2 pupils from /);
  return readFile(join(workDir, 'policy', 'firefox-policies.json'), 'utf8');
}

let adminPolicies: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'second-thought-firefox-'));
  adminPolicies = await adminToolPolicies();
  // Names reach the extension only as hashes, under the add-on's own ID.
  expect(Object.keys(JSON.parse(adminPolicies).policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
  for (const name of TEST_PUPILS) expect(adminPolicies).not.toContain(name.split(' ')[0]);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// Installed as a temporary add-on over WebDriver BiDi, once Firefox is up.
describe('installed for testing', () => {
  beforeAll(async () => {
    // No warm-up: the first test is about the cold start.
    session = await startFirefoxSession({ policiesJson: adminPolicies, warmUp: false });
    expect(session.extensionId).toBe(GECKO_ID);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  describe('start-up', () => {
    it('checks the first post on a school site, made as soon as the page can take one', async () => {
      await expectFirstPostChecked(session.tab, fixtureById('forum-reply-form'), 'button');
    });
  });

  describe('once started', () => {
    beforeAll(async () => {
      await warmUpExtension(session.tab, undefined, fixtureById('bluesky'));
    }, 120_000);

    describe('the school’s settings, from policies.json', () => {
      const forum = fixtureById('forum-reply-form');

      async function post(text: string): Promise<'nudge' | 'posted'> {
        await openFixture(session.tab, forum);
        await typeIntoComposer(session.tab, forum, text);
        await send(session.tab, forum, 'button');
        return nudgeOrPost(session.tab);
      }

      // The roster reaches the extension only through policy, as hashes.
      it('nudges when a post names a pupil on the roster', async () => {
        expect(await post('Jayden Whitlock was brilliant in the match today')).toBe('nudge');
        await chooseInNudge(session.tab, forum, 'Edit post');
        expect(await submissions(session.tab)).toEqual([]);
      });

      it('lets a post naming someone not on the roster go once, with no nudge', async () => {
        const text = 'Priya Raman was brilliant in the match today';
        expect(await post(text)).toBe('posted');
        expect(await waitForSubmissions(session.tab, 1)).toEqual([{ text, via: 'button' }]);
        expect(await nudgeCount(session.tab)).toBe(0);
      });
    });

    // WebDriver BiDi cannot send an input method's Enter (key code 229); Chromium's suite covers it.
    defineNudgeSuite(() => session.tab, FIREFOX_PAGES, { imeEnter: false });
  });
});

// A school's own deployment on Firefox ESR, as docs/admin.md §4.5 describes it
// for an unsigned build: ExtensionSettings force-installs the .xpi from a file
// while Firefox starts, and the Preferences policy turns off the signature
// requirement (which only ESR, Developer Edition and Nightly honour). The
// extension then starts with the browser, as on a pupil's machine.
describe('force-installed by policy on ESR', () => {
  let forced: FirefoxSession;

  beforeAll(async () => {
    const xpi = packUnsignedXpi(join(workDir, 'xpi'));
    const policies = JSON.parse(adminPolicies) as { policies: Record<string, unknown> };
    policies.policies.ExtensionSettings = { [GECKO_ID]: { installation_mode: 'force_installed', install_url: pathToFileURL(xpi).href } };
    policies.policies.Preferences = { 'xpinstall.signatures.required': { Value: false, Status: 'locked' } };
    forced = await startFirefoxSession({ policiesJson: JSON.stringify(policies, null, 2), warmUp: false, install: 'policy' });
  }, 180_000);

  afterAll(async () => {
    await forced?.close();
  });

  it('is installed as Firefox starts, and checks the first post on a school site', async () => {
    await expectFirstPostChecked(forced.tab, fixtureById('forum-reply-form'), 'button');
  });
});
