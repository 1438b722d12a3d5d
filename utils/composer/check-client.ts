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

export function warmUp(): void {
  const request: WarmUpRequest = { type: 'warm-up' };
  // Nothing to do if it fails: the check itself will fail open.
  browser.runtime.sendMessage(request).catch(() => undefined);
}
