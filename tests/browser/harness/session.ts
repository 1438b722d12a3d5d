// One browser session per test file: bundle the fixtures, start the HTTPS
// server, launch Chromium (with or without the extension) and open one page
// that the tests reuse.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { buildFixtures } from './build-fixtures';
import { launchChromium, type ExtensionSettings } from './chromium';
import { startFixtureServer, type FixtureServer } from './server';

/** The school the browser tests pretend to be; names are invented. */
export const TEST_SETTINGS: ExtensionSettings = {
  schoolNames: ['Hollins Park Academy', 'Hollins Park'],
  pupilNames: ['Tamsin Okoro', 'Jayden Whitlock'],
  staffNames: ['Mr Okafor', 'Mrs Lindqvist'],
  role: 'pupil',
  extraSites: ['forum.school-example.org', '*.school-example.org'],
};

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
