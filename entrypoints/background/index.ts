// Answers the content scripts. The engine itself runs in dedicated workers
// (./engine-host.ts), so a slow check never holds up this background or other
// tabs, and can be abandoned; compromise is never loaded here or in pages.
import { browser } from 'wxt/browser';
import type { Catalogue, Locale } from '@/lib/i18n/translate';
import type { WorkerLike } from '@/utils/engine-worker/protocol';
import { DEFAULT_STARTUP_MS } from '@/utils/engine-worker/pool';
import { loadSettings, nudgeCounter, watchSettings } from '@/settings/browser-port';
import { BUILT_IN_SITES } from '@/utils/sites';
import { createChecker } from './checker';
import { CHECK_WORKER_PATH, offscreenEngineHost, poolEngineHost, type EngineHost, type EngineHostRequest } from './engine-host';
import { syncExtraSites } from './extra-sites';
import { offscreenDocument } from './offscreen';

export default defineBackground(() => {
  const getURL = browser.runtime.getURL as (path: string) => string;
  const { recordNudge, recordSaidWrong } = nudgeCounter();

  // Firefox's background page can start workers itself; Chrome's service worker cannot.
  const engine: EngineHost = import.meta.env.FIREFOX
    ? poolEngineHost(() => new Worker(getURL(CHECK_WORKER_PATH)) as unknown as WorkerLike)
    : offscreenEngineHost({
        ensureDocument: offscreenDocument((globalThis as unknown as { chrome: Parameters<typeof offscreenDocument>[0] }).chrome, getURL),
        send: (message: EngineHostRequest) => browser.runtime.sendMessage(message),
        startupMs: DEFAULT_STARTUP_MS,
      });

  const checker = createChecker({
    loadSettings,
    engine,
    getURL,
    openTab: (url) => browser.tabs.create({ url }),
    builtInSites: BUILT_IN_SITES,
    recordNudge,
    recordSaidWrong,
    // The extension's own packaged file: the language the school chose, whatever the browser's (which cannot switch at run time).
    loadCatalogue: async (locale: Locale) => (await (await fetch(getURL(`/_locales/${locale}/messages.json`))).json()) as Catalogue,
    browserLanguages: () => [browser.i18n.getUILanguage(), ...(navigator.languages ?? [])],
  });

  const registerExtraSites = () =>
    checker
      .settings()
      .then(({ settings }) => syncExtraSites(settings.extraSites))
      .catch((error: unknown) => console.warn('Second Thought: could not register the extra sites:', error));

  // Chrome reports a managed policy change here, and the next check uses it
  // without a reload. Firefox has no change event for managed storage (it reads
  // policies.json when it starts), so there the read just below, made each time
  // the background starts, is what picks up the school's settings.
  watchSettings(() => {
    checker.invalidate();
    void registerExtraSites();
    // The engine builds its tables for the new settings now, not during a post.
    void checker.warm();
  });
  void registerExtraSites();
  // Someone allowed (or took away) access to the school's extra sites.
  browser.permissions.onAdded.addListener(() => void registerExtraSites());
  browser.permissions.onRemoved.addListener(() => void registerExtraSites());

  // The engine builds its tables on first use, which can take seconds on a slow
  // machine; do it now, not during someone's first post. (A composer gaining
  // focus sends 'warm-up' too, for when the worker slept.)
  setTimeout(() => void checker.warm().catch(() => undefined), 0);

  browser.runtime.onMessage.addListener((message: unknown, sender) => checker.handle(message, sender));
});
