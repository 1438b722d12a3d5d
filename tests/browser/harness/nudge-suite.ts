// The one suite every composer runs: the same test functions for every editor
// kind and every way of sending, repeated (with no retries) to catch flakiness,
// as Harper's browser tests do. Assertions are on behaviour: what the page's own
// submit handler saw, read from the editor's state.
import { describe, expect, it } from 'vitest';
import { sentVia, type FixturePage, type SendPath } from '../fixtures/catalogue';
import {
  WAIT_MS,
  chooseInNudge,
  composerHasFocus,
  draftText,
  nudge,
  nudgeCount,
  nudgeOrPost,
  openFixture,
  pressImeEnter,
  send,
  sendAttempts,
  sendCases,
  sendTwiceRapidly,
  submissions,
  typeIntoComposer,
  waitForComposerCleared,
  waitForSubmissions,
  type Tab,
} from './driver';
import { fixtureTab } from './tab';

export { nudge };

export const BENIGN_TEXT = 'Great match today, well played everyone';
/** Harmful posts: bullying, and a pupil on the test roster (TEST_PUPILS, hashed into TEST_SETTINGS). */
export const HARMFUL_TEXTS = ['kys you ugly loser', 'Tamsin Okoro is so annoying in maths'];

export const REPETITIONS = Number(process.env.BROWSER_REPEAT ?? 3);

export async function waitForNudge(page: Tab, fixture?: FixturePage): Promise<void> {
  if ((await nudgeOrPost(page)) === 'posted') {
    throw new Error(`No nudge: the page posted ${JSON.stringify(await submissions(page))} unchecked`);
  }
  await fixtureTab(page).waitForNudge('visible', fixture?.frame);
}

async function waitForComposerFocus(page: Tab): Promise<void> {
  await expect.poll(() => composerHasFocus(page), { timeout: WAIT_MS }).toBe(true);
}

/** The key path a page sends with, if any (for the input-method test). */
function keyPath(fixture: FixturePage): SendPath | undefined {
  return fixture.sends.find((path) => path !== 'button');
}

/**
 * The first post after the browser starts, made as soon as the page can take
 * one, is checked: no warm-up, no waiting for the extension to read its policy.
 * Only meaningful as the first post of a fresh browser.
 */
export async function expectFirstPostChecked(page: Tab, fixture: FixturePage, path: SendPath): Promise<void> {
  await openFixture(page, fixture);
  await typeIntoComposer(page, fixture, HARMFUL_TEXTS[0]);
  await send(page, fixture, path);
  // The page posting first means the extension failed open: its script was not
  // in the page yet, or the checker did not answer in time.
  expect(await nudgeOrPost(page)).toBe('nudge');
  expect(await submissions(page)).toEqual([]);
  await chooseInNudge(page, fixture, 'Edit post');
  expect(await draftText(page)).toBe(HARMFUL_TEXTS[0]);
}

export interface SuiteOptions {
  /** Whether this browser can send an input method's Enter (Chromium only: see tab.ts). */
  imeEnter?: boolean;
}

/**
 * Registers the suite for these pages. `getPage` is called inside each test,
 * after the file's beforeAll has launched the browser.
 */
export function defineNudgeSuite(getPage: () => Tab, pages: readonly FixturePage[], options: SuiteOptions = {}): void {
  const cases = sendCases(pages);
  const imePages = options.imeEnter === false ? [] : pages.filter((fixture) => keyPath(fixture)).map((fixture) => [fixture.id, fixture] as const);

  for (let run = 1; run <= REPETITIONS; run++) {
    const harmful = HARMFUL_TEXTS[(run - 1) % HARMFUL_TEXTS.length];

    describe(`run ${run} of ${REPETITIONS}`, () => {
      it.each(cases)('%s: a kind post goes out once, exactly as written, with no nudge', async (_name, fixture, path) => {
        const page = getPage();
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, BENIGN_TEXT);
        await send(page, fixture, path);
        expect(await waitForSubmissions(page, 1)).toEqual([{ text: BENIGN_TEXT, via: sentVia(path) }]);
        expect(await nudgeCount(page, fixture)).toBe(0);
        await waitForComposerCleared(page);
        expect(await submissions(page)).toHaveLength(1);
      });

      it.each(cases)('%s: a harmful post, then "Edit post", sends nothing and keeps the draft', async (_name, fixture, path) => {
        const page = getPage();
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, harmful);
        await send(page, fixture, path);
        await waitForNudge(page, fixture);
        expect(await submissions(page)).toEqual([]);
        await chooseInNudge(page, fixture, 'Edit post');
        await waitForComposerFocus(page);
        expect(await draftText(page)).toBe(harmful);
        expect(await submissions(page)).toEqual([]);
        expect(await sendAttempts(page)).toEqual([]);
      });

      it.each(cases)('%s: a harmful post, then "Post anyway", goes out once, exactly as written', async (_name, fixture, path) => {
        const page = getPage();
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, harmful);
        await send(page, fixture, path);
        await waitForNudge(page, fixture);
        expect(await submissions(page)).toEqual([]);
        await chooseInNudge(page, fixture, 'Post anyway');
        const posted = await waitForSubmissions(page, 1);
        expect(posted.map((submission) => submission.text)).toEqual([harmful]);
        await waitForComposerCleared(page);
        expect(await submissions(page)).toHaveLength(1);
        expect(await nudgeCount(page, fixture)).toBe(0);
      });

      it.each(cases)('%s: a rapid double send shows one nudge and posts at most once', async (_name, fixture, path) => {
        const page = getPage();
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, harmful);
        // Two real presses or clicks, as fast as the page takes them. The second
        // lands while the first is being checked (swallowed), or on the nudge's
        // focused button just after it opens (which ignores a press that quick).
        await sendTwiceRapidly(page, fixture, path);
        await waitForNudge(page, fixture);
        expect(await nudgeCount(page, fixture)).toBe(1);
        expect(await submissions(page)).toEqual([]);
        await chooseInNudge(page, fixture, 'Post anyway');
        expect((await waitForSubmissions(page, 1)).map((submission) => submission.text)).toEqual([harmful]);
        await waitForComposerCleared(page);
        expect(await submissions(page)).toHaveLength(1);
        // The page's handler ran once: the second send never reached it, even held back and replayed.
        expect(await sendAttempts(page)).toHaveLength(1);
      });

      if (imePages.length > 0) it.each(imePages)('%s: an input-method Enter is not a send', async (_name, fixture) => {
        const page = getPage();
        const path = keyPath(fixture)!;
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, harmful);
        await pressImeEnter(page);
        expect(await draftText(page)).toBe(harmful);
        // A real send afterwards goes through the same queue, so if the IME Enter
        // had been taken for a send, its nudge would be the one on screen by now.
        await send(page, fixture, path);
        await waitForNudge(page, fixture);
        expect(await nudgeCount(page, fixture)).toBe(1);
        expect(await submissions(page)).toEqual([]);
        await chooseInNudge(page, fixture, 'Post anyway');
        expect(await waitForSubmissions(page, 1)).toEqual([{ text: harmful, via: sentVia(path) }]);
        expect(await sendAttempts(page)).toHaveLength(1);
      });
    });
  }
}
