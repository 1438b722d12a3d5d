// Starts Debian's Chromium with the production build of the extension, the
// fixture hosts mapped to the local server, and (optionally) a real managed
// policy for the extension, exactly as an admin would deploy it on Linux.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { FIXTURE_HOSTS } from '../fixtures/catalogue';
import type { AdminSettings } from '../../../settings/admin-settings';
import { isRunning } from './processes';

/** Fixed by the manifest key in wxt.config.ts. */
export const EXTENSION_ID = 'clhppdhgldbhpoeohikenicmnbbifcjl';
// A school's own build (npm run build:browser-test) whose school sites are the
// fixture school's: the store build holds host access only for the built-in
// sites, and extraSites then wait for a person to allow them in a browser
// prompt that a test cannot answer. The two builds differ only in that.
// SECOND_THOUGHT_EXTENSION_DIR: test another unpacked build (e.g. an experiment) in its place.
export const EXTENSION_DIR = resolve(
  process.env.SECOND_THOUGHT_EXTENSION_DIR ?? fileURLToPath(new URL('../../../.output/chrome-mv3-school', import.meta.url)),
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const POLICY_DIR = '/etc/chromium/policies/managed';
// One file per test process: vitest may run two browser files at once, and one
// finishing must not take the policy away from the other's running Chromium.
// (Both write the same settings, so Chromium's merge of the files is harmless.)
export const POLICY_FILE = join(POLICY_DIR, `second-thought-test-${process.pid}.json`);

/**
 * The extension's managed settings (storage.managed), as an admin writes them
 * (settings/admin-settings.ts). pupilNames is allowed only so a test can show the
 * extension ignores plaintext names in policy.
 */
export type ExtensionSettings = Partial<AdminSettings> & { pupilNames?: string[] };

export interface LaunchOptions {
  /** The local fixture server's port; every fixture host maps to it. */
  port: number;
  withExtension: boolean;
  /** Written as managed policy before launch and removed on close. */
  settings?: ExtensionSettings;
  headless?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The extension's service worker, when the extension is loaded. */
  serviceWorker?: Worker;
  close(): Promise<void>;
}

export function hostResolverRules(port: number, hosts: readonly string[] = FIXTURE_HOSTS): string {
  // Everything else fails to resolve, so a stray request cannot leave the machine.
  return [...hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

export function assertExtensionBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `The production build of the extension is missing (${EXTENSION_DIR}/manifest.json).\n` +
        'Run `npm run build:browser-test` before the browser tests.',
    );
  }
}

let policyWritten = false;

/** Policy files left by test processes that died before cleaning up. */
function removeStalePolicies(): void {
  if (!existsSync(POLICY_DIR)) return;
  for (const name of readdirSync(POLICY_DIR)) {
    const pid = /^second-thought-test-(\d+)\.json$/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(POLICY_DIR, name), { force: true });
  }
}

export function writeManagedPolicy(settings: ExtensionSettings): void {
  try {
    removeStalePolicies();
    mkdirSync(dirname(POLICY_FILE), { recursive: true });
    writeFileSync(POLICY_FILE, policyText(settings));
  } catch (error) {
    throw new Error(
      `Could not write the managed policy file ${POLICY_FILE} (${(error as Error).message}).\n` +
        'The browser tests with settings need to run as a user who can write to /etc/chromium/policies/managed.',
    );
  }
  policyWritten = true;
}

export function removeManagedPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
  policyWritten = false;
}

// A policy left behind would configure every later Chromium on this machine.
process.once('exit', () => {
  if (policyWritten) removeManagedPolicy();
  releasePolicyLock();
});

// Chromium merges every file in the policy folder, so two test processes with
// different settings (say this file's school and managed-policy's) would each
// see a mixture. Processes with the same settings share the folder happily;
// one with different settings waits until the others are done. The lock, kept
// outside the policy folder (Chromium reads every file there), only guards
// looking and writing, so two processes never both see the folder clear.
const POLICY_LOCK = join(tmpdir(), 'second-thought-managed-policy.lock');
const POLICY_WAIT_MS = 15 * 60_000;

function policyText(settings: ExtensionSettings): string {
  return JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, null, 2);
}

/** Policy files of other live test processes whose settings differ from `text`. */
function otherPolicies(text: string): string[] {
  if (!existsSync(POLICY_DIR)) return [];
  return readdirSync(POLICY_DIR).filter((name) => {
    const pid = /^second-thought-test-(\d+)\.json$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || !isRunning(Number(pid))) return false;
    try {
      return readFileSync(join(POLICY_DIR, name), 'utf8') !== text;
    } catch {
      return false;
    }
  });
}

function lockHolder(): number | undefined {
  try {
    return Number(readFileSync(POLICY_LOCK, 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes this process's policy once no other test process has different
 * settings in force (waiting on files, not a fixed time), or after
 * POLICY_WAIT_MS with a warning.
 */
export async function writeManagedPolicyWhenClear(settings: ExtensionSettings, timeoutMs = POLICY_WAIT_MS): Promise<void> {
  const text = policyText(settings);
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    removeStalePolicies();
    const holder = lockHolder();
    if (holder !== undefined && holder !== process.pid && !isRunning(holder)) rmSync(POLICY_LOCK, { force: true });
    let others: string[] = [];
    try {
      writeFileSync(POLICY_LOCK, String(process.pid), { flag: 'wx' });
      try {
        others = otherPolicies(text);
        if (others.length === 0 || Date.now() > deadline) {
          if (others.length > 0) console.warn(`Second Thought browser tests: ${others.join(', ')} still in ${POLICY_DIR} with other settings; going ahead anyway.`);
          writeManagedPolicy(settings);
          return;
        }
      } finally {
        releasePolicyLock();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!told && others.length > 0) {
      console.warn(`Second Thought browser tests: waiting for ${others.join(', ')} in ${POLICY_DIR} (another test process, other settings) to finish.`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function releasePolicyLock(): void {
  if (lockHolder() === process.pid) rmSync(POLICY_LOCK, { force: true });
}

export async function launchChromium(options: LaunchOptions): Promise<LaunchedBrowser> {
  if (options.withExtension) assertExtensionBuilt();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  if (options.settings) await writeManagedPolicyWhenClear(options.settings);
  else removeManagedPolicy();

  // Lets Playwright report requests made by the extension's service worker.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = await mkdtemp(join(tmpdir(), 'second-thought-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--host-resolver-rules=${hostResolverRules(options.port)}`,
    '--ignore-certificate-errors',
  ];
  if (options.withExtension) {
    args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      args,
      // Playwright disables all extensions by default.
      ignoreDefaultArgs: options.withExtension ? ['--disable-extensions'] : [],
      ignoreHTTPSErrors: true,
      viewport: { width: 1000, height: 760 },
      locale: 'en-GB',
    });
  } catch (error) {
    if (options.settings) removeManagedPolicy();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  let serviceWorker: Worker | undefined;
  if (options.withExtension) {
    const isOurs = (worker: Worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
    serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }).catch(() => {
        throw new Error(
          `The extension's service worker did not start. Is ${EXTENSION_DIR} a Chrome MV3 build, ` +
            `and does its manifest key still give the ID ${EXTENSION_ID}?`,
        );
      }));
  }

  return {
    context,
    serviceWorker,
    close: async () => {
      await context.close();
      if (options.settings) removeManagedPolicy();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
