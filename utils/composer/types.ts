import type { Finding, Role } from '@/lib/types';
import type { NudgeSettings, UncheckedChoice, UncheckedReason } from '@/utils/messages';

export type { UncheckedChoice, UncheckedReason };

/** A key press that sends a post. Shift+Enter is always a new line, never a send. */
export type SendKey = 'enter' | 'mod-enter';

/**
 * What is special about one site. Everything else (catching the send, reading
 * the text, replaying) lives in the shared composer guard.
 */
export interface SiteAdapter {
  readonly id: string;
  /** Domains where the adapter applies; each also covers its subdomains. */
  readonly domains: readonly string[];
  /** Recognises the site from its page, for software that runs on any hostname (Mastodon). */
  recognise?(doc: Document): boolean;
  /** Selector list matching the element that has focus while someone writes a post. */
  readonly editors: string;
  /** Narrows `editors` when a selector alone cannot say it (e.g. the host of a shadow root). */
  isEditor?(element: Element): boolean;
  /** Selector list matching the controls that send a post. */
  readonly sendControls: string;
  /** Narrows `sendControls`, e.g. to a div-button whose visible name is "Post". */
  isSendControl?(element: Element): boolean;
  /** The keys that send from this editor. */
  sendKeys(editor: HTMLElement): readonly SendKey[];
  /** The editors a control sends from, when the shared nearest-editor search is not right. */
  editorsFor?(control: HTMLElement, lastFocused: HTMLElement | null): HTMLElement[];
}

/** What the background said about a draft, with the school's settings for the nudge. */
export type CheckOutcome =
  | { findings: Finding[]; role?: Role; nudgeSettings?: NudgeSettings }
  | { unchecked: UncheckedReason; detail: string; choice?: UncheckedChoice };

/** The school's settings (modes, where to report, support contacts) travel with the findings. */
export interface NudgeRequest extends NudgeSettings {
  /** The editor the nudge belongs to (placed near it; focus returns to it). */
  editor: HTMLElement;
  text: string;
  findings: Finding[];
  role?: Role;
  /** Set when the post could not be checked: the nudge says so instead of showing findings. */
  unchecked?: { reason: UncheckedReason; choice: Exclude<UncheckedChoice, 'post'> };
  onEdit(): void;
  onPostAnyway(): void;
}

export interface NudgeHandle {
  close(): void;
}
