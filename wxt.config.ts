import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CLASSIFIER_PACKAGE_PATH } from './utils/classifier-file';

// The public half of the signing key. It fixes the extension ID for unpacked
// and self-hosted builds, so managed policy can name the extension:
//   clhppdhgldbhpoeohikenicmnbbifcjl
// (Chrome Web Store and Edge Add-ons assign their own IDs; see docs/admin.md.)
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwIyBVx1hP1IXwNWzC+VtT3gQPJEQ2QkRFAc1NNj4Z19OS8En8nn3AuUz8/M3m0ej4inUWxyHGwf6FVRgQsXiz8IyQ/78O1AB5wPDERyI0GhMULMkHrykCfG099p0MA0PKkibub/IRfdIttDpADFJKScq7evtm1/8Az2stHEFUkgM601ZAms8f8qt3JDe8zBNI4svZnONk0kr04Ua2RYP0tcWMlAJBrPVWualSHELUGXhe6Cvy5+deCcXl1vkysvckSa2fO6DYqi6Q15qikjtXfnnVeYX5B5+mVcGmSFzp+PxRMa1m6wh/RSxraCU2WJUewLJcpkjdx8D5aslath2ZQIDAQAB';
export const GECKO_ID = 'second-thought@schools.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The classifier's weights ship as a file of their own, read once by the background.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: path.resolve(import.meta.dirname, 'rules/model/classifier.bin'), relativeDest: CLASSIFIER_PACKAGE_PATH });
    },
  },
  zip: {
    // The sources archive (for store review) holds the project, not scratch or test output.
    excludeSources: ['tmp/**', 'test-results/**', '.scratch*/**', 'coverage/**'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Second Thought',
    description: 'A calm second thought before you post: checks drafts on this device against your school’s social media policy.',
    // The UI's words live in public/_locales, so they can be translated.
    default_locale: 'en_GB',
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY }),
    // storage: settings and managed policy. activeTab: the popup reads the address of the tab it
    // was opened over, so it can say whether it is active there (no install warning, no other tabs).
    // scripting + http(s) hosts: the composer script is registered at run time on the sites an
    // admin lists in extraSites. Those are only known when policy arrives, and managed policy cannot
    // grant optional permissions, so Chrome needs them up front (see README, Permissions).
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: ['*://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
  }),
});
