// The engine runs here, away from page start-up: it loads compromise (~0.5 s),
// which must never slow down the pages people write on.
import { browser } from 'wxt/browser';
import { check } from '@/lib';
import { isRequest, policySectionUrl, type CheckReply } from '@/utils/messages';
import { configFrom, loadSettings, watchSettings, type LayeredSettings } from '@/utils/settings';
import { syncExtraSites } from './extra-sites';

// Touches the name tables, the rule prefilter and the parser.
const WARM_UP_TEXT = 'Warming up: you are so stupid, see you at school tomorrow.';

export default defineBackground(() => {
  let settings: Promise<LayeredSettings> | null = null;
  const currentSettings = () => (settings ??= loadSettings());

  async function sync(): Promise<void> {
    try {
      await syncExtraSites((await currentSettings()).settings.extraSites);
    } catch (error) {
      console.warn('Second Thought: could not register the extra sites:', error);
    }
  }

  // The engine builds its rule tables on first use, which takes seconds on a
  // slow machine. Doing that now, and again when a composer gains focus after
  // the worker slept, keeps it off the path of a real post.
  let warm: Promise<void> | null = null;
  const warmEngine = () =>
    (warm ??= currentSettings().then(({ settings: current }) => {
      check(WARM_UP_TEXT, configFrom(current), { role: current.role });
    }));

  watchSettings(() => {
    settings = null;
    warm = null;
    void sync();
  });
  void sync();
  setTimeout(() => void warmEngine().catch(() => undefined), 0);

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isRequest(message)) return undefined;
    if (message.type === 'warm-up') return warmEngine().then(() => ({ ready: true }));
    if (message.type === 'open-policy') {
      return browser.tabs.create({ url: policySectionUrl(browser.runtime.getURL as (path: string) => string, message.section) }).then(() => ({}));
    }
    return currentSettings().then(
      ({ settings: current }): CheckReply => {
        try {
          return { findings: check(message.text, configFrom(current), { role: current.role }), role: current.role };
        } catch (error) {
          console.error('Second Thought: the check failed; the post goes ahead:', error);
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
      (error: unknown): CheckReply => ({ error: String(error) }),
    );
  });
});
