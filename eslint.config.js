// Lint: TypeScript's recommended rules, plus the house rules on what each
// folder may import:
// - lib/ is the engine and knows nothing of browsers: no WXT, and nothing from
//   entrypoints/, components/, utils/ or settings/. Only lib/text/compromise.ts
//   imports compromise.
// - settings/ is pure (Node, tests, pages and background alike), except
//   settings/browser-port.ts, the one file there that touches the browser.
// - components/ holds views: they get the browser through a port, as props.
// - scripts/ holds command-line tools: the extension imports nothing from it.
import tseslint from 'typescript-eslint';

const BROWSER_MODULES = ['wxt/browser', 'wxt/utils/storage', 'webextension-polyfill'];
const SCRIPTS = { group: ['**/scripts/**', '@/scripts/**'], message: 'scripts/ holds command-line tools; move a helper the extension needs out of scripts/ (settings/, utils/ or lib/).' };
const NO_BROWSER_GLOBALS = (folder) => [
  'error',
  { name: 'chrome', message: `${folder} must not use browser APIs.` },
  { name: 'browser', message: `${folder} must not use browser APIs.` },
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tmp/**', 'test-results/**', '.scratch*/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // User text is only ever set as text: no HTML parsing of drafts, names or findings.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}', 'settings/**/*.ts', 'lib/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Set text with textContent or render with Preact; never parse user text as HTML.' },
        { property: 'outerHTML', message: 'Never parse user text as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Never parse user text as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render user text as HTML.' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // '#imports' has to be named exactly: in a pattern, '#' starts a comment.
          paths: [
            { name: '#imports', message: 'lib/ is the engine: it runs in Node and must not depend on WXT or browser APIs.' },
            { name: 'compromise', message: 'Only lib/text/compromise.ts talks to compromise: add what you need there, so an upgrade shows in one file.' },
          ],
          patterns: [
            {
              group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'],
              message: 'lib/ is the engine: it runs in Node and must not depend on WXT or browser APIs.',
            },
            {
              group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**', '**/utils/**', '@/utils/**', '**/settings/**', '@/settings/**'],
              message: 'lib/ is the engine: it must not import from the extension (entrypoints/, components/, utils/, settings/).',
            },
            {
              // A slash makes a pattern match from the start only, so '../text/compromise' is not caught.
              group: ['compromise/*'],
              message: 'Only lib/text/compromise.ts talks to compromise: add what you need there, so an upgrade shows in one file.',
            },
            SCRIPTS,
          ],
        },
      ],
      'no-restricted-globals': NO_BROWSER_GLOBALS('lib/'),
    },
  },
  {
    files: ['settings/**/*.ts'],
    ignores: ['settings/browser-port.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '#imports', message: 'settings/ is pure: only settings/browser-port.ts touches the browser.' }],
          patterns: [
            { group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'], message: 'settings/ is pure: only settings/browser-port.ts touches the browser.' },
            { group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**'], message: 'settings/ holds the logic; views and entrypoints import it, not the other way round.' },
            SCRIPTS,
          ],
        },
      ],
      'no-restricted-globals': NO_BROWSER_GLOBALS('settings/ (apart from browser-port.ts)'),
    },
  },
  {
    files: ['settings/browser-port.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**'], message: 'settings/ holds the logic; views and entrypoints import it, not the other way round.' },
            SCRIPTS,
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '#imports', message: 'components/ holds views: import what a view needs from WXT by name, never browser or storage.' },
            ...BROWSER_MODULES.map((name) => ({ name, message: 'components/ holds views: take the browser through a port (settings/port.ts), passed in by the entrypoint.' })),
          ],
          patterns: [
            { group: ['**/settings/browser-port', '@/settings/browser-port'], message: 'components/ holds views: the entrypoint passes the browser port in.' },
            { group: ['**/entrypoints/**', '@/entrypoints/**'], message: 'components/ holds views; entrypoints import them, not the other way round.' },
            SCRIPTS,
          ],
        },
      ],
      'no-restricted-globals': NO_BROWSER_GLOBALS('components/ (views)'),
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [SCRIPTS] }],
    },
  },
  {
    // The one module that may import compromise (the rest of lib/ goes through it).
    files: ['lib/text/compromise.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
