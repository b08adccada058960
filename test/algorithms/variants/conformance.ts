/** The generic conformance run every variant of spec/variants.md gets: kernels, the float64 reference, its mutants. */
import { expect } from 'vitest';
import { tf } from '../../../src/tf.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { kernelImplementation } from '../../../src/verify/adapters/kernel.js';
import { formatReport, verify } from '../../../src/verify/verify.js';
import { initialOracleState, oracleStep } from '../../../src/oracle/algorithms.js';
import { formatMutantReport, referenceFloat64, verifyMutants } from '../../../src/verify/mutants/index.js';

export async function expectConformance(algorithm: string, seed: number, numRuns: number): Promise<void> {
  const before = tf.memory().numTensors;
  const kernels = await verify(kernelImplementation(), { seed, numRuns, algorithms: [algorithm] });
  expect(kernels.ok, formatReport(kernels)).toBe(true);
  expect(kernels.verdicts.filter((v) => v.status === 'passed').length).toBeGreaterThanOrEqual(6);
  expect(tf.memory().numTensors).toBe(before);
  const reference = await verify(referenceFloat64(), { seed, numRuns, algorithms: [algorithm] });
  expect(reference.ok, formatReport(reference)).toBe(true);
  const mutants = await verifyMutants({ seed, numRuns: 100, mutants: [...descriptorOf(algorithm).mutants] });
  expect(mutants.killRate, formatMutantReport(mutants)).toBe(1);
  for (const r of mutants.results) expect(r.dimension, r.id).toBeLessThanOrEqual(4);
}

/**
 * The drop-in tf.Optimizer on f(w) = Σ w_j⁴ from w = (1, −2): three `minimize` steps equal the
 * float64 oracle's trajectory of the same config (float32 tolerance), with no tensor leak.
 */
export function expectDropInMatchesOracle(make: () => tf.Optimizer, config: Record<string, unknown>): void {
  const theta0 = [1, -2];
  const w = tf.variable(tf.tensor1d(theta0));
  const opt = make();
  const loss = () => tf.sum(tf.pow(w, 4)) as tf.Scalar;
  const f = { dim: 2, value: (x: number[]) => x.reduce((s, v) => s + v ** 4, 0), gradient: (x: number[]) => x.map((v) => 4 * v ** 3) };
  let theta = theta0;
  let state = initialOracleState();
  let before = 0;
  for (let i = 0; i < 3; i++) {
    if (i === 1) before = tf.memory().numTensors;
    opt.minimize(loss, false, [w]);
    const r = oracleStep(config as never, f, theta, state, { names: ['w'], sizes: [2] });
    theta = r.params;
    state = r.state;
    Array.from(w.dataSync()).forEach((x, j) => expect(x, `step ${i + 1}, w_${j}`).toBeCloseTo(theta[j], 4));
  }
  expect(tf.memory().numTensors).toBe(before);
  opt.dispose();
  w.dispose();
}
