import type { SiteAdapter } from '@/utils/composer/types';
import { namedControl } from './names';

export const instagram: SiteAdapter = {
  id: 'instagram',
  domains: ['instagram.com'],
  editors: [
    // Comments: a textarea labelled "Add a comment…" (the label is localised,
    // so any textarea inside a form is accepted too).
    'textarea[aria-label^="Add a comment"]',
    'form textarea',
    // Direct messages: Lexical.
    'div[role="textbox"][contenteditable="true"]',
  ].join(', '),
  // "Post" under comments and "Send" in messages are div-buttons.
  sendControls: 'div[role="button"], button[type="submit"], button',
  isSendControl: namedControl(/^(post|send)$/i),
  sendKeys: () => ['enter'],
};
