// Browser tests: the built extension in Debian's Chromium and Firefox ESR against
// fixture pages. Run with `npm run test:browser` (which builds first). One browser
// per file, files one at a time: they share the machine-wide managed policy, and
// a second suite on the same machine waits for this one (harness/machine-lock.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/harness/machine-lock.ts'],
    fileParallelism: false,
    // Flakiness should show, not be hidden: the suite repeats cases instead.
    retry: 0,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
