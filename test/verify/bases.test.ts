import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { algorithmNames } from '../../src/algorithms/index.js';
import { kernelImplementation } from '../../src/verify/adapters/kernel.js';
import { allMutants, referenceFloat64, verifyMutants } from '../../src/verify/mutants/index.js';
import { formatReport, verify } from '../../src/verify/verify.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('verify over every base optimizer', () => {
  it('the kernels pass the over-<base> trajectory property for every algorithm × base', async () => {
    const report = await verify(kernelImplementation(), { seed: 5, numRuns: 15, properties: ['over-adam-trajectory-matches-oracle', 'over-adamw-trajectory-matches-oracle', 'over-rmsprop-trajectory-matches-oracle', 'over-adagrad-trajectory-matches-oracle'] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.filter((v) => v.status === 'passed').length).toBe(4 * algorithmNames().length);
  });

  it('the float64 reference passes them too (no false alarm at the float64 tolerance)', async () => {
    const report = await verify(referenceFloat64(), { seed: 5, numRuns: 15, properties: ['over-adam-trajectory-matches-oracle', 'over-adamw-trajectory-matches-oracle', 'over-rmsprop-trajectory-matches-oracle', 'over-adagrad-trajectory-matches-oracle'] });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('every base-optimizer mutant is killed, with a counterexample of dimension ≤ 4', async () => {
    const mutants = allMutants().filter((m) => m.base !== undefined);
    expect(mutants.length).toBeGreaterThanOrEqual(5);
    const report = await verifyMutants({ seed: 1, numRuns: 100, mutants });
    for (const r of report.results) {
      expect(r.killed, `${r.id} survived`).toBe(true);
      expect(r.dimension, r.id).toBeLessThanOrEqual(4);
    }
  });
});
