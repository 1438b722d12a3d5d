// Drives a fixture page the way a person would: focus the composer, type, send.
// Every wait is on a condition in the page (the site's own handler saw the
// post, the editor state holds the text), never on a fixed time. Each function
// takes a Playwright page (Chromium) or a FixtureTab (Firefox, see tab.ts).
import type { FrameLocator, Page } from 'playwright-core';
import type { FixturePage, SendPath } from '../fixtures/catalogue';
import type { FixtureWindowState, Submission } from '../fixtures/page-kit';
import { WAIT_MS, fixtureTab, type KeyChord, type Tab } from './tab';

export { WAIT_MS, type Tab };

type FixtureWindow = Window & FixtureWindowState;

/** Playwright only (Chromium-only tests): the page, or the iframe the composer is in. */
export function scope(page: Page, fixture: FixturePage): Page | FrameLocator {
  return fixture.frame ? page.frameLocator(fixture.frame) : page;
}

export async function openFixture(page: Tab, fixture: FixturePage): Promise<void> {
  const tab = fixtureTab(page);
  await tab.goto(tab.urlOf(fixture));
  if (fixture.activate) await tab.click({ selector: fixture.activate });
  await tab.waitUntil(() => (window as unknown as FixtureWindow).__fixture?.ready === true, undefined);
  await tab.waitForVisible({ selector: fixture.composer, frame: fixture.frame });
}

export async function typeIntoComposer(page: Tab, fixture: FixturePage, text: string): Promise<void> {
  const tab = fixtureTab(page);
  await tab.click({ selector: fixture.composer, frame: fixture.frame });
  await tab.type(text);
  await waitForDraft(tab, text);
}

/** Waits until the editor's own state (not just its DOM) holds exactly this draft. */
export async function waitForDraft(page: Tab, text: string): Promise<void> {
  await fixtureTab(page).waitUntil((expected) => (window as unknown as FixtureWindow).__fixture?.getText() === expected, text);
}

export async function draftText(page: Tab): Promise<string> {
  return fixtureTab(page).evaluate(() => (window as unknown as FixtureWindow).__fixture!.getText(), undefined);
}

export async function composerHasFocus(page: Tab): Promise<boolean> {
  return fixtureTab(page).evaluate(() => (window as unknown as FixtureWindow).__fixture!.composerHasFocus(), undefined);
}

function chordFor(path: Exclude<SendPath, 'button'>): KeyChord {
  return path === 'enter' ? 'Enter' : path === 'ctrl-enter' ? 'Control+Enter' : 'Meta+Enter';
}

function sendButton(fixture: FixturePage) {
  if (!fixture.sendButton) throw new Error(`${fixture.id} has no send button`);
  return { selector: fixture.sendButton, frame: fixture.frame };
}

export async function send(page: Tab, fixture: FixturePage, path: SendPath): Promise<void> {
  const tab = fixtureTab(page);
  if (path === 'button') await tab.click(sendButton(fixture));
  else await tab.press(chordFor(path));
}

/**
 * Sends twice as fast as the page can take it: two clicks or key presses with
 * nothing awaited in between on the page's side.
 */
export async function sendTwiceRapidly(page: Tab, fixture: FixturePage, path: SendPath): Promise<void> {
  const tab = fixtureTab(page);
  if (path === 'button') await tab.click(sendButton(fixture), { twice: true });
  else await tab.pressTwice(chordFor(path));
}

/**
 * One send made by the page's own script rather than the person: an untrusted
 * click on the send control, or an untrusted Enter keydown on the editor, as a
 * page probing the extension would dispatch them. The site's own handlers act
 * on these as they would on anything their page dispatches. Playwright only.
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
 * trusted key press, as from a real keyboard; neither Playwright's keyboard
 * nor WebDriver BiDi can give Enter that key code.
 */
export async function pressImeEnter(page: Tab): Promise<void> {
  const tab = fixtureTab(page);
  if (!tab.pressImeEnter) throw new Error(`${tab.browserName}: no way to send an input method's Enter`);
  await tab.pressImeEnter();
}

export async function submissions(page: Tab): Promise<Submission[]> {
  return fixtureTab(page).evaluate(() => (window as unknown as FixtureWindow).__submissions ?? [], undefined);
}

export async function sendAttempts(page: Tab): Promise<Submission[]> {
  return fixtureTab(page).evaluate(() => (window as unknown as FixtureWindow).__sendAttempts ?? [], undefined);
}

export async function waitForSubmissions(page: Tab, count: number): Promise<Submission[]> {
  await fixtureTab(page).waitUntil((expected) => ((window as unknown as FixtureWindow).__submissions ?? []).length >= expected, count);
  return submissions(page);
}

/** The page clears its composer once its simulated server accepts the post. */
export async function waitForComposerCleared(page: Tab): Promise<void> {
  await waitForDraft(page, '');
}

/**
 * Playwright only (Chromium-only tests): the nudge. For a composer inside an
 * iframe it is looked for in that frame: the content script runs there
 * (all_frames) and draws the nudge beside the editor.
 */
export function nudge(page: Page, fixture?: FixturePage) {
  return (fixture ? scope(page, fixture) : page).getByRole('alertdialog');
}

/** How many nudges are open (in the composer's frame, if it has one). */
export function nudgeCount(page: Tab, fixture?: FixturePage): Promise<number> {
  return fixtureTab(page).nudgeCount(fixture?.frame);
}

/** A real click on one of the nudge's buttons, then waits for the nudge to go. */
export async function chooseInNudge(page: Tab, fixture: FixturePage | undefined, name: 'Edit post' | 'Post anyway'): Promise<void> {
  const tab = fixtureTab(page);
  await tab.clickNudgeButton(name, fixture?.frame);
  await tab.waitForNudge('detached', fixture?.frame);
}

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
export async function nudgeOrPost(page: Tab): Promise<'nudge' | 'posted'> {
  return fixtureTab(page).waitUntil(
    (): 'nudge' | 'posted' | false => {
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
  ) as Promise<'nudge' | 'posted'>;
}
