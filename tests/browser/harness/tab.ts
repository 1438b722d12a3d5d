// What the shared suite needs from a browser tab, so that one suite drives both
// browsers: Chromium through Playwright (the DevTools protocol) and Firefox
// through Puppeteer (WebDriver BiDi; Playwright's Firefox is a patched build,
// not the Firefox schools install). Each operation is a real, trusted input
// or a wait on a condition in the page, as in driver.ts.
import type { Page } from 'playwright-core';
import { pageUrl, type FixturePage } from '../fixtures/catalogue';

/** Long enough for a cold editor bundle on a busy 2-core machine. */
export const WAIT_MS = 15_000;

export type KeyChord = 'Enter' | 'Control+Enter' | 'Meta+Enter';

/** An element: a CSS selector, in the page or inside the same-origin iframe `frame`. */
export interface Target {
  selector: string;
  frame?: string;
}

export interface FixtureTab {
  readonly browserName: 'chromium' | 'firefox';
  /** The address of a fixture page as this browser reaches the local server. */
  urlOf(fixture: FixturePage): string;
  /** Navigates and waits for the DOM (not for every script). */
  goto(url: string): Promise<void>;
  /** A real click (twice: a double click, as fast as the page takes it). */
  click(target: Target, options?: { twice?: boolean }): Promise<void>;
  waitForVisible(target: Target): Promise<void>;
  /** Real key presses into whatever has focus. */
  type(text: string): Promise<void>;
  press(chord: KeyChord): Promise<void>;
  /** Two presses with nothing awaited in between on the page's side. */
  pressTwice(chord: KeyChord): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls `fn` in the page until it returns something truthy, and resolves with it. */
  waitUntil<R, A>(fn: (arg: A) => R, arg: A, timeoutMs?: number): Promise<R>;
  /** The nudge (role=alertdialog), looked for in `frame` when the composer is in one. */
  nudgeCount(frame?: string): Promise<number>;
  waitForNudge(state: 'visible' | 'detached', frame?: string): Promise<void>;
  /** A real click on the nudge's button of that name. */
  clickNudgeButton(name: 'Edit post' | 'Post anyway', frame?: string): Promise<void>;
  /**
   * A trusted Enter with key code 229, as an input method sends it. Only the
   * DevTools protocol can send one, so Firefox (WebDriver BiDi) leaves it out.
   */
  pressImeEnter?(): Promise<void>;
}

/** Chromium's tabs are Playwright pages; the driver takes either. */
export type Tab = Page | FixtureTab;

export function isFixtureTab(tab: Tab): tab is FixtureTab {
  return 'browserName' in tab && (tab.browserName === 'chromium' || tab.browserName === 'firefox');
}

const playwrightTabs = new WeakMap<Page, FixtureTab>();

export function fixtureTab(tab: Tab): FixtureTab {
  if (isFixtureTab(tab)) return tab;
  let wrapped = playwrightTabs.get(tab);
  if (!wrapped) playwrightTabs.set(tab, (wrapped = playwrightTab(tab)));
  return wrapped;
}

function playwrightTab(page: Page): FixtureTab {
  const within = (frame?: string) => (frame ? page.frameLocator(frame) : page);
  const locate = (target: Target) => within(target.frame).locator(target.selector);
  const nudge = (frame?: string) => within(frame).getByRole('alertdialog');
  return {
    browserName: 'chromium',
    // Chromium maps each fixture host to the server's port (--host-resolver-rules).
    urlOf: (fixture) => pageUrl(fixture),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    click: (target, options) => locate(target).click({ timeout: WAIT_MS, clickCount: options?.twice ? 2 : 1 }),
    waitForVisible: (target) => locate(target).waitFor({ state: 'visible', timeout: WAIT_MS }),
    type: (text) => page.keyboard.type(text),
    press: (chord) => page.keyboard.press(chord),
    pressTwice: async (chord) => {
      await Promise.all([page.keyboard.press(chord), page.keyboard.press(chord)]);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitUntil: async (fn, arg, timeoutMs = WAIT_MS) => {
      const handle = await page.waitForFunction(fn as never, arg, { timeout: timeoutMs });
      return (await handle.jsonValue()) as never;
    },
    nudgeCount: (frame) => nudge(frame).count(),
    waitForNudge: (state, frame) => nudge(frame).waitFor({ state, timeout: WAIT_MS }),
    clickNudgeButton: (name, frame) => nudge(frame).getByRole('button', { name, exact: true }).click({ timeout: WAIT_MS }),
    async pressImeEnter() {
      const devtools = await page.context().newCDPSession(page);
      try {
        const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
        await devtools.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
        await devtools.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
      } finally {
        await devtools.detach();
      }
    },
  };
}
