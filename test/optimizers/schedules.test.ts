/**
 * learningRate and ρ as (step) => number schedules, setLearningRate / setRho, the epoch callback,
 * and frozen configs. Each claim is checked against a second mechanism that must agree bitwise,
 * and against a constant run that must differ (so the schedule is not silently ignored).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { SamcheckError } from '../../src/errors.js';
import { SamOptimizer, SgdOptimizer, SharpnessAwareOptimizer, hyperparameterScheduler } from '../../src/optimizers/index.js';
import { bnClassifier, classificationData } from '../core/fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const LR = [0.1, 0.02, 0.3];
const RHO = [0.05, 0.2, 0.01];

function run(optimizer: SharpnessAwareOptimizer, steps: number, before: (step: number) => void = () => {}): number[] {
  const w = tf.variable(tf.tensor1d([0.7, -1.2, 2]));
  const f = () => tf.sum(tf.log(tf.cosh(w))) as tf.Scalar;
  for (let i = 0; i < steps; i++) {
    before(i);
    optimizer.minimize(f, false, [w]);
  }
  const out = Array.from(w.dataSync());
  w.dispose();
  return out;
}

describe('schedules', () => {
  it('(step) => number for learningRate and rho = setLearningRate/setRho before each step; ≠ constant values', () => {
    const scheduled = run(new SamOptimizer({ learningRate: (s) => LR[s], rho: (s) => RHO[s], momentum: 0.9 }), 3);
    const manual = new SamOptimizer({ learningRate: 1, rho: 1, momentum: 0.9 });
    const stepped = run(manual, 3, (s) => {
      manual.setLearningRate(LR[s]);
      manual.setRho(RHO[s]);
    });
    expect(scheduled).toEqual(stepped);
    expect(run(new SamOptimizer({ learningRate: LR[0], rho: RHO[0], momentum: 0.9 }), 3)).not.toEqual(scheduled);
  });

  it('SGD with lr(step): θ_2 = θ_0·… follows the per-step learning rates (f = ½θ², g = θ)', () => {
    const w = tf.variable(tf.tensor1d([1, -2]));
    const opt = new SgdOptimizer({ learningRate: (s) => LR[s] });
    for (let i = 0; i < 2; i++) opt.minimize(() => tf.mul(0.5, tf.sum(tf.square(w))) as tf.Scalar, false, [w]);
    const expected = [1, -2].map((x) => x * (1 - LR[0]) * (1 - LR[1]));
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(opt.currentHyperparameters()).toEqual({ learningRate: LR[2] });
    w.dispose();
  });

  it('a schedule that returns a non-number is a typed error naming the step; parameters are unchanged', () => {
    expect(() => new SamOptimizer({ learningRate: () => Number.NaN })).toThrow(/learningRate\(step = 0\) = NaN/);
    const opt = new SamOptimizer({ learningRate: (s) => (s < 1 ? 0.1 : -1) });
    const w = tf.variable(tf.tensor1d([1, 2]));
    const f = () => tf.sum(tf.square(w)) as tf.Scalar;
    opt.minimize(f, false, [w]);
    const after1 = Array.from(w.dataSync());
    expect(() => opt.minimize(f, false, [w])).toThrow(SamcheckError);
    expect(Array.from(w.dataSync())).toEqual(after1);
    expect(() => opt.setLearningRate(-3)).toThrow(/learningRate/);
    w.dispose();
  });

  it('getConfig saves a schedule as its value at the next step (JSON-safe)', () => {
    const opt = new SamOptimizer({ learningRate: (s) => LR[s], rho: 0.1 });
    run(opt, 1);
    expect(opt.getConfig()).toMatchObject({ algorithm: 'sam', learningRate: LR[1], rho: 0.1 });
  });

  it('hyperparameterScheduler in model.fit = setLearningRate between one-epoch fits (bitwise); ≠ constant', async () => {
    const { x, y } = classificationData(16);
    const epochLr = (e: number) => LR[e];
    const a = new SamOptimizer({ learningRate: 0.5, momentum: 0.9 });
    const ma = bnClassifier(a);
    await ma.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0, callbacks: [hyperparameterScheduler(a, { learningRate: epochLr })] });
    const b = new SamOptimizer({ learningRate: 0.5, momentum: 0.9 });
    const mb = bnClassifier(b);
    for (let e = 0; e < 3; e++) {
      b.setLearningRate(epochLr(e));
      await mb.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
    }
    const mc = bnClassifier(new SamOptimizer({ learningRate: 0.5, momentum: 0.9 }));
    await mc.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
    const weights = (m: typeof ma) => m.getWeights().map((t) => Array.from(t.dataSync()));
    expect(weights(ma)).toEqual(weights(mb));
    expect(weights(mc)).not.toEqual(weights(ma));
  });
});

describe('frozen configs', () => {
  it('assigning or deleting a config key (top level or inside base) throws a typed error naming it', () => {
    const opt = new SharpnessAwareOptimizer({ algorithm: 'sam', learningRate: 0.1, base: { name: 'adam', beta1: 0.8 } });
    expect(() => {
      (opt.config as { learningRate: number }).learningRate = 1;
    }).toThrow(/INVALID_ARGUMENT: config\.learningRate = 1: optimizer configs are frozen/);
    expect(() => {
      (opt.config.base as unknown as { beta1: number }).beta1 = 0.1;
    }).toThrow(/config\.base\.beta1/);
    expect(() => delete (opt.config as { rho?: number }).rho).toThrow(SamcheckError);
    expect(opt.config.learningRate).toBe(0.1);
  });
});
