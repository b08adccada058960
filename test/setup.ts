/**
 * One seed for every fast-check property of a run (DEVELOPERS.md: determinism). CI uses the fixed
 * default so a run is reproducible; SAMCHECK_SEED=<n> replays or explores another seed, and
 * SAMCHECK_SEED=random draws one (printed). Properties that pass their own `seed` keep it.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { DEFAULT_PROPERTY_SEED as DEFAULT_SEED } from '../src/seed.js';
// The built-in algorithms, as every public entry point (src/index.ts, src/verify/index.ts, the CLI)
// registers them; tests that import the functional core by its deep path rely on this.
import '../src/algorithms/index.js';

const requested = process.env.SAMCHECK_SEED;
const seed = requested === 'random' ? (Math.random() * 2 ** 31) | 0 : requested ? Number(requested) : DEFAULT_SEED;
if (!Number.isInteger(seed)) throw new Error(`SAMCHECK_SEED must be an integer or "random", got ${JSON.stringify(requested)}`);
// SAMCHECK_NO_SHRINK=1 (set by `npm run mutation`): a failing property stops at its first
// counterexample instead of shrinking it. Stryker only needs "fails"; shrinking a killed mutant's
// counterexample took up to a minute per mutant (spec/mutation.md). Properties passing their own
// endOnFailure keep it.
fc.configureGlobal({ seed, ...(process.env.SAMCHECK_NO_SHRINK === '1' ? { endOnFailure: true } : {}) });

// SAMCHECK_TRACE=<file>: append "file › test (seed)" before each test, to find a test that hangs.
const trace = process.env.SAMCHECK_TRACE;
beforeEach((ctx) => {
  if (trace) appendFileSync(trace, `${new Date().toISOString()} ${ctx.task.file?.name} › ${ctx.task.name} (seed ${seed})\n`);
});
if (requested === 'random') console.log(`fast-check seed ${seed} (replay: SAMCHECK_SEED=${seed} npm test)`);
