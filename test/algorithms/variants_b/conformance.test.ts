import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../src/tf.js';
import { useBackend } from '../../../src/backend/index.js';
import { kernelImplementation } from '../../../src/verify/adapters/kernel.js';
import { formatReport, verify } from '../../../src/verify/verify.js';
import { referenceFloat64 } from '../../../src/verify/mutants/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

// The mutant catalog (test/verify/mutants.test.ts, seeds 1 and 12) kills these variants' mutants;
// here the kernels and the float64 reference are verified one variant at a time.
describe.each(['momentum-sam', 'vasso', 'sampa'])('%s conformance', (algorithm) => {
  it('the tfjs kernel passes every property, the stateful trajectory among them, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const report = await verify(kernelImplementation(), { seed: 5, numRuns: 30, algorithms: [algorithm] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.find((v) => v.property === 'stateful-trajectory')?.status).toBe('passed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the float64 reference passes every property', async () => {
    const report = await verify(referenceFloat64(), { seed: 5, numRuns: 30, algorithms: [algorithm] });
    expect(report.ok, formatReport(report)).toBe(true);
  });
});
