// The engine runs here, away from page start-up: it loads compromise (~0.5 s),
// which must never slow down the pages people write on.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { NUDGE_COUNTS_KEY, addNudge } from '@/components/settings/nudge-counts';
import { check } from '@/lib';
import { loadPackagedClassifier } from '@/utils/classifier-file';
import { loadSettings, watchSettings } from '@/utils/settings';
import { BUILT_IN_SITES } from '@/utils/sites';
import { createChecker } from './checker';
import { syncExtraSites } from './extra-sites';

export default defineBackground(() => {
  let counting: Promise<unknown> = Promise.resolve();
  const checker = createChecker({
    loadSettings,
    check,
    loadClassifier: () => loadPackagedClassifier(browser.runtime.getURL as (path: string) => string),
    getURL: browser.runtime.getURL as (path: string) => string,
    openTab: (url) => browser.tabs.create({ url }),
    builtInSites: BUILT_IN_SITES,
    recordNudge: (categories) => {
      // One write at a time, so two quick nudges both count.
      counting = counting
        .then(() => storage.getItem(NUDGE_COUNTS_KEY))
        .then((stored) => storage.setItem(NUDGE_COUNTS_KEY, addNudge(stored, categories)))
        .catch((error: unknown) => console.warn('Second Thought: could not count a nudge:', error));
    },
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
  });
  void registerExtraSites();

  // The engine builds its tables on first use, which can take seconds on a slow
  // machine; do it now, not during someone's first post. (A composer gaining
  // focus sends 'warm-up' too, for when the worker slept.)
  setTimeout(() => void checker.warm().catch(() => undefined), 0);

  browser.runtime.onMessage.addListener((message: unknown) => checker.handle(message));
});
