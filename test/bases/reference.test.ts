/**
 * spec/bases.md §8 B2/B3: the independent float64 reference of every base agrees with its oracle
 * (all placements, torch and tfjs forms, clean gradients observed), and every mutant of the
 * catalog is told apart from the oracle on a case of dimension ≤ 4 (printed, recorded in §9).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_MUTANTS } from '../../src/bases/index.js';
import { baseDescriptor } from '../../src/bases/registry.js';
import { BASES } from './bases.js';
import { caseArbitrary, referenceFollowsOracle, refutation } from './harness.js';

describe('B2: the float64 reference of every base agrees with its oracle', () => {
  for (const d of BASES) {
    it(d.name, () => {
      fc.assert(fc.property(caseArbitrary(d), (c) => referenceFollowsOracle(d, c, d.reference(c.own, c.common))), { numRuns: 100 });
    });
  }
});

describe('B3: every base mutant differs from the oracle on a small case', () => {
  it('the catalog has a mutant for every built-in base and unique ids', () => {
    expect(new Set(BASE_MUTANTS.map((m) => m.id)).size).toBe(BASE_MUTANTS.length);
    expect(new Set(BASE_MUTANTS.map((m) => m.base))).toEqual(new Set(BASES.map((d) => d.name)));
  });

  for (const m of BASE_MUTANTS) {
    it(`${m.id}: ${m.description}`, () => {
      const d = baseDescriptor(m.base);
      const c = refutation(fc.check(fc.property(caseArbitrary(d), (c) => referenceFollowsOracle(d, c, m.make(c.own, c.common))), { numRuns: 300 }));
      expect(c.theta0.length).toBeLessThanOrEqual(4);
      console.log(`[B3] ${m.id}: ${JSON.stringify({ own: c.own, common: c.common, theta0: c.theta0, grads: c.grads, ...(m.id.includes('clean') ? { cleans: c.cleans } : {}) })}`);
    });
  }
});
