// Chrome only: opens the offscreen document that hosts the engine's workers
// (entrypoints/offscreen), once, however many checks ask for it at once.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface RuntimeWithContexts {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

export const OFFSCREEN_PATH = '/offscreen.html';

export function offscreenDocument(chrome: { offscreen?: OffscreenApi; runtime: RuntimeWithContexts }, getURL: (path: string) => string) {
  let opening: Promise<void> | null = null;

  async function isOpen(): Promise<boolean> {
    // Chrome 116+. Without it, creating a second document fails, which is caught below.
    const contexts = await chrome.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [getURL(OFFSCREEN_PATH)] });
    return (contexts?.length ?? 0) > 0;
  }

  return function ensureDocument(): Promise<void> {
    opening ??= (async () => {
      if (!chrome.offscreen) throw new Error('this browser has no offscreen documents, so the checker cannot start');
      if (await isOpen()) return;
      await chrome.offscreen
        .createDocument({
          url: OFFSCREEN_PATH,
          reasons: ['WORKERS'],
          justification: 'Runs the post checker in a worker that can be stopped when a check takes too long.',
        })
        .catch((error: unknown) => {
          // Another call (or a service worker before a restart) opened it already.
          if (!/single offscreen/i.test(String(error))) throw error;
        });
    })().finally(() => {
      opening = null;
    });
    return opening;
  };
}
