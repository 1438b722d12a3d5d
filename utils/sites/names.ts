import { accessibleName } from '@/utils/composer/dom';

/**
 * Matches a control by the name people see or hear. Sites that build buttons
 * from divs without stable ids (Facebook, Threads, Instagram) are only
 * recognisable this way. The names follow the UI language; English is listed,
 * and other languages fall back to the send keys.
 */
export function namedControl(pattern: RegExp): (element: Element) => boolean {
  return (element) => pattern.test(accessibleName(element));
}

/** Selector for an element with one of these aria-labels. */
export function ariaLabels(selector: string, labels: readonly string[]): string {
  return labels.map((label) => `${selector}[aria-label="${label}"]`).join(', ');
}
