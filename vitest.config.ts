import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Engine, rules and UI tests: Node, and happy-dom for components (chosen per
// file with `// @vitest-environment happy-dom`). The real-browser suite has its
// own config (vitest.browser.config.ts) and runs after the production build.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
