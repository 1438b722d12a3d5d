import type { SiteAdapter } from '@/utils/composer/types';
import { namedControl } from './names';

export const facebook: SiteAdapter = {
  id: 'facebook',
  domains: ['facebook.com', 'messenger.com'],
  // Lexical everywhere: posts, comments, replies and Messenger.
  editors: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  // The post button is a div with role=button, not a <button>; the comment
  // box shows a small "Comment" button once something is written.
  sendControls: '[role="button"][aria-label], button[aria-label], button[type="submit"]',
  isSendControl: namedControl(/^(post|comment|reply|send|update)$/i),
  // Comments, replies and Messenger send on Enter; the post composer (a dialog)
  // takes Enter as a new line. Its editor is labelled "What's on your mind…".
  sendKeys: (editor) => {
    const label = `${editor.getAttribute('aria-label') ?? ''} ${editor.getAttribute('aria-placeholder') ?? ''}`;
    return /comment|reply|message|answer/i.test(label) ? ['enter'] : [];
  },
};
