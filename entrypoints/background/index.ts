// The engine runs here, away from page start-up: it loads compromise (~0.5 s),
// which must never slow down the pages people write on.
import { browser } from 'wxt/browser';
import { check } from '@/lib';
import { isRequest, policySectionUrl, type CheckReply } from '@/utils/messages';
import { configFrom, loadSettings, watchSettings, type LayeredSettings } from '@/utils/settings';
import { syncExtraSites } from './extra-sites';

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

  watchSettings(() => {
    settings = null;
    void sync();
  });
  void sync();

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isRequest(message)) return undefined;
    if (message.type === 'warm-up') return currentSettings().then(() => ({ ready: true }));
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
