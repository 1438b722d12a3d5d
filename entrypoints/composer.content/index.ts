// Injected into the pages people post from. It stays small: it finds the
// composer, catches the send and shows the nudge; the check itself runs in the
// background. Built-in sites are matched here; sites from extraSites get this
// same file registered at run time (entrypoints/background/extra-sites.ts).
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimWindow, createComposerGuard, releaseWindow, type Guard, type Realm, type WindowClaim } from '@/utils/composer/guard';
import { createCheckClient } from '@/utils/composer/check-client';
import { adapterForPage, BUILT_IN_MATCHES } from '@/utils/sites';
import { createNudgePresenter } from '@/components/nudge/mount';
import { browserTranslate } from '@/components/i18n';
import { policySectionUrl, type OpenHelpRequest, type OpenPolicyRequest, type SaidWrongRequest } from '@/utils/messages';

export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  // Composers inside same-origin iframes, including about:blank ones.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT announces each content script to the page with window.postMessage,
  // naming the extension; a page has no business knowing we are here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const win = window as Realm;
    // WXT stops an older copy of a content script when a DOM event says a newer
    // one started. A page can dispatch that event too, and so switch the guard
    // off; the claim below already keeps to one guard per window, so no such
    // event is let through to WXT's listener (on document: this runs first).
    const scriptStarted = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    win.addEventListener(scriptStarted, (event) => event.stopImmediatePropagation(), { capture: true, signal: ctx.signal });

    const claim: WindowClaim = {
      // An extension that was reloaded or removed leaves its content scripts in
      // open pages with no background to ask.
      isAlive: () => browser.runtime?.id != null && !ctx.isInvalid,
      // Only ever called by a later copy, once this one's guard exists.
      release: () => guard.destroy(),
    };
    if (!claimWindow(win, claim)) return;

    const adapter = adapterForPage(location.hostname, document);
    const getURL = browser.runtime.getURL as (path: string) => string;
    const client = createCheckClient();
    const guard: Guard = createComposerGuard({
      win,
      adapter,
      check: (text) => client.requestCheck(text, location.hostname),
      warmUp: client.warmUp,
      whenUnchecked: client.whenUnchecked,
      timeoutMs: client.waitLimitMs,
      coldTimeoutMs: client.waitLimitMs,
      showNudge: createNudgePresenter(ctx, {
        policyUrl: (section) => policySectionUrl(getURL, section),
        onOpenPolicy: (section) => {
          const request: OpenPolicyRequest = { type: 'open-policy', section };
          browser.runtime.sendMessage(request).catch(() => undefined);
        },
        // The help page is not web-accessible (a site could then probe for the extension): the background opens it.
        helpUrl: getURL('/help.html'),
        onOpenHelp: () => {
          const request: OpenHelpRequest = { type: 'open-help' };
          browser.runtime.sendMessage(request).catch(() => undefined);
        },
        onSaidWrong: (categories) => {
          const request: SaidWrongRequest = { type: 'said-wrong', categories };
          browser.runtime.sendMessage(request).catch(() => undefined);
        },
        words: client.words,
        fallbackTranslate: browserTranslate(browser.i18n.getMessage as unknown as (key: string, substitutions?: string[]) => string),
      }),
    });
    // In-app navigation can take the composer away while a nudge is open; the
    // event comes before the app re-renders, so look again a moment later.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => guard.dropStale(), 500));
    ctx.onInvalidated(() => {
      guard.destroy();
      releaseWindow(win, claim);
    });
  },
});
