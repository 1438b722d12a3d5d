// Injected into the pages people post from. It stays small: it finds the
// composer, catches the send and shows the nudge; the check itself runs in the
// background. Built-in sites are matched here; sites from extraSites get this
// same file registered at run time (entrypoints/background/extra-sites.ts).
import { browser } from 'wxt/browser';
import { createComposerGuard, isWindowGuarded, type Realm } from '@/utils/composer/guard';
import { requestCheck, warmUp } from '@/utils/composer/check-client';
import { adapterForPage, BUILT_IN_MATCHES } from '@/utils/sites';
import { createNudgePresenter } from '@/components/nudge/mount';
import { policySectionUrl, type OpenPolicyRequest } from '@/utils/messages';

export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  // Composers inside same-origin iframes, including about:blank ones.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const win = window as Realm;
    if (isWindowGuarded(win)) return;
    const adapter = adapterForPage(location.hostname, document);
    const getURL = browser.runtime.getURL as (path: string) => string;
    const guard = createComposerGuard({
      win,
      adapter,
      check: (text) => requestCheck(text, location.hostname),
      warmUp,
      showNudge: createNudgePresenter(ctx, {
        policyUrl: (section) => policySectionUrl(getURL, section),
        onOpenPolicy: (section) => {
          const request: OpenPolicyRequest = { type: 'open-policy', section };
          browser.runtime.sendMessage(request).catch(() => undefined);
        },
      }),
    });
    // In-app navigation can take the composer away while a nudge is open; the
    // event comes before the app re-renders, so look again a moment later.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => guard.dropStale(), 500));
    ctx.onInvalidated(() => guard.destroy());
  },
});
