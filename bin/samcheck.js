#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by `npm ci`).
import { registerBenchmarkSuites } from '../dist/benchmarks/suites.js';
import { main } from '../dist/src/cli/main.js';

// The report runs the benchmark suites; src/report knows none of them (they register here).
registerBenchmarkSuites();

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
