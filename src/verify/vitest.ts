/**
 * `samcheck/vitest`: run the conformance suite inside another project's `npm test`:
 *
 *   import { describeConformance } from 'samcheck/vitest';
 *   describeConformance(myImplementation, { seed: 1, numRuns: 50 });
 *
 * One `it` per (algorithm, property); a property the implementation does not support is
 * reported by vitest as skipped, with the reason in the test name's log.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { algorithmNames } from '../algorithms/index.js';
import { conformanceProperties } from './properties.js';
import type { ImplementationUnderTest } from './types.js';
import { formatVerdict, verify, type VerifyOptions } from './verify.js';

export interface ConformanceSuiteOptions extends Omit<VerifyOptions, 'algorithms' | 'properties'> {
  /** Algorithms to test; they must be listed up front because vitest collects tests synchronously. */
  algorithms?: string[];
  /** Per-test timeout in ms (default 60 s). */
  timeout?: number;
}

export function describeConformance(impl: ImplementationUnderTest, options: ConformanceSuiteOptions = {}): void {
  // Every algorithm by default: one the implementation does not declare shows as skipped.
  const algorithms = options.algorithms ?? algorithmNames();
  const seed = options.seed ?? 1;
  describe(`samcheck conformance: ${impl.name}`, () => {
    afterAll(async () => impl.dispose?.());
    for (const algorithm of algorithms) {
      for (const property of conformanceProperties().filter((p) => p.appliesTo(algorithm))) {
        const name = `${algorithm}.${property.id}`;
        it(`${name}: ${property.claim}`, { timeout: options.timeout ?? 60_000 }, async (ctx) => {
          const report = await verify(impl, { ...options, seed, algorithms: [algorithm], properties: [name] });
          const verdict = report.verdicts[0];
          if (verdict === undefined || verdict.status === 'skipped') {
            ctx.skip(`SKIPPED: ${verdict?.message ?? `${algorithm} not declared`}`);
            return;
          }
          expect(verdict.status, formatVerdict(verdict)).toBe('passed');
        });
      }
    }
  });
}
