// Lint: TypeScript's recommended rules, plus the house rule that the engine
// (lib/) knows nothing of browsers: it may not import from entrypoints/,
// components/, utils/ or WXT.
import tseslint from 'typescript-eslint';

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
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}', 'lib/**/*.ts'],
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
              group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**', '**/utils/**', '@/utils/**'],
              message: 'lib/ is the engine: it must not import from the extension (entrypoints/, components/, utils/).',
            },
            {
              // A slash makes a pattern match from the start only, so '../text/compromise' is not caught.
              group: ['compromise/*'],
              message: 'Only lib/text/compromise.ts talks to compromise: add what you need there, so an upgrade shows in one file.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'lib/ must not use browser APIs.' }, { name: 'browser', message: 'lib/ must not use browser APIs.' }],
    },
  },
  {
    // The one module that may import compromise (the rest of lib/ goes through it).
    files: ['lib/text/compromise.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
