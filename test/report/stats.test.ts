import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/data/random.js';
import {
  direction,
  geometricInterval,
  judgeTarget,
  meanInterval,
  medianInterval,
  pairedDifference,
  pairedRatio,
  type Bounds,
} from '../../src/report/stats.js';

/** Fraction of `trials` simulated samples whose interval contains the true value. */
function coverage(trials: number, seed: number, draw: (r: ReturnType<typeof createRandom>) => { interval: Bounds; truth: number }): number {
  const random = createRandom(seed);
  let hit = 0;
  for (let t = 0; t < trials; t++) {
    const { interval, truth } = draw(random);
    if (interval.lo <= truth && truth <= interval.hi) hit++;
  }
  return hit / trials;
}

/** Five seeds of two algorithms: a large shared seed effect (init, data order), a small true difference. */
function pairedSeeds(r: ReturnType<typeof createRandom>, n: number, difference: number, seedSpread: number, noise: number) {
  const shared = Array.from({ length: n }, () => seedSpread * r.normal());
  const baseline = shared.map((s) => 0.8 + s + noise * r.normal());
  const algorithm = shared.map((s) => 0.8 + difference + s + noise * r.normal());
  return { algorithm, baseline };
}

describe('paired statistics', () => {
  it('the paired t-interval covers the true difference 95% of the time at 5 seeds', () => {
    // 4000 trials: binomial SE 0.0034, so [0.935, 0.965] is ±4.4 SE. A z-interval (1.96 instead of
    // t₄ = 2.776) covers ≈ 88% and fails; so does an unpaired interval's undercoverage when seeds are shared.
    const c = coverage(4000, 11, (r) => {
      const { algorithm, baseline } = pairedSeeds(r, 5, 0.01, 0.05, 0.004);
      return { interval: pairedDifference(algorithm, baseline), truth: 0.01 };
    });
    expect(c).toBeGreaterThan(0.935);
    expect(c).toBeLessThan(0.965);
  });

  it('pairing resolves a consistent difference that the seed-to-seed spread hides', () => {
    // Seed spread 5 points, per-seed difference +1 point ± 0.1: every seed agrees on the sign.
    const baseline = [0.75, 0.82, 0.79, 0.86, 0.71];
    const algorithm = baseline.map((b, i) => b + 0.01 + [0.001, -0.001, 0.0005, -0.0005, 0][i]);
    const d = pairedDifference(algorithm, baseline, [-1, 1]);
    expect(direction(d)).toBe('higher');
    expect(d.lo).toBeGreaterThan(0.008);
    // The per-algorithm intervals overlap completely: comparing them would not resolve anything.
    expect(meanInterval(algorithm).lo).toBeLessThan(meanInterval(baseline).hi);
  });

  it('a difference whose interval contains 0 is "not resolved"', () => {
    const d = pairedDifference([0.80, 0.81, 0.79], [0.805, 0.80, 0.80]);
    expect(d.lo).toBeLessThan(0);
    expect(d.hi).toBeGreaterThan(0);
    expect(direction(d)).toBe('not resolved');
    expect(direction(pairedDifference([0.7, 0.71], [0.8, 0.82]))).toBe('lower');
  });

  it('rejects unpaired or empty input with a typed error naming the parameter', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/baseline = 1: expected 2 paired values/);
    expect(() => meanInterval([])).toThrow(/INVALID_HYPERPARAMETER: values/);
    expect(() => meanInterval([1, NaN])).toThrow(/values = NaN/);
    expect(() => geometricInterval([1, 0])).toThrow(/values = 0: expected positive/);
  });
});

describe('intervals respect their domain', () => {
  const proportions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });
  it('an accuracy interval lies in [0, 1] and contains its mean', () => {
    fc.assert(
      fc.property(proportions, (ps) => {
        const b = meanInterval(ps, [0, 1]);
        return b.lo >= 0 && b.hi <= 1 && b.lo <= b.value + 1e-12 && b.value <= b.hi + 1e-12;
      }),
    );
  });

  it('keeps the t-interval\'s coverage near the boundary (accuracies close to 1)', () => {
    const draw = (r: ReturnType<typeof createRandom>) => Math.min(1, 0.995 + 0.004 * r.normal());
    const big = createRandom(99);
    const truth = Array.from({ length: 200_000 }, () => draw(big)).reduce((s, x) => s + x, 0) / 200_000;
    const c = coverage(4000, 5, (r) => ({ interval: meanInterval(Array.from({ length: 5 }, () => draw(r)), [0, 1]), truth }));
    expect(c).toBeGreaterThan(0.93);
  });

  it('an eigenvalue interval is positive, multiplicative, and covers the log-normal median 95% of the time', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 }), (xs) => {
        const b = geometricInterval(xs);
        return b.lo >= 0 && (xs.length < 2 || b.lo > 0) && b.lo <= b.value * (1 + 1e-12) && b.value <= b.hi * (1 + 1e-12);
      }),
    );
    // The example: 26.90 ± 78.53 over 2 seeds had a negative lower bound.
    expect(geometricInterval([5, 48.8]).lo).toBeGreaterThan(0);
    const c = coverage(4000, 7, (r) => ({ interval: geometricInterval(Array.from({ length: 5 }, () => 20 * Math.exp(0.5 * r.normal()))), truth: 20 }));
    expect(c).toBeGreaterThan(0.935);
    expect(c).toBeLessThan(0.965);
  });

  it('a paired ratio of eigenvalues is a geometric mean of per-seed ratios', () => {
    const r = pairedRatio([2, 8, 4], [1, 4, 2]);
    expect(r.value).toBeCloseTo(2, 12);
    expect(r.lo).toBeCloseTo(2, 12);
    expect(direction(r, 1)).toBe('higher');
  });
});

describe('median interval (order statistics)', () => {
  it('uses the widest-coverage-above-95% order statistics and reports smaller samples\' coverage', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(medianInterval(xs)).toMatchObject({ value: 6, lo: 2, hi: 10 });
    expect(medianInterval(xs).level).toBeCloseTo(1 - 24 / 2048, 12);
    expect(medianInterval(Array.from({ length: 21 }, (_, i) => i + 1))).toMatchObject({ lo: 6, hi: 16 });
    expect(medianInterval([3, 1, 2])).toMatchObject({ value: 2, lo: 1, hi: 3, level: 0.75 });
  });

  it('covers the true median at least 95% of the time at 11 rounds, as its level says', () => {
    const b = medianInterval(Array.from({ length: 11 }, (_, i) => i));
    const c = coverage(4000, 3, (r) => ({ interval: medianInterval(Array.from({ length: 11 }, () => 2 + 0.1 * r.normal())), truth: 2 }));
    expect(c).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(c - b.level)).toBeLessThan(0.01);
  });
});

describe('targets with physical floors', () => {
  const at = (value: number, lo: number, hi: number) => ({ value, lo, hi });
  it('an interval entirely below the floor is a measurement problem, never "met"', () => {
    // The 5-step/(6·SGD) = 0.904 against floor 1 and target 1.1.
    expect(judgeTarget(at(0.904, 0.85, 0.96), 1.1, 1)).toBe('measurement problem: below floor');
    expect(judgeTarget(at(0.98, 0.95, 1.03), 1.1, 1)).toBe('at floor within noise');
  });
  it('"met" and "missed" need the whole interval on one side of the target', () => {
    expect(judgeTarget(at(2.01, 2.0, 2.05), 2.1, 2)).toBe('met');
    expect(judgeTarget(at(2.05, 2.0, 2.15), 2.1, 2)).toBe('not resolved');
    expect(judgeTarget(at(1.13, 1.10, 1.16), 1.03)).toBe('missed');
  });
  it('"met" only when the estimate is at or above the floor and the whole interval at or below the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (v, a, b) => {
        const verdict = judgeTarget(at(v, v - a, v + b), 2.1, 2);
        return verdict === 'met' ? v >= 2 && v + b <= 2.1 : true;
      }),
    );
  });
});
