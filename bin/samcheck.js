#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by `npm ci`).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
