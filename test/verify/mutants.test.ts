import { describe, expect, it } from 'vitest';
import { formatMutantReport, MUTANTS, referenceFloat64, verifyMutants } from '../../src/verify/mutants/index.js';
import { formatReport, verify } from '../../src/verify/verify.js';

describe('mutant catalog', () => {
  it('has at least 25 distinct realistic bugs', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
  });

  it('the unmutated float64 reference passes every property (no false alarms at tolerance 1e-10)', async () => {
    const report = await verify(referenceFloat64(), { seed: 3, numRuns: 50 });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('every mutant is killed, with a counterexample of dimension ≤ 4 after shrinking', async () => {
    const report = await verifyMutants({ seed: 1, numRuns: 100 });
    const text = formatMutantReport(report);
    expect(report.killRate, text).toBe(1);
    for (const r of report.results) expect(r.dimension, `${r.id}\n${text}`).toBeLessThanOrEqual(4);
  });
});
