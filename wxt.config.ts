import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CLASSIFIER_PACKAGE_PATH } from './utils/classifier-file';
import { normaliseHost, siteEntryProblem } from './settings/admin-settings';

// The public half of the signing key. It fixes the extension ID for unpacked
// and self-hosted builds, so managed policy can name the extension:
//   clhppdhgldbhpoeohikenicmnbbifcjl
// (Chrome Web Store and Edge Add-ons assign their own IDs; see docs/admin.md.)
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwIyBVx1hP1IXwNWzC+VtT3gQPJEQ2QkRFAc1NNj4Z19OS8En8nn3AuUz8/M3m0ej4inUWxyHGwf6FVRgQsXiz8IyQ/78O1AB5wPDERyI0GhMULMkHrykCfG099p0MA0PKkibub/IRfdIttDpADFJKScq7evtm1/8Az2stHEFUkgM601ZAms8f8qt3JDe8zBNI4svZnONk0kr04Ua2RYP0tcWMlAJBrPVWualSHELUGXhe6Cvy5+deCcXl1vkysvckSa2fO6DYqi6Q15qikjtXfnnVeYX5B5+mVcGmSFzp+PxRMa1m6wh/RSxraCU2WJUewLJcpkjdx8D5aslath2ZQIDAQAB';
export const GECKO_ID = 'second-thought@schools.example';
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

/**
 * A school's own build: SECOND_THOUGHT_SCHOOL_SITES="forum.oakfield.org.uk *.oakfield-priory.org.uk"
 * puts exactly those sites in the manifest's host access, so a force-installed
 * extension guards them with no one having to allow them (managed policy cannot
 * grant optional permissions). Without it, extraSites wait for a person to allow
 * them on the options page. See README, Permissions.
 */
export function schoolSiteMatches(list = process.env.SECOND_THOUGHT_SCHOOL_SITES ?? ''): string[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const host = normaliseHost(entry);
      const problem = host ? siteEntryProblem(host) : `“${entry}” is not a site’s address`;
      if (problem) throw new Error(`SECOND_THOUGHT_SCHOOL_SITES: ${problem}`);
      return `*://${host}/*`;
    });
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // A school's own build goes beside the store build, never over it: .output/chrome-mv3-school.
  ...(process.env.SECOND_THOUGHT_SCHOOL_SITES ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-school' } : {}),
  hooks: {
    // The classifier's weights ship as a file of their own, read once by the background.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: path.resolve(import.meta.dirname, 'rules/model/classifier.bin'), relativeDest: CLASSIFIER_PACKAGE_PATH });
    },
    // Host access only for the built-in sites (the content script's own matches,
    // from utils/sites) and, in a school's own build, that school's sites.
    'build:manifestGenerated': (wxt, manifest) => {
      const builtIn = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
      const schoolSites = schoolSiteMatches();
      const hosts = [...new Set([...builtIn, ...schoolSites])];
      if (wxt.config.manifestVersion === 2) manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
      else manifest.host_permissions = hosts;
      // A school build's sites are guarded by the manifest's own content script,
      // like the built-in sites, so the browser injects it into the very first
      // page after start-up. Registered at run time instead, they would wait for
      // the background to read the policy, and a post in that first second or so
      // went out unchecked (issue 13).
      const composer = (manifest.content_scripts ?? []).find((script) => script.js?.some((file) => file.endsWith('/composer.js')));
      if (composer && schoolSites.length > 0) composer.matches = [...new Set([...(composer.matches ?? []), ...schoolSites])];
      // The toolbar button's tooltip in the school's language too (WXT takes it from the popup's <title>).
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extension_name__';
    },
  },
  zip: {
    // The sources archive (for store review) holds the project, not scratch or test output.
    excludeSources: ['tmp/**', 'test-results/**', '.scratch*/**', 'coverage/**'],
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      // The engine is one large chunk on purpose: compromise's English lexicon and
      // tagger, the rules and the name tables come to about 870 kB minified (lib-*.js,
      // and check-worker.js, which holds the same engine). It never loads into a
      // social site's page: only into the checker's workers, and into the options page
      // when someone first tries a post. Splitting it would only add requests to a
      // worker's start-up. Vite's 500 kB warning was written for pages on the web;
      // this limit still warns if the engine grows by more than a tenth.
      chunkSizeWarningLimit: 1_000,
    },
  }),
  manifest: ({ browser }) => ({
    // From public/_locales, so the stores and the browser can show them in Welsh too.
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // The UI's words live in public/_locales, so they can be translated.
    default_locale: 'en_GB',
    // Drawn in assets/icon.svg and rendered by npm run icons. The toolbar button
    // uses the same set (16 and 32 for high-density screens).
    icons: ICONS,
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: ICONS },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY }),
    // storage: settings and managed policy. activeTab: the popup reads the address of the tab it
    // was opened over, so it can say whether it is active there (no install warning, no other tabs).
    // scripting: the composer script is registered at run time on the extraSites someone allowed.
    // offscreen (Chrome): the document that runs the engine's workers; no install warning.
    // Host access is added once the manifest is generated (hooks above).
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Any other site only once someone allows it, site by site, on the options page:
    // no install warning, and never more than the sites the school listed.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    storage: { managed_schema: 'managed_schema.json' },
  }),
});
