import type { SiteAdapter } from '@/utils/composer/types';

export const youtube: SiteAdapter = {
  id: 'youtube',
  domains: ['youtube.com'],
  editors: [
    // Comments and replies (Polymer): appears after #placeholder-area is clicked.
    'ytd-commentbox #contenteditable-root',
    '#contenteditable-root[contenteditable]',
    // Live chat runs in its own frame (all_frames reaches it).
    'yt-live-chat-text-input-field-renderer #input[contenteditable]',
  ].join(', '),
  sendControls: [
    // "Comment" / "Reply"; disabled while the box is empty.
    'ytd-commentbox #submit-button button',
    'ytd-commentbox #submit-button',
    // Live chat's send button.
    'yt-live-chat-message-input-renderer #send-button button',
  ].join(', '),
  // Comments take Enter as a new line; live chat sends on Enter.
  sendKeys: (editor) => (editor.closest('yt-live-chat-text-input-field-renderer') ? ['enter'] : []),
};
