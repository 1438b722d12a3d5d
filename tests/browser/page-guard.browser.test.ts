// Issue 12: what a page's own scripts can and cannot do to the extension, and
// what happens to a post the checker cannot finish with. In real Chromium with
// the built extension:
// - a key press or click dispatched by the page (untrusted) on any composer
//   starts no check: the background sees none, and the site's own handler gets
//   the event as it would without the extension;
// - a check that runs past its time budget is abandoned: by default the post
//   goes ahead once; in block mode the writer is told "This post could not be
//   checked" and chooses; when the school fails closed, it can only be edited;
// - policy values the extension refuses are shown, with reasons, on the options
//   page and in the popup.
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_PAGES, SITE_PAGES, sentVia } from './fixtures/catalogue';
import { EXTENSION_ID, type ExtensionSettings } from './harness/chromium';
import {
  WAIT_MS,
  draftText,
  nudge,
  openFixture,
  scope,
  send,
  sendCases,
  sendFromPageScript,
  submissions,
  typeIntoComposer,
  waitForComposerCleared,
  waitForDraft,
  waitForSubmissions,
} from './harness/driver';
import { BENIGN_TEXT, HARMFUL_TEXTS, waitForNudge } from './harness/nudge-suite';
import { TEST_SETTINGS, applyManagedPolicy, extensionServiceWorker, startSession, type BrowserSession } from './harness/session';

// The fixture school, plus two values the extension must refuse and show.
const POLICY: ExtensionSettings = {
  ...TEST_SETTINGS,
  schoolNames: [...(TEST_SETTINGS.schoolNames ?? []), 'a'],
  extraSites: [...(TEST_SETTINGS.extraSites ?? []), '*.com'],
};
const HARMFUL = HARMFUL_TEXTS[0];

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ withExtension: true, settings: POLICY });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

/** The extension's service worker now (Chrome may have restarted it since the session began). */
const serviceWorker = (): Worker => extensionServiceWorker(session.context);

type RecorderGlobal = typeof globalThis & {
  __checksSeen?: string[];
  chrome: { runtime: { onMessage: { addListener(listener: (message: { type?: string; text?: string }) => void): void } } };
};

/** Records, in the background itself, the text of every check it is asked for. */
async function recordChecks(): Promise<void> {
  await serviceWorker().evaluate(() => {
    const scope = globalThis as RecorderGlobal;
    if (scope.__checksSeen) {
      scope.__checksSeen.length = 0;
      return;
    }
    scope.__checksSeen = [];
    scope.chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'check') scope.__checksSeen!.push(message.text ?? '');
    });
  });
}

async function checksSeen(): Promise<string[]> {
  const seen = await serviceWorker().evaluate(() => (globalThis as RecorderGlobal).__checksSeen);
  if (!seen) throw new Error('The check recorder is gone: the service worker restarted during the test');
  return seen;
}

const applyPolicy = (settings: ExtensionSettings): Promise<void> => applyManagedPolicy(session.context, settings);

describe('a page’s own key presses and clicks', () => {
  it.each(sendCases([...SITE_PAGES, ...GENERIC_PAGES]))(
    '%s: start no check, and reach the site’s own handler',
    async (_name, fixture, path) => {
      const { page } = session;
      await recordChecks();
      await openFixture(page, fixture);
      await typeIntoComposer(page, fixture, HARMFUL);
      await sendFromPageScript(page, fixture, path);
      // The site's handler got the page's event and posted, as it would without the extension.
      expect(await waitForSubmissions(page, 1)).toEqual([{ text: HARMFUL, via: sentVia(path) }]);
      expect(await nudge(page, fixture).count()).toBe(0);
      await waitForComposerCleared(page);
      // Then the person sends, on a fresh page: checked as always. Had the page's
      // send started a check, its message would have reached the background first.
      await openFixture(page, fixture);
      await typeIntoComposer(page, fixture, BENIGN_TEXT);
      await send(page, fixture, path);
      expect(await waitForSubmissions(page, 1)).toEqual([{ text: BENIGN_TEXT, via: sentVia(path) }]);
      expect(await checksSeen()).toEqual([BENIGN_TEXT]);
    },
  );
});

describe('a check that runs past its time budget', () => {
  const fixture = SITE_PAGES.find((page) => page.id === 'mastodon')!;
  // Far more than the engine gets through in 100 ms, however fast it becomes.
  const LONG_POST = `Kill yourself. ${'We had a lovely day at the match and everyone played really well. '.repeat(9_000)}`;
  const BUDGET = { checkTimeLimitMs: 100 };

  async function sendLongPost(): Promise<void> {
    const { page } = session;
    await openFixture(page, fixture);
    const composer = scope(page, fixture).locator(fixture.composer);
    await composer.click({ timeout: WAIT_MS });
    await composer.fill(LONG_POST, { timeout: 60_000 });
    await waitForDraft(page, LONG_POST);
    await send(page, fixture, 'button');
  }

  afterAll(async () => {
    await applyPolicy(POLICY);
  }, 90_000);

  it('fails open by default: the post goes out once, unchanged, with no message', async () => {
    await applyPolicy({ ...POLICY, ...BUDGET });
    await sendLongPost();
    const sent = await waitForSubmissions(session.page, 1);
    expect(sent).toHaveLength(1);
    expect(sent[0].text === LONG_POST).toBe(true);
    expect(await nudge(session.page).count()).toBe(0);
  }, 120_000);

  it('in block mode says "This post could not be checked", and "Post anyway" sends it once', async () => {
    await applyPolicy({ ...POLICY, ...BUDGET, categories: { threat: { pupil: 'block' } } });
    await sendLongPost();
    await waitForNudge(session.page);
    const card = nudge(session.page);
    await card.getByRole('heading', { name: 'This post could not be checked' }).waitFor({ timeout: WAIT_MS });
    expect(await submissions(session.page)).toEqual([]);
    await card.getByRole('button', { name: 'Post anyway', exact: true }).click({ timeout: WAIT_MS });
    const sent = await waitForSubmissions(session.page, 1);
    expect(sent).toHaveLength(1);
    expect(sent[0].text === LONG_POST).toBe(true);
  }, 120_000);

  it('holds the post back when the school fails closed: only "Edit post", and the draft is kept', async () => {
    await applyPolicy({ ...POLICY, ...BUDGET, failClosed: true });
    await sendLongPost();
    await waitForNudge(session.page);
    const card = nudge(session.page);
    await card.getByRole('heading', { name: 'This post could not be checked' }).waitFor({ timeout: WAIT_MS });
    expect(await card.getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Edit post', exact: true }).click({ timeout: WAIT_MS });
    await card.waitFor({ state: 'detached', timeout: WAIT_MS });
    expect((await draftText(session.page)) === LONG_POST).toBe(true);
    expect(await submissions(session.page)).toEqual([]);
  }, 120_000);
});

describe('policy values the extension refuses', () => {
  it('are shown with their reasons on the options page', async () => {
    const options = await session.context.newPage();
    try {
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      const region = options.getByRole('region', { name: 'Settings that could not be used' });
      await region.waitFor({ timeout: WAIT_MS });
      await region.getByText(/School names \(Set by your school\): “a” is too short to be a school name/).waitFor({ timeout: WAIT_MS });
      await region.getByText(/Extra sites \(Set by your school\): “\*\.com” would cover every site ending in \.com/).waitFor({ timeout: WAIT_MS });
    } finally {
      await options.close();
    }
  });

  it('are shown in the popup, where it says the school set it up', async () => {
    const popup = await session.context.newPage();
    try {
      await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
      await popup.getByText('Some of your school’s settings could not be used:').waitFor({ timeout: WAIT_MS });
      expect(await popup.getByText('Set by your school').count()).toBeGreaterThan(0);
      await popup.getByText(/“a” is too short to be a school name/).waitFor({ timeout: WAIT_MS });
    } finally {
      await popup.close();
    }
  });
});

