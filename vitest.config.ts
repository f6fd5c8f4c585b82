import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two projects: the engine and scripts in plain Node, and the HTTP contract
// inside workerd through the real Worker (wrangler.toml's entry and vars).
// `npm test` builds the index first (src/generated/ must exist).
export default defineConfig({
  test: {
    // The Worker logs one JSON line per request; keep test output readable
    // (its warnings and errors still print).
    onConsoleLog: (log) => !log.startsWith('{"level":"info","msg":"request"'),
    projects: [
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // test/worker/fuzz.test.ts: more cases or another seed, e.g. CITEQA_FUZZ_RUNS=50000.
          provide: { fuzzRuns: process.env.CITEQA_FUZZ_RUNS ?? '', fuzzSeed: process.env.CITEQA_FUZZ_SEED ?? '' },
        },
      },
    ],
  },
});
