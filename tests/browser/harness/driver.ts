// Drives a fixture page the way a person would: focus the composer, type, send.
// Every wait is on a condition in the page (the site's own handler saw the
// post, the editor state holds the text), never on a fixed time.
import type { FrameLocator, Page } from 'playwright-core';
import { pageUrl, type FixturePage, type SendPath } from '../fixtures/catalogue';
import type { FixtureWindowState, Submission } from '../fixtures/page-kit';

type FixtureWindow = Window & FixtureWindowState;

/** Long enough for a cold editor bundle on a busy 2-core machine. */
export const WAIT_MS = 15_000;

export function scope(page: Page, fixture: FixturePage): Page | FrameLocator {
  return fixture.frame ? page.frameLocator(fixture.frame) : page;
}

export async function openFixture(page: Page, fixture: FixturePage): Promise<void> {
  await page.goto(pageUrl(fixture), { waitUntil: 'domcontentloaded' });
  if (fixture.activate) await page.locator(fixture.activate).click({ timeout: WAIT_MS });
  await page.waitForFunction(() => (window as unknown as FixtureWindow).__fixture?.ready === true, undefined, {
    timeout: WAIT_MS,
  });
  await scope(page, fixture).locator(fixture.composer).waitFor({ state: 'visible', timeout: WAIT_MS });
}

export async function typeIntoComposer(page: Page, fixture: FixturePage, text: string): Promise<void> {
  await scope(page, fixture).locator(fixture.composer).click({ timeout: WAIT_MS });
  await page.keyboard.type(text);
  await waitForDraft(page, text);
}

/** Waits until the editor's own state (not just its DOM) holds exactly this draft. */
export async function waitForDraft(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => (window as unknown as FixtureWindow).__fixture?.getText() === expected, text, {
    timeout: WAIT_MS,
  });
}

export async function draftText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__fixture!.getText());
}

export async function composerHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__fixture!.composerHasFocus());
}

export async function send(page: Page, fixture: FixturePage, path: SendPath): Promise<void> {
  switch (path) {
    case 'button':
      if (!fixture.sendButton) throw new Error(`${fixture.id} has no send button`);
      await scope(page, fixture).locator(fixture.sendButton).click({ timeout: WAIT_MS });
      return;
    case 'enter':
      await page.keyboard.press('Enter');
      return;
    case 'ctrl-enter':
      await page.keyboard.press('Control+Enter');
      return;
    case 'meta-enter':
      await page.keyboard.press('Meta+Enter');
      return;
  }
}

/**
 * Sends twice as fast as the page can take it: two clicks or key presses with
 * nothing awaited in between on the page's side.
 */
export async function sendTwiceRapidly(page: Page, fixture: FixturePage, path: SendPath): Promise<void> {
  if (path === 'button') {
    await scope(page, fixture).locator(fixture.sendButton!).click({ clickCount: 2, timeout: WAIT_MS });
    return;
  }
  const key = path === 'enter' ? 'Enter' : path === 'ctrl-enter' ? 'Control+Enter' : 'Meta+Enter';
  await Promise.all([page.keyboard.press(key), page.keyboard.press(key)]);
}

/**
 * One send made by the page's own script rather than the person: an untrusted
 * click on the send control, or an untrusted Enter keydown on the editor, as a
 * page probing the extension would dispatch them. The site's own handlers act
 * on these as they would on anything their page dispatches.
 */
export async function sendFromPageScript(page: Page, fixture: FixturePage, path: SendPath): Promise<void> {
  const target = scope(page, fixture).locator(path === 'button' ? fixture.sendButton! : fixture.composer);
  await target.evaluate(
    (element, how) => {
      if (how === 'button') {
        (element as HTMLElement).click();
        return;
      }
      const init = {
        key: 'Enter',
        code: 'Enter',
        keyCode: 13,
        which: 13,
        ctrlKey: how === 'ctrl-enter',
        metaKey: how === 'meta-enter',
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      element.dispatchEvent(new KeyboardEvent('keydown', init as KeyboardEventInit));
      element.dispatchEvent(new KeyboardEvent('keyup', init as KeyboardEventInit));
    },
    path,
    { timeout: WAIT_MS },
  );
}

/**
 * An Enter that belongs to an input method, not to the writer: the keyCode 229
 * Enter Chrome sends while an input method composes (and, on macOS, just after
 * compositionend). Sent through the DevTools protocol, so the page gets a
 * trusted key press, as from a real keyboard; Playwright's keyboard cannot give
 * Enter that key code.
 */
export async function pressImeEnter(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  try {
    const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
    await devtools.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await devtools.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  } finally {
    await devtools.detach();
  }
}

export async function submissions(page: Page): Promise<Submission[]> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__submissions ?? []);
}

export async function sendAttempts(page: Page): Promise<Submission[]> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__sendAttempts ?? []);
}

export async function waitForSubmissions(page: Page, count: number): Promise<Submission[]> {
  await page.waitForFunction(
    (expected) => ((window as unknown as FixtureWindow).__submissions ?? []).length >= expected,
    count,
    { timeout: WAIT_MS },
  );
  return submissions(page);
}

/** The page clears its composer once its simulated server accepts the post. */
export async function waitForComposerCleared(page: Page): Promise<void> {
  await waitForDraft(page, '');
}

/**
 * The nudge. For a composer inside an iframe it is looked for in that frame:
 * the content script runs there (all_frames) and draws the nudge beside the editor.
 */
export function nudge(page: Page, fixture?: FixturePage) {
  return (fixture ? scope(page, fixture) : page).getByRole('alertdialog');
}

/**
 * Waits for the nudge; fails at once, and says so, if the page posts instead
 * (the extension let the harmful post through, e.g. its check timed out).
 */
/** Every (page, way of sending) pair, named for test titles. */
export function sendCases(pages: readonly FixturePage[]): [string, FixturePage, SendPath][] {
  return pages.flatMap((fixture) => fixture.sends.map((path): [string, FixturePage, SendPath] => [`${fixture.id} via ${path}`, fixture, path]));
}

/**
 * Resolves with whichever happens first after a send: a nudge appears (an
 * element with role=alertdialog, in any open shadow root or same-origin
 * iframe) or the page posts.
 * One in-page wait, so nothing is left polling after it settles.
 */
export async function nudgeOrPost(page: Page): Promise<'nudge' | 'posted'> {
  const handle = await page.waitForFunction(
    () => {
      // No named inner functions here: tsx (used by scripts/demo.ts) would wrap them in a helper the page lacks.
      const roots: (Document | ShadowRoot)[] = [document];
      while (roots.length > 0) {
        const root = roots.pop()!;
        if (root.querySelector('[role="alertdialog"]')) return 'nudge';
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) roots.push(element.shadowRoot);
          // Same-origin iframes: a composer in a frame gets its nudge drawn there.
          if (element instanceof HTMLIFrameElement && element.contentDocument) roots.push(element.contentDocument);
        }
      }
      return ((window as unknown as FixtureWindow).__submissions ?? []).length > 0 ? 'posted' : false;
    },
    undefined,
    { timeout: WAIT_MS },
  );
  return (await handle.jsonValue()) as 'nudge' | 'posted';
}
