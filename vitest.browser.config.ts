import { defineConfig } from 'vitest/config';

// Real-browser tests of the widget and the demo page: Debian Chromium driven by
// playwright-core against the Worker under `wrangler dev`, built from the test
// corpus (test/browser/corpus). Run with `npm run test:browser`.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    // One Worker and one browser per file; files run one after another.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
