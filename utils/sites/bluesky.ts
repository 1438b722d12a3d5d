import type { SiteAdapter } from '@/utils/composer/types';

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  domains: ['bsky.app'],
  editors: [
    // The composer: TipTap / ProseMirror (bluesky-social/social-app, TextInput.web.tsx).
    'div[role="textbox"][aria-label="Rich-Text Editor"]',
    '.ProseMirror[contenteditable="true"]',
    // Chat: a textarea (MessageInput.web.tsx); the placeholder is localised.
    'textarea[placeholder="Write a message"]',
  ].join(', '),
  sendControls: ['button[data-testid="composerPublishBtn"]', 'button[aria-label="Send message"]'].join(', '),
  // The composer posts on Ctrl/Cmd+Enter inside ProseMirror's own keydown;
  // chat sends on Enter.
  sendKeys: (editor) => (editor.tagName === 'TEXTAREA' ? ['enter'] : ['mod-enter']),
};
