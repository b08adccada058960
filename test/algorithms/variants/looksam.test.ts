import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../src/backend/index.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { LookSamOptimizer } from '../../../src/optimizers/index.js';
import { kernelCapabilities, kernelImplementation } from '../../../src/verify/adapters/kernel.js';
import { referenceImplementation } from '../../../src/verify/reference/implementation.js';
import { relativeTolerance, expectClose } from '../../../src/verify/compare.js';
import { caseArbitrary, errorScale, oracleTrajectory, runCase, type PropertyContext } from '../../../src/verify/property_support.js';
import type { ImplementationUnderTest } from '../../../src/verify/types.js';
import type { Mutant } from '../../../src/verify/reference/mutant.js';
import { expectConformance, expectDropInMatchesOracle } from './conformance.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/**
 * L1 (spec/variants.md §3.3): over 2k + 1 steps the trajectory equals the oracle's, SAM steps
 * (t ≡ 0 mod k) take 2 gradient evaluations and every reuse step exactly 1.
 */
async function trajectoryAndCost(impl: ImplementationUnderTest, seed: number, numRuns: number): Promise<void> {
  const ctx: PropertyContext = { algorithm: 'looksam', caps: await impl.capabilities(), impl, rel: relativeTolerance((await impl.capabilities()).precision), maxDimension: 4 };
  await fc.assert(
    fc.asyncProperty(caseArbitrary(ctx), async (c) => {
      const k = (c.config as unknown as { k: number }).k;
      const steps = await runCase(c, ctx, 2 * k + 1);
      const expected = oracleTrajectory(c, 2 * k + 1);
      const scale = errorScale(c, expected);
      steps.forEach((s, t) => {
        const want = t % k === 0 ? 2 : 1;
        if (s.oracle.gradientEvaluations.length !== want) throw new Error(`step ${t + 1}: ${s.oracle.gradientEvaluations.length} gradient evaluations, expected ${want} (k = ${k})`);
        expectClose(`θ_${t + 1}`, s.outcome.params, expected[t].params, scale, ctx.rel);
      });
    }),
    { seed, numRuns },
  );
}

const referenceOf = (m: Mutant) => referenceImplementation(m.id, (c, layout) => new m.make(c, layout), ['looksam']);

describe('LookSAM (spec/variants.md §3)', () => {
  it('passes the generic conformance suite: kernels, float64 reference, every mutant killed (≤ 4-dim)', async () => {
    await expectConformance('looksam', 7, 15);
  }, 60_000);

  it('L1: the kernels follow the oracle over 2k + 1 steps, one gradient per reuse step', async () => {
    await trajectoryAndCost(kernelImplementation(kernelCapabilities()), 9, 15);
  }, 30_000);

  it('L1 passes for the float64 reference and fails for every LookSAM mutant', async () => {
    const d = descriptorOf('looksam');
    await trajectoryAndCost(referenceOf({ id: 'looksam', description: '', source: '', algorithm: 'looksam', make: d.reference }), 9, 30);
    for (const m of d.mutants) await expect(trajectoryAndCost(referenceOf(m), 9, 30), m.id).rejects.toThrow();
  }, 30_000);

  it('refuses a missing or non-integer period, naming k', () => {
    const k = descriptorOf('looksam').kernel;
    expect(() => k.resolve({ alpha: 0.7 })).toThrow(/\bk\b/);
    expect(() => k.resolve({ alpha: 0.7, k: 1.5 })).toThrow(/\bk\b/);
  });

  it('runs as a drop-in tf.Optimizer across SAM and reuse steps: minimize follows the oracle trajectory, without leaking tensors', () => {
    expectDropInMatchesOracle(() => new LookSamOptimizer({ learningRate: 0.01, k: 2, alpha: 0.7 }), { algorithm: 'looksam', learningRate: 0.01, k: 2, alpha: 0.7 });
  });
});
