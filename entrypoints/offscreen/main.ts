// Chrome only. A service worker cannot start dedicated workers, so this hidden
// document does it for the background: it keeps the engine's workers and runs
// each check the background passes on (entrypoints/background/engine-host.ts).
// Offscreen documents have no extension API but runtime, so the settings come
// with the messages.
import { browser } from 'wxt/browser';
import { CHECK_WORKER_PATH, isEngineHostRequest, poolEngineHost, type StaleReply } from '@/entrypoints/background/engine-host';
import type { WorkerLike } from '@/utils/engine-worker/protocol';

// WXT types getURL for the paths it knows; the worker script is built alongside.
const getURL = browser.runtime.getURL as (path: string) => string;
const engine = poolEngineHost(() => new Worker(getURL(CHECK_WORKER_PATH)) as unknown as WorkerLike);
let version = 0;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Content scripts' messages reach every extension page too; only the background's are ours.
  if (!isEngineHostRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  switch (message.type) {
    case 'configure':
      version = message.version;
      engine.configure(message.config, message.budgetMs);
      return Promise.resolve({});
    case 'check':
      if (message.version !== version) return Promise.resolve<StaleReply>({ stale: true });
      return engine.check(message.text, message.role);
    case 'warm':
      return engine.warm().then((ready) => ({ ready }));
  }
});
