import type { SendKey, SiteAdapter } from '@/utils/composer/types';
import { accessibleName, formOf, isSubmitButton, isTextField } from '@/utils/composer/dom';

// Sites an admin adds through extraSites: school forums, learning platforms,
// chat tools. Nothing is known about them, so this recognises the usual shapes.

const EDITORS = [
  'textarea',
  'input[type="text"]',
  'input:not([type])',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
  '[role="textbox"]',
].join(', ');

const SEND_NAME = /^(post|send|reply|comment|share|publish|tweet|submit)\b/i;

function isSendControl(element: Element): boolean {
  // A submit button in a form that holds something to write in.
  if (isSubmitButton(element)) {
    const form = formOf(element);
    if (form?.querySelector(EDITORS)) return true;
  }
  // Otherwise a button (or div-button) named like a send control.
  return SEND_NAME.test(accessibleName(element));
}

/**
 * Single-line fields are mostly not posts: search boxes, and sign-in forms,
 * where checking a username would nudge a pupil for typing their own name.
 */
function isPostField(input: HTMLInputElement): boolean {
  if (input.closest('[role="search"]') || input.form?.querySelector('input[type="password"]')) return false;
  const autocomplete = (input.getAttribute('autocomplete') ?? '').trim().toLowerCase();
  if (autocomplete !== '' && autocomplete !== 'off') return false;
  const names = `${input.name} ${input.id}`;
  return !/search|query|user|login|e-?mail|^\s*q\s*$/i.test(names);
}

function sendKeys(editor: HTMLElement): readonly SendKey[] {
  // Enter is only caught where it cannot mean "new line": a single-line field,
  // or an editor that says it is single-line. Catching a newline Enter would
  // lose it (a synthetic Enter inserts nothing in a textarea or Slate) and
  // nudge on every line break.
  const multiline = editor.getAttribute('aria-multiline');
  const singleLine =
    (editor.tagName === 'INPUT' && isTextField(editor)) ||
    multiline === 'false' ||
    // ARIA: a role=textbox without aria-multiline is single-line (chat boxes).
    (multiline === null && editor.getAttribute('role') === 'textbox' && editor.tagName !== 'TEXTAREA') ||
    editor.getAttribute('enterkeyhint') === 'send';
  return singleLine ? ['enter', 'mod-enter'] : ['mod-enter'];
}

export const generic: SiteAdapter = {
  id: 'generic',
  domains: [],
  editors: EDITORS,
  isEditor: (element) => element.tagName !== 'INPUT' || isPostField(element as HTMLInputElement),
  sendControls: 'button, input[type="submit"], [role="button"]',
  isSendControl,
  sendKeys,
};
