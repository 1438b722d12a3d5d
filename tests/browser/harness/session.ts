// One browser session per test file: bundle the fixtures, start the HTTPS
// server, launch Chromium (with or without the extension) or Firefox (with it)
// and open one page that the tests reuse.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { hashRoster } from '../../../lib/names/roster-hash';
import { SITE_PAGES, type FixturePage } from '../fixtures/catalogue';
import { buildFixtures } from './build-fixtures';
import { nudgeOrPost, openFixture, send, submissions, typeIntoComposer, type Tab } from './driver';
import { launchFirefox } from './firefox';
import { fixtureTab, type FixtureTab } from './tab';
import { EXTENSION_ID, launchChromium, writeManagedPolicy, type ExtensionSettings } from './chromium';
import { startFixtureServer, type FixtureServer } from './server';

/** Pupils of the invented school; in policy only as the admin tool writes them, hashed. */
export const TEST_PUPILS = ['Tamsin Okoro', 'Jayden Whitlock'];
// A fixed key, so every test process writes the same policy and Chromium's
// merge of their files (all in one folder) changes nothing.
const TEST_ROSTER_KEY = 'SG9sbGlucyBQYXJrIHRlc3Qgcm9zdGVyIGtleQ==';

/** The school the browser tests pretend to be; names are invented. */
export const TEST_SETTINGS: ExtensionSettings = {
  schoolNames: ['Hollins Park Academy', 'Hollins Park'],
  hashedRoster: hashRoster(TEST_PUPILS, TEST_ROSTER_KEY),
  staffNames: ['Mr Okafor', 'Mrs Lindqvist'],
  role: 'pupil',
  extraSites: ['forum.school-example.org', '*.school-example.org'],
};

/**
 * The checker starts cold in the service worker, and a post sent before it
 * answers goes out unchecked (the extension fails open). The per-editor suite
 * is about editors, not start-up, so it starts once the checker answers;
 * extension.browser.test.ts tests the cold start on its own.
 */
export async function warmUpExtension(page: Tab, timeoutMs = 60_000, fixture = SITE_PAGES.find((candidate) => candidate.id === 'x')!): Promise<void> {
  const tab = fixtureTab(page);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await openFixture(page, fixture);
    await typeIntoComposer(page, fixture, 'kys you ugly loser');
    await send(page, fixture, 'button');
    // Either the nudge shows (warm) or the page posts unchecked (still cold): both are conditions, not sleeps.
    const outcome = await nudgeOrPost(page);
    if (outcome === 'nudge' && (await submissions(page)).length === 0) {
      await tab.goto('about:blank');
      return;
    }
    // Give the worker room to finish its start-up work before asking again:
    // a readiness poll, not a wait inside any test.
    await tab.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  // Not fatal: the tests then fail one by one with "posted unchecked", which says more.
  console.warn(`Second Thought browser tests: no nudge for a harmful post within ${timeoutMs / 1000} s of start-up.`);
  await tab.goto('about:blank');
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  server: FixtureServer;
  serviceWorker?: Worker;
  close(): Promise<void>;
}

export async function startSession(options: {
  withExtension: boolean;
  settings?: ExtensionSettings;
  headless?: boolean;
  /** Wait until the extension's checker answers in time (default true with the extension). */
  warmUp?: boolean;
}): Promise<BrowserSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'second-thought-browser-'));
  const bundleDir = await buildFixtures(join(workDir, 'bundle'));
  const server = await startFixtureServer({ bundleDir, certDir: workDir });
  let browser;
  try {
    browser = await launchChromium({
      port: server.port,
      withExtension: options.withExtension,
      settings: options.settings,
      headless: options.headless,
    });
  } catch (error) {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (options.withExtension && options.warmUp !== false) await warmUpExtension(page);
  return {
    context: browser.context,
    page,
    server,
    serviceWorker: browser.serviceWorker,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  tab: FixtureTab;
  server: FixtureServer;
  /** The add-on's ID as Firefox installed it (the manifest's gecko ID). */
  extensionId: string;
  close(): Promise<void>;
}

/**
 * The same fixture server and pages, in Debian's Firefox ESR with the
 * extension installed and `policiesJson` as the machine's enterprise policy.
 */
export async function startFirefoxSession(options: {
  policiesJson: string;
  /** Wait until the extension's checker answers in time (default true), posting on this page. */
  warmUp?: false | FixturePage;
  /** How the extension is installed (see launchFirefox). */
  install?: 'temporary' | 'policy';
}): Promise<FirefoxSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'second-thought-browser-'));
  const bundleDir = await buildFixtures(join(workDir, 'bundle'));
  const server = await startFixtureServer({ bundleDir, certDir: workDir });
  let firefox;
  try {
    firefox = await launchFirefox({ port: server.port, policiesJson: options.policiesJson, install: options.install });
  } catch (error) {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  if (options.warmUp !== false) await warmUpExtension(firefox.tab, undefined, options.warmUp);
  return {
    tab: firefox.tab,
    server,
    extensionId: firefox.extensionId,
    close: async () => {
      await firefox.close();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker in this browser. */
export function extensionServiceWorker(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  if (!worker) throw new Error('The extension’s service worker is not running');
  return worker;
}

/** Writes the managed policy and resolves once the extension has been told of the change (Chromium notices the file itself). */
export async function applyManagedPolicy(context: BrowserContext, settings: ExtensionSettings): Promise<void> {
  const changed = extensionServiceWorker(context).evaluate(
    () =>
      new Promise<void>((resolve) => {
        const chrome = (globalThis as unknown as {
          chrome: { storage: { onChanged: { addListener(listener: (changes: object, area: string) => void): void } } };
        }).chrome;
        chrome.storage.onChanged.addListener((_changes, area) => {
          if (area === 'managed') resolve();
        });
      }),
  );
  writeManagedPolicy(settings);
  await changed;
}
