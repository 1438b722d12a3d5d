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
 * Two sends in the same task, so both certainly arrive while the extension is
 * still checking the first. (Two real key presses race the check: when the
 * second lands after the nudge has opened, it falls on the nudge's focused
 * button instead, which tests something else.) The events are synthetic, as
 * a site's own scripts or the extension's replay would make them.
 */
export async function sendTwiceInOneTask(page: Page, fixture: FixturePage, path: SendPath): Promise<void> {
  const target = scope(page, fixture).locator(path === 'button' ? fixture.sendButton! : fixture.composer);
  await target.evaluate(
    (element, how) => {
      if (how === 'button') {
        (element as HTMLElement).click();
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
      for (let i = 0; i < 2; i++) {
        element.dispatchEvent(new KeyboardEvent('keydown', init as KeyboardEventInit));
        element.dispatchEvent(new KeyboardEvent('keyup', init as KeyboardEventInit));
      }
    },
    path,
    { timeout: WAIT_MS },
  );
}

/**
 * An Enter that belongs to an input method, not to the writer: first during a
 * composition (isComposing, keyCode 229), then the macOS case where keyCode 229
 * arrives just after compositionend with isComposing already false.
 */
export async function pressImeEnter(page: Page, fixture: FixturePage): Promise<void> {
  const frame = fixture.frame ? page.frame({ url: /\/frame\// }) : page.mainFrame();
  if (!frame) throw new Error(`No frame for ${fixture.id}`);
  await frame.evaluate(() => {
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    if (!target) throw new Error('Nothing is focused');
    const init = { key: 'Enter', code: 'Enter', keyCode: 229, which: 229, bubbles: true, cancelable: true, composed: true };
    target.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
    target.dispatchEvent(new KeyboardEvent('keydown', { ...init, isComposing: true } as KeyboardEventInit));
    target.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '' }));
    target.dispatchEvent(new KeyboardEvent('keydown', { ...init, isComposing: false } as KeyboardEventInit));
  });
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
