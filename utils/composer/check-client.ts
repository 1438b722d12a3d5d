// The content script's side of the check: the engine itself stays in the
// background, so pages never load compromise.
import { browser } from 'wxt/browser';
import { isCheckReply, type CheckRequest, type WarmUpRequest } from '@/utils/messages';
import type { CheckOutcome } from './types';

export async function requestCheck(text: string, host: string): Promise<CheckOutcome> {
  const request: CheckRequest = { type: 'check', text, host };
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (!isCheckReply(reply)) return { failed: 'the checker gave no answer' };
  return 'error' in reply ? { failed: reply.error } : reply;
}

/** Wakes the service worker and lets the engine build its tables; resolves when it is ready. */
export async function warmUp(): Promise<void> {
  const request: WarmUpRequest = { type: 'warm-up' };
  const reply = (await browser.runtime.sendMessage(request)) as { ready?: boolean } | undefined;
  if (!reply?.ready) throw new Error('the checker is not ready');
}
