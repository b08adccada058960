import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VassoOptimizer } from '../../../src/optimizers/index.js';
import { length } from '../../../src/oracle/vector.js';
import type { OracleObjective, Vector } from '../../../src/oracle/objective.js';
import { bowlCase, closeTo, fitMemory, maxAbsDiff, minimizePath, officialSgd, onCpuBackend, oraclePath, quarticBowl, type OfficialSgd } from './support.js';

onCpuBackend();

interface Official extends OfficialSgd {
  theta: number;
}

/**
 * BingcongLi/VaSSO solver/vasso.py over torch.optim.SGD, transcribed in float64: first_step
 * (EMA cloned from the first gradient, then (1 − θ)·ema + θ·g; e_w = ρ·ema/(‖ema‖ + 1e-7), p += e_w),
 * second_step (p −= e_w, then SGD with coupled weight decay and heavy-ball momentum).
 */
function officialVasso(o: Official, f: OracleObjective, theta0: Vector, n: number): Vector[] {
  let p = [...theta0];
  let ema: Vector | null = null;
  let buf: Vector | null = null;
  const out: Vector[] = [];
  for (let t = 0; t < n; t++) {
    const g = f.gradient(p);
    ema = ema === null ? [...g] : ema.map((e, i) => (1 - o.theta) * e + o.theta * g[i]);
    const scale = o.rho / (length(ema) + 1e-7);
    const ew = ema.map((e) => e * scale);
    p = p.map((x, i) => x + ew[i]);
    const gSam = f.gradient(p);
    p = p.map((x, i) => x - ew[i]);
    const d = gSam.map((x, i) => x + o.weightDecay * p[i]);
    buf = buf === null ? d : buf.map((b, i) => o.momentum * b + d[i]);
    p = p.map((x, i) => x - o.lr * buf![i]);
    out.push(p);
  }
  return out;
}

const officialHp = fc.record({ ...officialSgd, theta: fc.double({ min: 0.05, max: 1, noNaN: true }) });

describe('VaSSO (spec/variants-b.md §2)', () => {
  it("V1: the default form (weight decay in the base step) follows vasso.py over SGD for 5 steps", () => {
    fc.assert(
      fc.property(bowlCase(), officialHp, ({ a, c, theta0 }, o) => {
        const f = quarticBowl(a, c);
        const config = { algorithm: 'vasso', learningRate: o.lr, momentum: o.momentum, weightDecay: o.weightDecay, rho: o.rho, theta: o.theta };
        const ours = oraclePath(config, f, theta0, 5);
        const theirs = officialVasso(o, f, theta0, 5);
        ours.forEach((x, t) => expect(closeTo(x, theirs[t]), `θ_${t + 1}: |Δ| = ${maxAbsDiff(x, theirs[t])}`).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it('V2: θ = 1 is SAM with the same ε, over 4 steps (the estimate is the current gradient)', () => {
    fc.assert(
      fc.property(bowlCase(), officialHp, ({ a, c, theta0 }, o) => {
        const f = quarticBowl(a, c);
        const common = { learningRate: o.lr, momentum: o.momentum, rho: o.rho, epsilon: 1e-7 };
        const ours = oraclePath({ algorithm: 'vasso', theta: 1, ...common }, f, theta0, 4);
        const sam = oraclePath({ algorithm: 'sam', ...common }, f, theta0, 4);
        ours.forEach((x, t) => expect(closeTo(x, sam[t]), `θ_${t + 1}: |Δ| = ${maxAbsDiff(x, sam[t])}`).toBe(true));
      }),
      { numRuns: 50 },
    );
  });

  it('VassoOptimizer: minimize follows the oracle over 4 steps, and model.fit keeps memory flat', async () => {
    const config = { learningRate: 0.1, momentum: 0.9, rho: 0.2, theta: 0.4, weightDecay: 0.01 };
    const got = minimizePath(new VassoOptimizer(config), [1, 2.5], 0.2, [1, -0.5], 4);
    const expected = oraclePath({ algorithm: 'vasso', ...config }, quarticBowl([1, 2.5], 0.2), [1, -0.5], 4);
    got.forEach((x, t) => expect(maxAbsDiff(x, expected[t]), `θ_${t + 1}`).toBeLessThan(1e-5));
    const { before, after, loss } = await fitMemory(new VassoOptimizer({ learningRate: 0.1, momentum: 0.9, rho: 0.05 }));
    expect(after).toBe(before);
    expect(loss[2]).toBeLessThan(loss[0]);
  });
});
