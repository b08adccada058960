import { describe, expect, it } from 'vitest';
import { allMutants, formatMutantReport, referenceFloat64, verifyMutants } from '../../src/verify/mutants/index.js';
import { algorithmNames } from '../../src/algorithms/index.js';
import { formatReport, verify } from '../../src/verify/verify.js';

const MUTANTS = allMutants();

describe('mutant catalog', () => {
  it('has at least 25 distinct realistic bugs', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
  });

  it('covers every algorithm of the family', () => {
    const covered = new Set(MUTANTS.map((m) => m.algorithm));
    for (const a of algorithmNames()) expect(covered, a).toContain(a);
  });

  it('the unmutated float64 reference passes every property for every algorithm (no false alarms at tolerance 1e-10)', async () => {
    const report = await verify(referenceFloat64(), { seed: 3, numRuns: 50 });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  // The default seed and one other (spec/protocol.md §5 records seeds 11–14 too).
  for (const seed of [1, 12]) {
    it(`every mutant of the whole catalog is killed, with a counterexample of dimension ≤ 4 after shrinking (seed ${seed})`, async () => {
      const report = await verifyMutants({ seed, numRuns: 100 });
      const text = formatMutantReport(report);
      expect(report.total).toBe(MUTANTS.length);
      expect(text).toContain(`suite seed ${seed}, 100 runs per property`);
      expect(report.killRate, text).toBe(1);
      for (const r of report.results) expect(r.dimension, `${r.id}\n${text}`).toBeLessThanOrEqual(4);
    });
  }
});
