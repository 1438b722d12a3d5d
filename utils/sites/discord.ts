import type { SiteAdapter } from '@/utils/composer/types';

export const discord: SiteAdapter = {
  id: 'discord',
  domains: ['discord.com'],
  // Slate. Shift+Enter is a new line; Enter sends from Discord's own keydown.
  editors: 'div[role="textbox"][data-slate-editor="true"]',
  // No send button on desktop unless turned on in settings.
  sendControls: 'button[aria-label="Send Message"]',
  sendKeys: () => ['enter'],
};
