import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SampaOptimizer } from '../../../src/optimizers/index.js';
import { length } from '../../../src/oracle/vector.js';
import type { OracleObjective, Vector } from '../../../src/oracle/objective.js';
import { bowlCase, closeTo, fitMemory, maxAbsDiff, minimizePath, officialSgd, onCpuBackend, oraclePath, quarticBowl, type OfficialSgd } from './support.js';

onCpuBackend();

interface Official extends OfficialSgd {
  og: number;
}

/**
 * LIONS-EPFL/SAMPa train.py's two ranks, transcribed in float64 on one full-batch objective:
 * rank 0 recovers ∇f(y) = (agg − pert)/(og + 1e-15) and takes ∇f(x̃); rank 1 predicts the torch-SGD
 * step with its last ∇f(y) (plus wd·x + μ·buf once the buffer exists) and takes ∇f(y′); the
 * all-reduced (1 − og)·∇f(x̃) + og·∇f(y′) goes to torch.optim.SGD at x.
 */
function officialSampa(o: Official, f: OracleObjective, theta0: Vector, n: number): Vector[] {
  let x = [...theta0];
  let buf: Vector | null = null;
  let pert = x.map(() => 0);
  let agg = x.map(() => 0);
  let yRank1 = x.map(() => 0);
  const out: Vector[] = [];
  for (let t = 0; t < n; t++) {
    const yRank0 = agg.map((a, i) => (a - pert[i]) / (o.og + 1e-15));
    const s = o.rho / (length(yRank0) + 1e-12);
    const gPerturbed = f.gradient(x.map((xi, i) => xi + s * yRank0[i]));
    pert = gPerturbed.map((g) => g * (1 - o.og));
    const b = buf;
    const step = b !== null ? yRank1.map((g, i) => o.lr * (g + o.weightDecay * x[i] + o.momentum * b[i])) : yRank1.map((g) => o.lr * g);
    yRank1 = f.gradient(x.map((xi, i) => xi - step[i]));
    agg = pert.map((p, i) => p + o.og * yRank1[i]);
    const d = agg.map((a, i) => a + o.weightDecay * x[i]);
    if (o.momentum > 0) buf = buf === null ? d : buf.map((bi, i) => o.momentum * bi + d[i]);
    x = x.map((xi, i) => xi - o.lr * (buf ?? d)[i]);
    out.push(x);
  }
  return out;
}

const officialHp = fc.record({ ...officialSgd, og: fc.double({ min: 0.05, max: 0.95, noNaN: true }) });

const officialConfig = (o: Official) => ({
  algorithm: 'sampa',
  learningRate: o.lr,
  momentum: o.momentum,
  weightDecay: o.weightDecay,
  rho: o.rho,
  lambda: o.og,
  lookaheadRate: o.lr,
  lookaheadMomentum: o.momentum,
  lookaheadWeightDecay: o.weightDecay,
});

describe('SAMPa (spec/variants-b.md §3)', () => {
  it("S1: the lookahead set to the base's (η, μ, wd) follows train.py's two ranks over 5 steps", () => {
    fc.assert(
      fc.property(bowlCase(), officialHp, ({ a, c, theta0 }, o) => {
        const f = quarticBowl(a, c);
        const ours = oraclePath(officialConfig(o), f, theta0, 5);
        const theirs = officialSampa(o, f, theta0, 5);
        ours.forEach((x, t) => expect(closeTo(x, theirs[t]), `θ_${t + 1}: |Δ| = ${maxAbsDiff(x, theirs[t])}`).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it("S2: SampaOptimizer's defaults are train.py's form (minimize over 4 steps), and model.fit keeps memory flat", async () => {
    const o = { lr: 0.1, momentum: 0.9, weightDecay: 0.01, rho: 0.2, og: 0.3 };
    const got = minimizePath(new SampaOptimizer({ learningRate: o.lr, momentum: o.momentum, weightDecay: o.weightDecay, rho: o.rho, lambda: o.og }), [1, 2.5], 0.2, [1, -0.5], 4);
    const expected = officialSampa(o, quarticBowl([1, 2.5], 0.2), [1, -0.5], 4);
    got.forEach((x, t) => expect(maxAbsDiff(x, expected[t]), `θ_${t + 1}`).toBeLessThan(1e-5));
    const { before, after, loss } = await fitMemory(new SampaOptimizer({ learningRate: 0.1, momentum: 0.9, rho: 0.05 }));
    expect(after).toBe(before);
    expect(loss[2]).toBeLessThan(loss[0]);
  });
});
