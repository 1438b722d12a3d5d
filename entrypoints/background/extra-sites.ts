// Sites an admin adds through extraSites are only known at run time, so their
// content script is registered from here rather than declared in the manifest.
// The extension holds host access only for the built-in sites; an extra site
// is guarded once someone allows it (the options page asks, for exactly those
// sites). A school's own build (SECOND_THOUGHT_SCHOOL_SITES, see README:
// Permissions) declares its sites in the manifest instead, so they are guarded
// from start-up and need nothing from here.
import { browser } from 'wxt/browser';
import { matchPatternsFor, siteEntryCovers, siteEntryOfPattern } from '@/settings/layers';

const SCRIPT_ID = 'second-thought-extra-sites';
// The built content script (entrypoints/composer.content), reused as-is.
const CONTENT_SCRIPT = 'content-scripts/composer.js';

let queue: Promise<void> = Promise.resolve();

/** Registers the composer script on the extra sites; calls are serialised so ids never clash. */
export function syncExtraSites(sites: readonly string[]): Promise<void> {
  queue = queue.then(() => register(sites)).catch((error: unknown) => {
    console.warn('Second Thought: could not register the extra sites:', error);
  });
  return queue;
}

async function register(sites: readonly string[]): Promise<void> {
  const scripting = browser.scripting;
  // Without the scripting permission (or in a browser without the API) only
  // the built-in sites are guarded.
  if (!scripting?.registerContentScripts) return;
  const matches = await grantedMatches(matchPatternsFor(sitesNotInManifest(sites, manifestSites())));
  const [existing] = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing && sameList(existing.matches ?? [], matches)) return;
  if (existing) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: [CONTENT_SCRIPT],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
      // Same-origin about:blank and srcdoc frames (rich editors in iframes).
      // Chrome 119+; Firefox rejects the unknown key, and covers about:blank itself.
      ...(import.meta.env.FIREFOX ? {} : ({ matchOriginAsFallback: true } as object)),
    },
  ]);
}

/**
 * Sites the manifest's own content script already covers: the built-in sites
 * and, in a school's own build, the school's sites. The browser injects that
 * script from start-up, before this background has read the policy, so those
 * sites need no registration here (and a second copy of the script would only
 * stand down).
 */
export function sitesNotInManifest(sites: readonly string[], inManifest: readonly string[]): string[] {
  return sites.filter((site) => !inManifest.some((covering) => siteEntryCovers(covering, site)));
}

function manifestSites(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return scripts.flatMap((script) => script.matches ?? []).flatMap((pattern) => siteEntryOfPattern(pattern) ?? []);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The match patterns this extension may already script; the rest wait for someone to allow them. */
export async function grantedMatches(matches: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of matches) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  return granted;
}
