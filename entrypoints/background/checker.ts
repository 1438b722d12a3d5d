// The background's answer to the content script, kept apart from the browser
// wiring so it can be tested with a stand-in engine.
import type { Category, CheckConfig, CheckOptions, Finding } from '@/lib/types';
import { isRequest, policySectionUrl, type CheckReply } from '@/utils/messages';
import { configFrom, type LayeredSettings } from '@/utils/settings';

// Touches the name tables, the rule prefilter and the parser.
const WARM_UP_TEXT = 'Warming up: you are so stupid, see you at school tomorrow.';

export interface CheckerDeps {
  loadSettings(): Promise<LayeredSettings>;
  check(text: string, config: CheckConfig, options: CheckOptions): Finding[];
  getURL(path: string): string;
  openTab(url: string): Promise<unknown>;
  /** Counts a nudge by its categories (numbers only, for the popup). */
  recordNudge?(categories: Category[]): void;
}

export interface Checker {
  /** Answers a message, or returns undefined for messages that are not ours. */
  handle(message: unknown): Promise<unknown> | undefined;
  /** Builds the engine's tables now rather than during someone's post. */
  warm(): Promise<void>;
  /** Settings changed: read them again on the next check. */
  invalidate(): void;
  settings(): Promise<LayeredSettings>;
}

export function createChecker(deps: CheckerDeps): Checker {
  let settings: Promise<LayeredSettings> | null = null;
  let warm: Promise<void> | null = null;
  const currentSettings = () => (settings ??= deps.loadSettings());

  function runCheck(text: string, layered: LayeredSettings): Finding[] {
    const { settings: current } = layered;
    return deps.check(text, configFrom(current), { role: current.role });
  }

  function warmEngine(): Promise<void> {
    warm ??= currentSettings()
      .then((layered) => void runCheck(WARM_UP_TEXT, layered))
      .catch((error: unknown) => {
        warm = null;
        throw error;
      });
    return warm;
  }

  function answer(text: string): Promise<CheckReply> {
    return currentSettings().then(
      (layered): CheckReply => {
        let findings: Finding[];
        try {
          findings = runCheck(text, layered);
        } catch (error) {
          // Fail open: the content script lets the post go ahead.
          console.error('Second Thought: the check failed; the post goes ahead:', error);
          return { error: error instanceof Error ? error.message : String(error) };
        }
        if (findings.length > 0) deps.recordNudge?.(findings.map((finding) => finding.category));
        return { findings, role: layered.settings.role };
      },
      (error: unknown): CheckReply => ({ error: `settings could not be read: ${String(error)}` }),
    );
  }

  return {
    handle(message) {
      if (!isRequest(message)) return undefined;
      switch (message.type) {
        case 'warm-up':
          return warmEngine().then(
            () => ({ ready: true }),
            () => ({ ready: false }),
          );
        case 'open-policy':
          return deps.openTab(policySectionUrl(deps.getURL, message.section)).then(() => ({}));
        case 'check':
          return answer(message.text);
      }
    },
    warm: warmEngine,
    invalidate() {
      settings = null;
      warm = null;
    },
    settings: currentSettings,
  };
}
