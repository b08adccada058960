import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../src/backend/index.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { kernelImplementation } from '../../../src/verify/adapters/kernel.js';
import { formatReport, verify } from '../../../src/verify/verify.js';
import { formatMutantReport, referenceFloat64, verifyMutants } from '../../../src/verify/mutants/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

// The generic suite and the catalog run every algorithm; these run one variant alone, to replay fast.
describe.each(['momentum-sam', 'vasso'])('%s conformance', (algorithm) => {
  it('the tfjs kernel passes every property', async () => {
    const report = await verify(kernelImplementation(), { seed: 5, numRuns: 30, algorithms: [algorithm] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.find((v) => v.property === 'stateful-trajectory')?.status).toBe('passed');
  });

  it('the float64 reference passes every property', async () => {
    const report = await verify(referenceFloat64(), { seed: 5, numRuns: 30, algorithms: [algorithm] });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('every mutant is killed with a counterexample of dimension ≤ 4', async () => {
    const mutants = [...descriptorOf(algorithm).mutants];
    for (const seed of [1, 12]) {
      const report = await verifyMutants({ seed, numRuns: 100, mutants });
      const text = formatMutantReport(report);
      expect(report.killRate, text).toBe(1);
      for (const r of report.results) expect(r.dimension, `${r.id}\n${text}`).toBeLessThanOrEqual(4);
    }
  });
});
