// Which of the school's extra sites Second Thought may not check yet, for the
// options page and the popup.
import { useEffect, useState } from 'preact/hooks';
import { matchPatternsFor } from '@/settings/layers';
import type { SettingsPort } from '@/settings/port';

/**
 * The extra sites Second Thought may not check yet. The extension holds host
 * access only for the built-in sites; each extra site needs the person's
 * permission (or a school's own build, which lists them up front).
 */
export function useSitesWaiting(hosts: readonly string[], port: Pick<SettingsPort, 'siteAccess' | 'watch'>): string[] {
  const [waiting, setWaiting] = useState<string[]>([]);
  const key = hosts.join('\n');
  useEffect(() => {
    if (!port.siteAccess) return;
    let current = true;
    const look = () =>
      void port.siteAccess!(matchPatternsFor(hosts)).then((granted) => {
        if (current) setWaiting(hosts.filter((host) => !granted.includes(matchPatternsFor([host])[0])));
      });
    look();
    const stop = port.watch(look);
    return () => {
      current = false;
      stop();
    };
  }, [key, port]);
  return waiting;
}
