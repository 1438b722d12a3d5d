import type { SiteAdapter } from '@/utils/composer/types';

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  // Mastodon runs on thousands of hostnames. mastodon.social is built in;
  // admins add their own instance to extraSites, and the page is recognised there.
  domains: ['mastodon.social'],
  recognise: (doc) =>
    // The web app's root element, and its compose form.
    doc.getElementById('mastodon') !== null ||
    doc.querySelector('form.compose-form') !== null ||
    doc.querySelector('meta[name="application-name"][content="Mastodon" i]') !== null,
  editors: ['form.compose-form textarea.autosuggest-textarea__textarea', 'form.compose-form textarea'].join(', '),
  sendControls: [
    'form.compose-form button[type="submit"]',
    // Older versions (before 4.x) used a plain button outside the submit path.
    '.compose-form__publish-button-wrapper button',
  ].join(', '),
  // Ctrl/Cmd+Enter calls the submit handler directly, so no submit event fires.
  sendKeys: () => ['mod-enter'],
};
