import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts', 'test/**/*.test.ts'],
    // tfjs backends are process-global: one worker per file keeps them isolated.
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
    // The second reporter records a full run for the report's summary (reports/tests/last-run.json).
    reporters: ['default', './test/last_run_reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
