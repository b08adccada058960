import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../src/backend/index.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { WsamOptimizer } from '../../../src/optimizers/index.js';
import { WsamReference } from '../../../src/algorithms/wsam/reference.js';
import { wsamOracle } from '../../../src/algorithms/wsam/oracle.js';
import type { GradientOracle } from '../../../src/verify/types.js';
import { length, minus } from '../../../src/oracle/vector.js';
import { expectConformance, expectDropInMatchesOracle } from './conformance.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const vec = (n: number, lo: number, hi: number) => fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });
const problem = fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({ theta: vec(n, -2, 2), a: vec(n, 0.1, 3), b: vec(n, -1, 1), gamma: fc.double({ min: 0.05, max: 0.9, noNaN: true }) }));
/** ∇ of Σ a_j x_j⁴/4 + b·x. */
const quarticOracle = (a: number[], b: number[]): GradientOracle => ({ evaluate: (x) => ({ gradient: x.map((v, j) => a[j] * v ** 3 + b[j]) }) });
const SGD = { algorithm: 'wsam', learningRate: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0.01, weightDecayIn: 'base' as const };

type Make = new (c: never, layout: never) => WsamReference;
/** W1: with plain SGD (no momentum, coupled weight decay) the decoupled step equals the coupled one. */
function decoupledEqualsCoupled(make: Make, p: { theta: number[]; a: number[]; b: number[]; gamma: number }): boolean {
  const layout = { names: ['w'], sizes: [p.theta.length] };
  const run = (decouple: boolean) => new make({ ...SGD, ...wsamOracle.resolve({ gamma: p.gamma, decouple }) } as never, layout as never).step(p.theta, quarticOracle(p.a, p.b));
  const coupled = run(false);
  return length(minus(run(true), coupled)) <= 1e-12 * (length(coupled) + 1);
}

describe('WSAM (spec/variants.md §2)', () => {
  it('passes the generic conformance suite: kernels, float64 reference, every mutant killed (≤ 4-dim)', async () => {
    await expectConformance('wsam', 7, 15);
  }, 60_000);

  it('W1: under plain SGD the decoupled sharpness step equals the coupled one (the reference)', () => {
    fc.assert(fc.property(problem, (p) => decoupledEqualsCoupled(WsamReference as never, p)), { seed: 5, numRuns: 200 });
  });

  it('W1 fails against the decoupled step with the sign flipped', () => {
    const m = descriptorOf('wsam').mutants.find((x) => x.id === 'wsam-decoupled-sign')!;
    expect(decoupledEqualsCoupled(m.make as never, { theta: [1, -1], a: [1, 1], b: [0.5, 0], gamma: 0.5 })).toBe(false);
  });

  it('refuses γ ≥ 1 and a non-positive maxNorm, naming the parameter', () => {
    const k = descriptorOf('wsam').kernel;
    expect(() => k.resolve({ gamma: 1 })).toThrow(/gamma/);
    expect(() => k.resolve({ maxNorm: 0 })).toThrow(/maxNorm/);
    expect(k.resolve({ maxNorm: null }).maxNorm).toBeNull();
  });

  it('runs as a drop-in tf.Optimizer with momentum (decoupled by default): minimize follows the oracle trajectory, without leaking tensors', () => {
    expectDropInMatchesOracle(() => new WsamOptimizer({ learningRate: 0.01, momentum: 0.9 }), { algorithm: 'wsam', learningRate: 0.01, momentum: 0.9 });
  });
});
