// The nudge on every built-in site's compose box (fixtures imitating X,
// Facebook, Instagram, Threads, LinkedIn, Reddit, TikTok, YouTube, Bluesky,
// Mastodon, WhatsApp and Discord on their real hostnames).
import { afterAll, beforeAll } from 'vitest';
import { SITE_PAGES } from './fixtures/catalogue';
import { defineNudgeSuite } from './harness/nudge-suite';
import { TEST_SETTINGS, startSession, type BrowserSession } from './harness/session';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ withExtension: true, settings: TEST_SETTINGS });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

defineNudgeSuite(() => session.page, SITE_PAGES);
