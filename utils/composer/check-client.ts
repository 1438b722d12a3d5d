// The content script's side of the check: the engine itself runs in the
// background's worker, so pages never load compromise.
import { browser } from 'wxt/browser';
import { isCheckReply, isNudgeWords, isUncheckedPolicy, type CheckRequest, type NudgeWords, type UncheckedPolicy, type WarmUpRequest } from '@/utils/messages';
import type { CheckOutcome, UncheckedChoice } from './types';

// Until the background has said otherwise: a post it never answers about goes
// ahead (the documented default), after a wait long enough for a cold start.
const FIRST_POLICY: UncheckedPolicy = { choice: 'post', answerWithinMs: 15_000 };
// Messaging and a busy tab on top of the background's own promise.
const MESSAGING_SLACK_MS = 1_000;

/** What the background last said about posts it cannot check (every reply carries it). */
export function createCheckClient(sendMessage: (message: unknown) => Promise<unknown> = (message) => browser.runtime.sendMessage(message)) {
  let policy: UncheckedPolicy = FIRST_POLICY;
  let words: NudgeWords | undefined;
  const remember = (reply: unknown) => {
    const told = reply as { whenUnchecked?: unknown; words?: unknown } | undefined;
    if (isUncheckedPolicy(told?.whenUnchecked)) policy = told.whenUnchecked;
    if (isNudgeWords(told?.words)) words = told.words;
  };

  return {
    async requestCheck(text: string, host: string): Promise<CheckOutcome> {
      const request: CheckRequest = { type: 'check', text, host };
      const reply: unknown = await sendMessage(request);
      remember(reply);
      if (!isCheckReply(reply)) return { unchecked: 'failed', detail: 'the checker gave no answer' };
      if ('unchecked' in reply) return { unchecked: reply.unchecked, detail: reply.detail, choice: reply.choice };
      return { findings: reply.findings, role: reply.role, nudgeSettings: reply.nudgeSettings };
    },

    /** Wakes the service worker and lets the engine build its tables; resolves when it is ready. */
    async warmUp(): Promise<void> {
      const request: WarmUpRequest = { type: 'warm-up' };
      const reply = (await sendMessage(request)) as { ready?: boolean } | undefined;
      remember(reply);
      if (!reply?.ready) throw new Error('the checker is not ready');
    },

    whenUnchecked: (): UncheckedChoice => policy.choice,
    /** The nudge's words in the school's language, as the background last sent them (none until it has). */
    words: (): NudgeWords | undefined => words,
    /** How long to wait before deciding the background will not answer. */
    waitLimitMs: (): number => policy.answerWithinMs + MESSAGING_SLACK_MS,
  };
}

export type CheckClient = ReturnType<typeof createCheckClient>;
