// The one suite every composer runs: the same test functions for every editor
// kind and every way of sending, repeated (with no retries) to catch flakiness,
// as Harper's browser tests do. Assertions are on behaviour: what the page's own
// submit handler saw, read from the editor's state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sentVia, type FixturePage, type SendPath } from '../fixtures/catalogue';
import {
  WAIT_MS,
  composerHasFocus,
  draftText,
  nudge,
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
} from './driver';

export { nudge };

export const BENIGN_TEXT = 'Great match today, well played everyone';
/** Harmful posts: bullying, and a pupil on the test roster (TEST_PUPILS, hashed into TEST_SETTINGS). */
export const HARMFUL_TEXTS = ['kys you ugly loser', 'Tamsin Okoro is so annoying in maths'];

export const REPETITIONS = Number(process.env.BROWSER_REPEAT ?? 3);

export async function waitForNudge(page: Page, fixture?: FixturePage): Promise<void> {
  if ((await nudgeOrPost(page)) === 'posted') {
    throw new Error(`No nudge: the page posted ${JSON.stringify(await submissions(page))} unchecked`);
  }
  await nudge(page, fixture).waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function choose(page: Page, fixture: FixturePage, name: 'Edit post' | 'Post anyway'): Promise<void> {
  await nudge(page, fixture).getByRole('button', { name, exact: true }).click({ timeout: WAIT_MS });
  await nudge(page, fixture).waitFor({ state: 'detached', timeout: WAIT_MS });
}

async function waitForComposerFocus(page: Page): Promise<void> {
  await expect.poll(() => composerHasFocus(page), { timeout: WAIT_MS }).toBe(true);
}

/** The key path a page sends with, if any (for the input-method test). */
function keyPath(fixture: FixturePage): SendPath | undefined {
  return fixture.sends.find((path) => path !== 'button');
}

/**
 * Registers the suite for these pages. `getPage` is called inside each test,
 * after the file's beforeAll has launched the browser.
 */
export function defineNudgeSuite(getPage: () => Page, pages: readonly FixturePage[]): void {
  const cases = sendCases(pages);
  const imePages = pages.filter((fixture) => keyPath(fixture)).map((fixture) => [fixture.id, fixture] as const);

  for (let run = 1; run <= REPETITIONS; run++) {
    const harmful = HARMFUL_TEXTS[(run - 1) % HARMFUL_TEXTS.length];

    describe(`run ${run} of ${REPETITIONS}`, () => {
      it.each(cases)('%s: a kind post goes out once, exactly as written, with no nudge', async (_name, fixture, path) => {
        const page = getPage();
        await openFixture(page, fixture);
        await typeIntoComposer(page, fixture, BENIGN_TEXT);
        await send(page, fixture, path);
        expect(await waitForSubmissions(page, 1)).toEqual([{ text: BENIGN_TEXT, via: sentVia(path) }]);
        expect(await nudge(page, fixture).count()).toBe(0);
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
        await choose(page, fixture, 'Edit post');
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
        await choose(page, fixture, 'Post anyway');
        const posted = await waitForSubmissions(page, 1);
        expect(posted.map((submission) => submission.text)).toEqual([harmful]);
        await waitForComposerCleared(page);
        expect(await submissions(page)).toHaveLength(1);
        expect(await nudge(page, fixture).count()).toBe(0);
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
        expect(await nudge(page, fixture).count()).toBe(1);
        expect(await submissions(page)).toEqual([]);
        await choose(page, fixture, 'Post anyway');
        expect((await waitForSubmissions(page, 1)).map((submission) => submission.text)).toEqual([harmful]);
        await waitForComposerCleared(page);
        expect(await submissions(page)).toHaveLength(1);
        // The page's handler ran once: the second send never reached it, even held back and replayed.
        expect(await sendAttempts(page)).toHaveLength(1);
      });

      it.each(imePages)('%s: an input-method Enter is not a send', async (_name, fixture) => {
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
        expect(await nudge(page, fixture).count()).toBe(1);
        expect(await submissions(page)).toEqual([]);
        await choose(page, fixture, 'Post anyway');
        expect(await waitForSubmissions(page, 1)).toEqual([{ text: harmful, via: sentVia(path) }]);
        expect(await sendAttempts(page)).toHaveLength(1);
      });
    });
  }
}
