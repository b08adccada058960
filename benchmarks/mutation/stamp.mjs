// Run before Stryker by `npm run mutation[:oracle]`: records which commit the run tests and when it
// started, next to the report it will write (Stryker's JSON report carries neither). The mutation
// suite (suite.ts) reads it; a report older than its stamp means the last run did not finish.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const target = process.argv[2];
if (target !== 'kernels' && target !== 'oracle') throw new Error(`usage: stamp.mjs kernels|oracle (got ${target})`);
const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const stamp = {
  target,
  startedAt: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD') || null,
  // Uncommitted edits in the mutated folder: the run tested the working tree, not the commit.
  dirty: git('status', '--porcelain', '--', `src/${target}`) !== '',
};
mkdirSync('reports/mutation', { recursive: true });
writeFileSync(`reports/mutation/${target}.stamp.json`, JSON.stringify(stamp, null, 2) + '\n');
