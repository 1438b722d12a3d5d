// The fixtures checked on their own, WITHOUT the extension: each page's own
// submit handler must record exactly the typed text once, by every way the page
// sends. If this fails, the extension suite's results mean nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_PAGES, SITE_PAGES, sentVia } from './fixtures/catalogue';
import {
  composerHasFocus,
  draftText,
  openFixture,
  pressImeEnter,
  send,
  sendAttempts,
  sendCases,
  sendFromPageScript,
  sendTwiceRapidly,
  submissions,
  typeIntoComposer,
  waitForComposerCleared,
  waitForSubmissions,
} from './harness/driver';
import { startSession, type BrowserSession } from './harness/session';

const PAGES = [...SITE_PAGES, ...GENERIC_PAGES];
const TEXT = 'Lovely match today, well played everyone';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ withExtension: false });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('fixture pages without the extension', () => {
  it.each(sendCases(PAGES))('%s: the page records the typed text once, read from the editor state', async (_name, fixture, path) => {
    const { page } = session;
    await openFixture(page, fixture);
    await typeIntoComposer(page, fixture, TEXT);
    await send(page, fixture, path);
    expect(await waitForSubmissions(page, 1)).toEqual([{ text: TEXT, via: sentVia(path) }]);
    await waitForComposerCleared(page);
    expect(await submissions(page)).toHaveLength(1);
  });

  it.each(PAGES.map((fixture) => [fixture.id, fixture] as const))(
    '%s: the focus probe sees the composer focused, through shadow roots and frames, and not after a click elsewhere',
    async (_name, fixture) => {
      const { page } = session;
      await openFixture(page, fixture);
      await typeIntoComposer(page, fixture, TEXT);
      expect(await composerHasFocus(page)).toBe(true);
      await page.mouse.click(3, 3);
      expect(await composerHasFocus(page)).toBe(false);
    },
  );

  it.each(sendCases(PAGES))('%s: a rapid double send posts once', async (_name, fixture, path) => {
    const { page } = session;
    await openFixture(page, fixture);
    await typeIntoComposer(page, fixture, TEXT);
    await sendTwiceRapidly(page, fixture, path);
    await waitForSubmissions(page, 1);
    await waitForComposerCleared(page);
    expect(await submissions(page)).toEqual([{ text: TEXT, via: sentVia(path) }]);
    // The second send did reach the page, which refused it while the first was in flight.
    expect(await sendAttempts(page)).toHaveLength(2);
  });

  // The ground truth for page-guard.browser.test.ts: the page's own handlers act on its own synthetic events.
  it.each(sendCases(PAGES))('%s: a send dispatched by the page’s own script reaches its handler, which posts once', async (_name, fixture, path) => {
    const { page } = session;
    await openFixture(page, fixture);
    await typeIntoComposer(page, fixture, TEXT);
    await sendFromPageScript(page, fixture, path);
    await waitForSubmissions(page, 1);
    await waitForComposerCleared(page);
    expect(await submissions(page)).toEqual([{ text: TEXT, via: sentVia(path) }]);
    expect(await sendAttempts(page)).toHaveLength(1);
  });

  const keyPages = PAGES.filter((fixture) => fixture.sends.some((path) => path !== 'button'));
  it.each(keyPages.map((fixture) => [fixture.id, fixture] as const))('%s: an input-method Enter is not a send', async (_name, fixture) => {
    const { page } = session;
    await openFixture(page, fixture);
    await typeIntoComposer(page, fixture, TEXT);
    await pressImeEnter(page);
    expect(await draftText(page)).toBe(TEXT);
    // A real send afterwards proves the IME Enter was handled first and sent nothing.
    const path = fixture.sends.find((candidate) => candidate !== 'button')!;
    await send(page, fixture, path);
    expect(await waitForSubmissions(page, 1)).toEqual([{ text: TEXT, via: sentVia(path) }]);
    expect(await sendAttempts(page)).toHaveLength(1);
  });
});
