// The message protocol between the content script and the background.
// Only plain data crosses it, so findings arrive exactly as the engine made them.
import { CATEGORIES, type Category, type Finding, type Role } from '@/lib/types';
import type { Catalogue, Locale } from '@/lib/i18n/translate';

/** Asks the background to check a draft before it is sent. */
export interface CheckRequest {
  type: 'check';
  text: string;
  /** The page's hostname, so the background can tell which site the post is for. */
  host: string;
}

/** Sent when a composer gains focus, so a sleeping service worker is awake before the post. */
export interface WarmUpRequest {
  type: 'warm-up';
}

/**
 * Opens a section of the school's policy in a tab. The background opens it, so
 * the policy page need not be web-accessible (which would let any site probe
 * for the extension).
 */
export interface OpenPolicyRequest {
  type: 'open-policy';
  section: string;
}

/** Opens the short help page for pupils ("What is Second Thought?"), for the same reason. */
export interface OpenHelpRequest {
  type: 'open-help';
}

/**
 * The writer said a warning was wrong. Only its categories cross: the
 * background adds one to this week's count for each, on this device, and keeps
 * nothing else (no text, site or time).
 */
export interface SaidWrongRequest {
  type: 'said-wrong';
  categories: Category[];
}

export type Request = CheckRequest | WarmUpRequest | OpenPolicyRequest | OpenHelpRequest | SaidWrongRequest;

/**
 * The nudge's words in the language the school chose, sent by the background
 * (which reads the setting and the catalogue) so the content script loads no
 * catalogue of its own: the nudge_* and policy section titles, with English for
 * any the language lacks.
 */
export interface NudgeWords {
  locale: Locale;
  messages: Catalogue;
}

/** How the school wants a category handled for this writer (categories turned off never reach the nudge). */
export type NudgeMode = 'nudge' | 'reason' | 'block';

/** Someone to talk to, shown in place of the built-in helplines. */
export interface SupportContact {
  name: string;
  phone?: string;
  url?: string;
  text?: string;
}

/** The school's settings the nudge needs, sent with each verdict so they are never stale. */
export interface NudgeSettings {
  /** The mode for each category in the findings, for this writer's role. */
  modes?: Partial<Record<Category, NudgeMode>>;
  reportUrl?: string;
  reportEmail?: string;
  supportContacts?: SupportContact[];
}

/**
 * What happens to a post that could not be checked: it goes ahead ('post', the
 * default), the person is told and chooses ('ask'), or may only edit it ('hold').
 */
export type UncheckedChoice = 'post' | 'ask' | 'hold';
export const UNCHECKED_CHOICES: readonly UncheckedChoice[] = ['post', 'ask', 'hold'];

/**
 * Why a post could not be checked: the check ran past its time budget and was
 * abandoned, it failed, this tab asked for more checks than a person makes, or
 * a very long post held more than one check can read with every rule (the
 * classifier still read all of it, and found nothing).
 */
export type UncheckedReason = 'timed-out' | 'failed' | 'too-many-checks' | 'incomplete';
export const UNCHECKED_REASONS: readonly UncheckedReason[] = ['timed-out', 'failed', 'too-many-checks', 'incomplete'];

/**
 * Sent with every reply, so the content script knows what the school wants done
 * with a post the background never answers about, and how long to wait.
 */
export interface UncheckedPolicy {
  choice: UncheckedChoice;
  /** The background answers within this, even when it has to abandon a check. */
  answerWithinMs: number;
}

/** `role` tells the nudge whom it is talking to (support lines differ for staff). */
export type CheckReply = (
  | { findings: Finding[]; role?: Role; nudgeSettings?: NudgeSettings }
  | { unchecked: UncheckedReason; detail: string; choice: UncheckedChoice }
) & { whenUnchecked?: UncheckedPolicy; words?: NudgeWords };

export interface WarmUpReply {
  ready: boolean;
  whenUnchecked?: UncheckedPolicy;
  words?: NudgeWords;
}

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.type === 'warm-up' || message.type === 'open-help') return true;
  if (message.type === 'said-wrong') {
    const { categories } = message;
    return Array.isArray(categories) && categories.length <= CATEGORIES.length && categories.every((category) => CATEGORIES.includes(category as Category));
  }
  if (message.type === 'open-policy') return typeof message.section === 'string' && /^[a-z0-9-]+$/.test(message.section);
  return message.type === 'check' && typeof message.text === 'string' && typeof message.host === 'string';
}

export function isCheckReply(value: unknown): value is CheckReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (Array.isArray(reply.findings)) return true;
  return (
    UNCHECKED_REASONS.includes(reply.unchecked as UncheckedReason) &&
    typeof reply.detail === 'string' &&
    UNCHECKED_CHOICES.includes(reply.choice as UncheckedChoice)
  );
}

export function isNudgeWords(value: unknown): value is NudgeWords {
  if (typeof value !== 'object' || value === null) return false;
  const words = value as Record<string, unknown>;
  return (words.locale === 'en_GB' || words.locale === 'cy') && typeof words.messages === 'object' && words.messages !== null;
}

export function isUncheckedPolicy(value: unknown): value is UncheckedPolicy {
  if (typeof value !== 'object' || value === null) return false;
  const policy = value as Record<string, unknown>;
  return UNCHECKED_CHOICES.includes(policy.choice as UncheckedChoice) && typeof policy.answerWithinMs === 'number' && policy.answerWithinMs > 0;
}

/** The address of a policy section on the extension's own policy page. */
export function policySectionUrl(getURL: (path: string) => string, section: string): string {
  return getURL(`/policy.html#${section}`);
}
