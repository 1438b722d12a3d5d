import type { SiteAdapter } from '@/utils/composer/types';

// LinkedIn runs two editors at once while it moves between them.
export const linkedin: SiteAdapter = {
  id: 'linkedin',
  domains: ['linkedin.com'],
  editors: [
    // Older UI: Quill.
    '.ql-editor[contenteditable="true"]',
    // Newer UI: TipTap / ProseMirror.
    '.ProseMirror[contenteditable="true"]',
    '[role="textbox"][contenteditable="true"]',
  ].join(', '),
  sendControls: [
    // Comment and reply boxes.
    '.comments-comment-box__submit-button',
    'button.comments-comment-box__submit-button--cr',
    'form.comments-comment-box__form button[type="submit"]',
    // The share box ("Post").
    'button.share-actions__primary-action',
  ].join(', '),
  // Enter is a new line in both editors.
  sendKeys: () => [],
};
