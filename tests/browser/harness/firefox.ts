// Debian's Firefox ESR with the production build of the extension, driven over
// WebDriver BiDi by Puppeteer (Playwright drives only its own patched Firefox).
// The admin tool's firefox-policies.json goes where Firefox on Linux reads
// enterprise policy, exactly as docs/admin.md §4.5 says, before Firefox starts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type ElementHandle, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { GECKO_EXTENSION_ID } from '../../../settings/extension-ids';
import { FIXTURE_HOSTS, type FixturePage } from '../fixtures/catalogue';
import { WAIT_MS, type FixtureTab, type KeyChord, type Target } from './tab';
import { isRunning } from './processes';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/**
 * The test school's own Firefox build (npm run build:browser-test), for the same
 * reason as Chromium's: its school sites are in the manifest, so extraSites need
 * no one to allow them. SECOND_THOUGHT_FIREFOX_EXTENSION_DIR: test another build.
 */
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.SECOND_THOUGHT_FIREFOX_EXTENSION_DIR ?? fileURLToPath(new URL('../../../.output/firefox-mv2-school', import.meta.url)),
);
/** Where Firefox on Linux reads enterprise policy (one file for the whole machine). */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
// Who wrote the policy file, so a file left by a test process that died is
// known for ours and replaced, while an admin's own file is never touched.
const POLICY_OWNER_FILE = join(tmpdir(), 'second-thought-firefox-policy.owner');

export interface LaunchedFirefox {
  browser: Browser;
  tab: FixtureTab;
  /** The add-on's ID, as Firefox installed it. */
  extensionId: string;
  close(): Promise<void>;
}

function policyOwner(): number | undefined {
  try {
    return Number(readFileSync(POLICY_OWNER_FILE, 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

/** How long to wait for another test process's Firefox to give the policy file back. */
const POLICY_WAIT_MS = 15 * 60_000;

/**
 * Writes `policiesJson` (a whole policies.json) where Firefox reads it. The file
 * is one per machine and Firefox reads it as it starts, so this process keeps it
 * until its Firefox closes; another test process (a second `npm test` in another
 * clone) waits its turn, watching the owner file rather than a fixed time.
 */
export async function writeFirefoxPolicyFile(policiesJson: string, timeoutMs = POLICY_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const owner = policyOwner();
    if (owner !== undefined && owner !== process.pid && !isRunning(owner)) {
      // Left by a test process that died: ours to replace.
      rmSync(FIREFOX_POLICY_FILE, { force: true });
      rmSync(POLICY_OWNER_FILE, { force: true });
      continue;
    }
    if (owner === undefined && existsSync(FIREFOX_POLICY_FILE)) {
      throw new Error(
        `${FIREFOX_POLICY_FILE} already exists and was not written by these tests. ` +
          'The Firefox browser tests put their own enterprise policy there; move that file aside and run them again.',
      );
    }
    if (owner === process.pid || claimPolicyFile()) break;
    if (Date.now() > deadline) throw new Error(`${FIREFOX_POLICY_FILE} stayed in use by test process ${owner} for ${timeoutMs / 60_000} minutes.`);
    if (!told) {
      console.warn(`Second Thought browser tests: waiting for test process ${owner} to finish with ${FIREFOX_POLICY_FILE}.`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    mkdirSync(dirname(FIREFOX_POLICY_FILE), { recursive: true });
    writeFileSync(FIREFOX_POLICY_FILE, policiesJson);
  } catch (error) {
    removeFirefoxPolicyFile();
    throw new Error(
      `Could not write ${FIREFOX_POLICY_FILE} (${(error as Error).message}).\n` +
        'The Firefox browser tests need to run as a user who can write to /etc/firefox/policies.',
    );
  }
}

/** Takes the policy file for this process, unless another process got there first. */
function claimPolicyFile(): boolean {
  try {
    writeFileSync(POLICY_OWNER_FILE, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function removeFirefoxPolicyFile(): void {
  if (policyOwner() !== process.pid) return;
  rmSync(FIREFOX_POLICY_FILE, { force: true });
  rmSync(POLICY_OWNER_FILE, { force: true });
}

// A policy left behind would configure every later Firefox on this machine.
process.once('exit', removeFirefoxPolicyFile);

/**
 * Packs the Firefox build into an unsigned .xpi with web-ext, as an admin
 * would before sending it to Mozilla for signing (docs/admin.md §4.5).
 */
export function packUnsignedXpi(outDir: string): string {
  // Its command-line script: the package exports no path to it.
  const webExt = fileURLToPath(new URL('../../../node_modules/web-ext/bin/web-ext.js', import.meta.url));
  execFileSync(process.execPath, [webExt, 'build', '--source-dir', FIREFOX_EXTENSION_DIR, '--artifacts-dir', outDir, '--filename', 'second-thought.xpi', '--overwrite-dest'], {
    stdio: 'ignore',
  });
  return join(outDir, 'second-thought.xpi');
}

/**
 * Starts Firefox with `policiesJson` in force and the extension installed. Every
 * fixture host resolves to this machine (network.dns.localDomains); Firefox has
 * no way to map a port too, so pages are opened on the server's own port, which
 * the extension's match patterns and site checks ignore, as they ignore the port
 * of any site.
 */
export async function launchFirefox(options: {
  port: number;
  policiesJson: string;
  /**
   * 'temporary' (default): installed over WebDriver BiDi once Firefox is up, as
   * about:debugging would, so no signature is needed. 'policy': the policy's
   * own ExtensionSettings force-installs it while Firefox starts.
   */
  install?: 'temporary' | 'policy';
}): Promise<LaunchedFirefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `The Firefox build of the extension is missing (${FIREFOX_EXTENSION_DIR}/manifest.json).\n` +
        'Run `npm run build:browser-test` before the browser tests.',
    );
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox is not at ${FIREFOX_PATH}. Install Debian's Firefox ESR with: apt-get install -y firefox-esr`);
  }
  await writeFirefoxPolicyFile(options.policiesJson);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // The fixture server's certificate is a throwaway self-signed one.
      acceptInsecureCerts: true,
      defaultViewport: { width: 1000, height: 760 },
      extraPrefsFirefox: {
        'network.dns.localDomains': FIXTURE_HOSTS.join(','),
        'intl.locale.requested': 'en-GB',
        // Nothing but the fixture hosts, which resolve locally, should reach a network.
        'network.proxy.type': 0,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
  } catch (error) {
    removeFirefoxPolicyFile();
    throw error;
  }
  try {
    // A temporary add-on, as about:debugging installs one, needs no signature (docs/admin.md §4.5).
    const extensionId = options.install === 'policy' ? GECKO_EXTENSION_ID : await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return {
      browser,
      tab: puppeteerTab(page, options.port),
      extensionId,
      close: async () => {
        await browser.close();
        removeFirefoxPolicyFile();
      },
    };
  } catch (error) {
    await browser.close();
    removeFirefoxPolicyFile();
    throw error;
  }
}

/** The page, or the same-origin iframe a target lives in. */
async function frameOf(page: Page, frame?: string): Promise<Page | Frame> {
  if (!frame) return page;
  const element = await page.waitForSelector(frame, { timeout: WAIT_MS });
  const content = await element?.contentFrame();
  if (!content) throw new Error(`No frame at ${frame}`);
  return content;
}

const MODIFIERS: Record<string, KeyInput> = { Control: 'Control', Meta: 'Meta' };

/**
 * Finds the nudge (role=alertdialog) in the document, any open shadow root and
 * any same-origin iframe, as nudgeOrPost does; with `buttonName`, the nudge's
 * button whose text is exactly that. Runs in the page.
 */
function findInNudge(buttonName: string | null): Element[] {
  // No named inner functions here: tsx would wrap them in a helper the page lacks.
  const found: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  while (roots.length > 0) {
    const root = roots.pop()!;
    for (const dialog of root.querySelectorAll('[role="alertdialog"]')) {
      if (buttonName === null) found.push(dialog);
      else for (const button of dialog.querySelectorAll('button')) if (button.textContent?.trim() === buttonName) found.push(button);
    }
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      if (element instanceof HTMLIFrameElement && element.contentDocument) roots.push(element.contentDocument);
    }
  }
  return found;
}

function puppeteerTab(page: Page, port: number): FixtureTab {
  const locate = async (target: Target) => (await frameOf(page, target.frame)).locator(target.selector).setTimeout(WAIT_MS);
  const chordKeys = (chord: KeyChord): { modifier?: KeyInput; key: KeyInput } => {
    const [first, second] = chord.split('+');
    return second ? { modifier: MODIFIERS[first], key: second as KeyInput } : { key: first as KeyInput };
  };
  const press = async (chord: KeyChord) => {
    const { modifier, key } = chordKeys(chord);
    if (modifier) await page.keyboard.down(modifier);
    await page.keyboard.press(key);
    if (modifier) await page.keyboard.up(modifier);
  };
  const nudges = () => page.evaluate(`(${findInNudge.toString()})(null).length`) as Promise<number>;
  return {
    browserName: 'firefox',
    urlOf: (fixture: FixturePage) => `https://${fixture.host}:${port}${fixture.path}`,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
    },
    click: async (target, options) => {
      await (await locate(target)).click({ count: options?.twice ? 2 : 1 });
    },
    waitForVisible: async (target) => {
      await (await frameOf(page, target.frame)).waitForSelector(target.selector, { visible: true, timeout: WAIT_MS });
    },
    type: (text) => page.keyboard.type(text),
    press,
    pressTwice: async (chord) => {
      await Promise.all([press(chord), press(chord)]);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitUntil: async (fn, arg, timeoutMs = WAIT_MS) => {
      const handle = await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs }, arg);
      return (await handle.jsonValue()) as never;
    },
    // The content script draws the nudge in the composer's own frame; this looks in every same-origin frame.
    nudgeCount: () => nudges(),
    waitForNudge: async (state) => {
      await page.waitForFunction(
        `(() => { const found = (${findInNudge.toString()})(null); return ${state === 'visible' ? 'found.some((dialog) => dialog.getClientRects().length > 0)' : 'found.length === 0'}; })()`,
        { timeout: WAIT_MS },
      );
    },
    clickNudgeButton: async (name) => {
      const handle = await page.waitForFunction(`(${findInNudge.toString()})(${JSON.stringify(name)})[0]`, { timeout: WAIT_MS });
      const button = handle.asElement() as ElementHandle<Element> | null;
      if (!button) throw new Error(`The nudge has no “${name}” button`);
      await button.click();
    },
  };
}
