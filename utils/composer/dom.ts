// Small DOM helpers shared by the guard and the site adapters. They work across
// open shadow roots, because several sites (Reddit, YouTube) build their
// composers from web components.

/** The innermost element an event came from, even inside an open shadow root. */
export function eventOrigin(event: Event): Element | null {
  const path = event.composedPath();
  for (const node of path) {
    if (isElement(node)) return node;
  }
  return null;
}

export function isElement(node: unknown): node is Element {
  // nodeType rather than instanceof: elements from a same-origin iframe belong
  // to another realm, and instanceof would reject them.
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

export function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  const tag = element.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT';
}

/** The parent element, stepping out of a shadow root to its host. */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return (root as ShadowRoot).host ?? null;
}

/** Whether `ancestor` contains `node`, looking through shadow roots. */
export function composedContains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * The text of a draft as the site will send it. `.value` for form fields, and
 * `innerText` for rich editors, because it keeps the line breaks between
 * paragraphs that `textContent` runs together.
 */
export function readDraft(editor: HTMLElement): string {
  if (isTextField(editor)) return editor.value;
  // happy-dom and detached nodes may lack innerText; textContent is the fallback.
  return editor.innerText ?? editor.textContent ?? '';
}

/** Disabled controls send nothing, so there is nothing to check. */
export function isDisabled(control: Element): boolean {
  return (
    (control as HTMLButtonElement).disabled === true ||
    control.getAttribute('aria-disabled') === 'true'
  );
}

/** A control's name as a screen reader would say it, near enough for matching. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  if (element.tagName === 'INPUT') return ((element as HTMLInputElement).value ?? '').trim();
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Native buttons turn Enter and Space into a click themselves; div-buttons do not. */
export function isNativeButton(element: Element): boolean {
  const tag = element.tagName;
  return tag === 'BUTTON' || (tag === 'INPUT' && /^(submit|button|image)$/i.test((element as HTMLInputElement).type));
}

export function isSubmitButton(element: Element): boolean {
  if (element.tagName === 'BUTTON') return ((element as HTMLButtonElement).type || 'submit') === 'submit';
  return element.tagName === 'INPUT' && /^(submit|image)$/i.test((element as HTMLInputElement).type);
}

/** The form a control or field belongs to, if any. */
export function formOf(element: Element): HTMLFormElement | null {
  return (element as HTMLButtonElement).form ?? element.closest('form');
}
