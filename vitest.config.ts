import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One config for every tier: engine and rules (Node), UI components
// (happy-dom, chosen per file with `// @vitest-environment happy-dom`), and the
// real-browser suite (tests/browser, which loads the production build into Chromium).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The browser suite drives one Chromium per file; on a 2-core machine running
    // them side by side only makes each slower and flakier.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
