import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MomentumSamOptimizer } from '../../../src/optimizers/index.js';
import { length } from '../../../src/oracle/vector.js';
import type { OracleObjective, Vector } from '../../../src/oracle/objective.js';
import { bowlCase, closeTo, fitMemory, maxAbsDiff, minimizePath, officialSgd, onCpuBackend, oraclePath, quarticBowl, type OfficialSgd } from './support.js';

onCpuBackend();

type Official = OfficialSgd;

/**
 * MarlonBecker/MSAM optimizer/msam.py transcribed line by line in float64: the stored parameters
 * are the perturbed point p = θ − ρ·v/(‖v‖ + 1e-12); θ is recovered by move_back_from_momentumAscent.
 */
function officialMsam(o: Official, f: OracleObjective, theta0: Vector, n: number): Vector[] {
  let p = [...theta0];
  let v = theta0.map(() => 0);
  let inv = 0;
  const out: Vector[] = [];
  for (let t = 0; t < n; t++) {
    const d = f.gradient(p).map((g, i) => g + o.weightDecay * p[i]);
    p = p.map((x, i) => x + o.rho * inv * v[i]);
    v = v.map((b, i) => o.momentum * b + d[i]);
    p = p.map((x, i) => x - o.lr * v[i]);
    inv = 1 / (length(v) + 1e-12);
    p = p.map((x, i) => x - o.rho * inv * v[i]);
    out.push(p.map((x, i) => x + o.rho * inv * v[i]));
  }
  return out;
}

const officialHp = fc.record({ ...officialSgd, momentum: fc.double({ min: 0.1, max: 0.95, noNaN: true }) });

const samcheckForm = (o: Official, weightDecayIn: 'loss' | 'base') => ({
  algorithm: 'momentum-sam',
  learningRate: o.lr,
  momentum: o.momentum,
  beta: o.momentum,
  rho: o.rho,
  weightDecay: o.weightDecay,
  weightDecayIn,
});

describe('momentum-SAM against the official optimizer (spec/variants-b.md §1, M1)', () => {
  it("{ momentum: μ, beta: μ, weightDecayIn: 'loss' } follows msam.py's trajectory over 5 steps", () => {
    fc.assert(
      fc.property(bowlCase(), officialHp, ({ a, c, theta0 }, o) => {
        const f = quarticBowl(a, c);
        const ours = oraclePath(samcheckForm(o, 'loss'), f, theta0, 5);
        const theirs = officialMsam(o, f, theta0, 5);
        ours.forEach((x, t) => expect(closeTo(x, theirs[t]), `θ_${t + 1}: |Δ| = ${maxAbsDiff(x, theirs[t])}`).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it("weight decay in the base step is not the official form (the official decay is taken at the perturbed point)", () => {
    const o = { lr: 0.1, momentum: 0.9, weightDecay: 0.1, rho: 0.3 };
    const f = quarticBowl([1, 2], 0.1);
    const ours = oraclePath(samcheckForm(o, 'base'), f, [1, -1], 3);
    const theirs = officialMsam(o, f, [1, -1], 3);
    expect(maxAbsDiff(ours[2], theirs[2])).toBeGreaterThan(1e-6);
  });
});

describe('MomentumSamOptimizer (drop-in)', () => {
  it('minimize follows the oracle over 4 steps, its buffer carried between calls', () => {
    const config = { learningRate: 0.1, momentum: 0.9, beta: 0.9, rho: 0.3, weightDecay: 0.01, weightDecayIn: 'loss' as const };
    const got = minimizePath(new MomentumSamOptimizer(config), [1, 2.5], 0.2, [1, -0.5], 4);
    const expected = oraclePath({ algorithm: 'momentum-sam', ...config }, quarticBowl([1, 2.5], 0.2), [1, -0.5], 4);
    got.forEach((x, t) => expect(maxAbsDiff(x, expected[t]), `θ_${t + 1}`).toBeLessThan(1e-5));
  });

  it('model.fit keeps tf.memory().numTensors flat and the loss decreases', async () => {
    const { before, after, loss } = await fitMemory(new MomentumSamOptimizer({ learningRate: 0.1, momentum: 0.9, rho: 0.05 }));
    expect(after).toBe(before);
    expect(loss[2]).toBeLessThan(loss[0]);
  });
});
