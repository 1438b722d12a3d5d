// The nudge on a school's own sites, which the extension only knows through the
// admin's extraSites: forms, div-buttons, Enter and Ctrl+Enter chats, a
// composer in an iframe, one added after load and one after pushState.
import { afterAll, beforeAll } from 'vitest';
import { GENERIC_PAGES } from './fixtures/catalogue';
import { defineNudgeSuite } from './harness/nudge-suite';
import { TEST_SETTINGS, startSession, type BrowserSession } from './harness/session';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ withExtension: true, settings: TEST_SETTINGS });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

defineNudgeSuite(() => session.page, GENERIC_PAGES);
