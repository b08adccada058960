/** The generic conformance run every variant of spec/variants.md gets: kernels, the float64 reference, its mutants. */
import { expect } from 'vitest';
import { tf } from '../../../src/tf.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { kernelImplementation } from '../../../src/verify/adapters/kernel.js';
import { formatReport, verify } from '../../../src/verify/verify.js';
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
