// The built-in sites, and how a page picks its adapter.
import type { SiteAdapter } from '@/utils/composer/types';
import { x } from './x';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { threads } from './threads';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import { tiktok } from './tiktok';
import { youtube } from './youtube';
import { bluesky } from './bluesky';
import { mastodon } from './mastodon';
import { whatsapp } from './whatsapp';
import { discord } from './discord';
import { generic } from './generic';

export const BUILT_IN_SITES: readonly SiteAdapter[] = [
  x,
  facebook,
  instagram,
  threads,
  linkedin,
  reddit,
  tiktok,
  youtube,
  bluesky,
  mastodon,
  whatsapp,
  discord,
];

export { generic };

/** Whether `hostname` is `domain` or one of its subdomains. */
export function isOnDomain(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The adapter for this page: a built-in site by hostname, then one recognised
 * from its page (Mastodon on any instance), then the generic detector, which
 * only runs where an admin added the site to extraSites.
 */
export function adapterForPage(hostname: string, doc: Document): SiteAdapter {
  return (
    BUILT_IN_SITES.find((site) => site.domains.some((domain) => isOnDomain(hostname, domain))) ??
    BUILT_IN_SITES.find((site) => site.recognise?.(doc)) ??
    generic
  );
}

/** Content script match patterns for the built-in sites: http and https, subdomains included. */
export const BUILT_IN_MATCHES: string[] = BUILT_IN_SITES.flatMap((site) =>
  site.domains.map((domain) => `*://*.${domain}/*`),
);
