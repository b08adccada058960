/**
 * spec/bases.md §8 B1: every base × placement, the float32 tfjs kernel follows the float64 oracle
 * over 1..6 steps of random θ_0 and gradients, within the tolerance of §8; and the same comparison
 * rejects kernels that are slightly wrong (B1's negative controls).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import type { BaseDescriptor } from '../../src/bases/descriptor.js';
import { BASES } from './bases.js';
import { caseArbitrary, refutation, gap, kernelTrajectory, oracleTrajectory, sensitivity, tolerances, U32, wellConditioned, type Case, type Own } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** The kernel (possibly built from other options than the oracle) is within tolerance. */
function kernelFollowsOracle(d: BaseDescriptor, c: Case, kernelOwn: Own = c.own, lrFactor = 1): boolean {
  const base = oracleTrajectory(d, c);
  const sens = sensitivity(d, c, base);
  fc.pre(wellConditioned(base, sens));
  const kernel = kernelTrajectory(d, c, kernelOwn, { ...c.common, learningRate: c.common.learningRate * lrFactor });
  return gap(base, kernel, tolerances(U32, base, sens)).ratio <= 1;
}

describe('B1: the tfjs kernel of every base follows its float64 oracle', () => {
  for (const d of BASES) {
    for (const placement of d.placements) {
      it(`${d.name}, weightDecayIn '${placement}'`, () => {
        fc.assert(fc.property(caseArbitrary(d, { placement }), (c) => kernelFollowsOracle(d, c)), { numRuns: 25 });
      });
    }
  }
});

describe('B1c: the same, on gradients that nearly cancel the coupled decay (g ≈ −λθ, the ill-conditioned inputs)', () => {
  for (const d of BASES.filter((b) => b.placements.includes('base'))) {
    it(d.name, () => {
      fc.assert(fc.property(caseArbitrary(d, { placement: 'base', cancelling: true }), (c) => kernelFollowsOracle(d, c)), { numRuns: 25 });
    });
  }
});

/** Neighbours of the right kernel that B1 must reject on some draw (spec/bases.md §8). */
const neighbours: Array<{ base: string; what: string; own?: (o: Own) => Own; lrFactor?: number; placement?: 'base' | 'decoupled' }> = [
  ...BASES.map((d) => ({ base: d.name, what: 'learning rate off by a relative 1e-4', lrFactor: 1 + 1e-4 })),
  { base: 'adam', what: "the other bias-correction form ('float32' ↔ 'float64')", own: (o) => ({ ...o, biasCorrection: o.biasCorrection === 'float32' ? 'float64' : 'float32' }) },
  { base: 'rmsprop', what: 'ε on the other side of the root', own: (o) => ({ ...o, epsilonPlacement: o.epsilonPlacement === 'inside' ? 'outside' : 'inside' }) },
  { base: 'adagrad', what: 'ε on the other side of the root', own: (o) => ({ ...o, epsilonPlacement: o.epsilonPlacement === 'inside' ? 'outside' : 'inside' }) },
  { base: 'sgd', what: 'dampening + 1e-3', own: (o) => ({ ...o, dampening: Math.min(1, (o.dampening as number) + 1e-3), nesterov: false }) },
];

describe('B1 negative controls: the comparison rejects a slightly wrong kernel', () => {
  for (const n of neighbours) {
    const d = BASES.find((b) => b.name === n.base)!;
    it(`${n.base}: ${n.what}`, () => {
      const result = fc.check(
        fc.property(caseArbitrary(d, { placement: n.placement ?? d.placements[0] }), (c) => kernelFollowsOracle(d, c, n.own ? n.own(c.own) : c.own, n.lrFactor)),
        { numRuns: 60 },
      );
      expect(refutation(result).grads.length).toBeGreaterThan(0);
    });
  }
});
