import type { SiteAdapter } from '@/utils/composer/types';

export const reddit: SiteAdapter = {
  id: 'reddit',
  domains: ['reddit.com'],
  editors: [
    // New Reddit: shreddit-composer holds a Lexical editor.
    'div[role="textbox"][contenteditable="true"]',
    // The collapsed comment box: a textarea in faceplate-textarea-input's
    // open shadow root (narrowed by isEditor below), and old Reddit's textarea.
    'textarea',
  ].join(', '),
  isEditor: (element) => {
    if (element.tagName !== 'TEXTAREA') return true;
    const host = (element.getRootNode() as ShadowRoot).host;
    return host?.localName === 'faceplate-textarea-input' || element.closest('form.usertext') !== null;
  },
  sendControls: [
    // New Reddit: the composer's slotted submit button ("Comment", "Reply", "Post").
    'button[type="submit"][slot="submit-button"]',
    'shreddit-composer button[type="submit"]',
    // Old Reddit (old.reddit.com): "save" under the comment textarea.
    'form.usertext button[type="submit"].save',
  ].join(', '),
  sendKeys: () => ['mod-enter'],
};
