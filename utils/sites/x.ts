import type { SiteAdapter } from '@/utils/composer/types';
import { composedParent } from '@/utils/composer/dom';

// X (Twitter). Draft.js on desktop, a plain textarea on mobile web.
const EDITORS = [
  // Desktop: the Draft.js content div; _0, _1… for each post in a thread.
  '[data-testid^="tweetTextarea_"][role="textbox"]',
  // Mobile web: a textarea inside the same test id.
  '[data-testid^="tweetTextarea_"] textarea',
  // Fallback when test ids change: any Draft.js editor on the page.
  '.public-DraftEditor-content[contenteditable="true"]',
].join(', ');

export const x: SiteAdapter = {
  id: 'x',
  domains: ['x.com', 'twitter.com'],
  editors: EDITORS,
  sendControls: [
    // The compose modal and the /compose/post page.
    '[data-testid="tweetButton"]',
    // The inline composer on the timeline and under a post (replies).
    '[data-testid="tweetButtonInline"]',
  ].join(', '),
  // Enter is a new line; Ctrl/Cmd+Enter posts.
  sendKeys: () => ['mod-enter'],
  // "Post all" sends every post of a thread, so the check reads them all.
  editorsFor(control, lastFocused) {
    for (let scope: Element | null = control; scope; scope = composedParent(scope)) {
      const editors = Array.from(scope.querySelectorAll<HTMLElement>(EDITORS)).filter(
        (editor, index, all) => !all.some((other, j) => j !== index && other.contains(editor)),
      );
      if (editors.length > 0) return editors;
    }
    return lastFocused ? [lastFocused] : [];
  },
};
