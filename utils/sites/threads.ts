import type { SiteAdapter } from '@/utils/composer/types';
import { namedControl } from './names';

export const threads: SiteAdapter = {
  id: 'threads',
  domains: ['threads.net', 'threads.com'],
  // Lexical, one editor per post in a thread.
  editors: 'div[role="textbox"][contenteditable="true"]',
  // No stable test ids: the send control is a div-button found by its name.
  sendControls: 'div[role="button"], button',
  // ("Reply" also names the reply icon on every post, so only "Post".)
  isSendControl: namedControl(/^post$/i),
  sendKeys: () => ['mod-enter'],
};
