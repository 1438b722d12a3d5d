// Whether Second Thought is active on a tab's site, and why, for the popup.

import { isSiteDisabled, matchesSiteEntry } from './layers';
import type { SettingsView } from './page-view';

export interface BuiltInSite {
  id: string;
  domains: readonly string[];
}

export type SiteStatus =
  | { active: true; reason: 'built-in' | 'added-by-school' | 'added-by-you'; host: string; siteId?: string }
  | { active: false; reason: 'turned-off-by-school' | 'turned-off-by-you' | 'not-covered'; host: string; siteId?: string }
  | { active: false; reason: 'not-a-website' };

/** `domain` itself or any subdomain, as the content scripts match built-in sites. */
export function isOnDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function siteStatus(url: string | undefined, view: SettingsView, builtIns: readonly BuiltInSite[]): SiteStatus {
  let host: string;
  try {
    const parsed = new URL(url ?? '');
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { active: false, reason: 'not-a-website' };
    host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return { active: false, reason: 'not-a-website' };
  }
  const builtIn = builtIns.find((site) => site.domains.some((domain) => isOnDomain(host, domain)));
  // The same test the background makes before it checks a post.
  const disabled = isSiteDisabled(host, view.values.disabledSites, builtIns);
  if (disabled) {
    return { active: false, reason: view.sources.disabledSites === 'managed' ? 'turned-off-by-school' : 'turned-off-by-you', host, siteId: builtIn?.id };
  }
  if (builtIn) return { active: true, reason: 'built-in', host, siteId: builtIn.id };
  if (view.values.extraSites.some((entry) => matchesSiteEntry(host, entry))) {
    return { active: true, reason: view.sources.extraSites === 'managed' ? 'added-by-school' : 'added-by-you', host };
  }
  return { active: false, reason: 'not-covered', host };
}
