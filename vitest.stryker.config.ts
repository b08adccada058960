import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The vitest config Stryker runs each mutant against (spec/mutation.md): the base config with only
 * the test files that exercise the mutated folder, so a mutant does not pay for unrelated suites.
 * Not mergeConfig: it would concatenate `include` with the base list.
 * isolate: false lets the files share one module graph (tfjs and mathjs load once per worker, not
 * once per file): it cut the dry run from 33 s to 15 s. Stryker's runner itself replaces the pool
 * with a single thread per worker.
 */
export function strykerTestConfig(include: string[]) {
  return defineConfig({ test: { ...base.test, isolate: false, include } });
}

/** src/kernels: every test file that calls a kernel (chosen by import; see spec/mutation.md). */
export default strykerTestConfig([
  'properties/core/*.test.ts',
  'properties/family/*.test.ts',
  'properties/reliability/*.test.ts',
  'test/core/*.test.ts',
  'test/family/*.test.ts',
  'test/reliability/*.test.ts',
  'test/model_fit.test.ts',
]);
