import type { SiteAdapter } from '@/utils/composer/types';

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  domains: ['tiktok.com'],
  editors: [
    // Comments: Draft.js inside the comment-input test id.
    '[data-e2e="comment-input"] [contenteditable="true"]',
    // Direct messages.
    '[data-e2e="message-input-area"] [contenteditable="true"]',
  ].join(', '),
  sendControls: ['[data-e2e="comment-post"]', '[data-e2e="message-send"]'].join(', '),
  sendKeys: () => ['enter'],
};
