import type { SiteAdapter } from '@/utils/composer/types';

export const whatsapp: SiteAdapter = {
  id: 'whatsapp',
  domains: ['web.whatsapp.com'],
  editors: [
    // The message box: Lexical in the chat footer. Test ids were removed in
    // 2025–26, so data-tab and data-lexical-editor are what is left.
    'footer div[contenteditable="true"][data-lexical-editor="true"]',
    'footer div[contenteditable="true"][data-tab="10"]',
    // The caption box when sending a photo.
    'div[contenteditable="true"][data-lexical-editor="true"][role="textbox"]',
  ].join(', '),
  sendControls: [
    // "Send" is localised; the icon name is not.
    'button[aria-label="Send"]',
    'div[role="button"][aria-label="Send"]',
    'button:has(span[data-icon="send"])',
    'button:has(span[data-icon="wds-ic-send-filled"])',
  ].join(', '),
  sendKeys: () => ['enter'],
};
