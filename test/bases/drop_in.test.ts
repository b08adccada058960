/**
 * SAM over any base in tfjs-layers training (spec/bases.md §6): a base spec or a tf.train
 * instance in the drop-in optimizer's config, model.fit with BatchNorm, config round-trip.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { SamOptimizer, SharpnessAwareOptimizer } from '../../src/optimizers/index.js';
import { bnClassifier, classificationData } from '../core/fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const ADAMW = { name: 'adamw', learningRate: 1e-2, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-2 };

describe('SAM over any base, as a drop-in', () => {
  it('SAM over AdamW trains a BatchNorm model with model.fit; no tensor leak across epochs', async () => {
    const { x, y } = classificationData(64);
    const model = bnClassifier(new SamOptimizer({ rho: 0.05, base: ADAMW }));
    await model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false, verbose: 0 });
    const before = tf.memory().numTensors;
    const h = await model.fit(x, y, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    const loss = h.history.loss as number[];
    expect(loss.every(Number.isFinite)).toBe(true);
    expect(loss[3]).toBeLessThan(loss[0]);
    tf.dispose([x, y]);
  });

  it('with ρ = 0 and base: tf.train.adam(…), a step is the tf.train.adam step itself', () => {
    const theta = [1.5, -0.25, 0.75];
    const loss = (w: tf.Variable) => () => tf.sum(tf.mul(tf.square(tf.sub(w, 0.3)), tf.tensor1d([1, 4, 0.5]))) as tf.Scalar;
    const run = (opt: tf.Optimizer) => {
      const w = tf.variable(tf.tensor1d(theta));
      for (let i = 0; i < 5; i++) opt.minimize(loss(w), false, [w]);
      const out = Array.from(w.dataSync());
      w.dispose();
      opt.dispose();
      return out;
    };
    const plain = run(tf.train.adam(0.05));
    const wrapped = run(new SamOptimizer({ rho: 0, base: tf.train.adam(0.05) }));
    expect(wrapped).toEqual(plain);
    // And with ρ > 0 the same base takes a different (sharpness-aware) step.
    expect(run(new SamOptimizer({ rho: 0.1, base: tf.train.adam(0.05) }))).not.toEqual(plain);
  });

  it('getConfig holds the base spec (not the tf.train object) and round-trips through fromConfig', () => {
    const opt = new SamOptimizer({ rho: 0.05, base: tf.train.adam(1e-3) });
    const config = opt.getConfig();
    expect(config.base).toMatchObject({ name: 'adam', learningRate: 1e-3, biasCorrection: 'float32' });
    const copy = SharpnessAwareOptimizer.fromConfig(SharpnessAwareOptimizer, { ...config, algorithm: 'sam' });
    expect((copy as SharpnessAwareOptimizer).getConfig()).toEqual({ ...config, algorithm: 'sam' });
    opt.dispose();
  });

  it('an unknown base or a conflicting option is a typed error naming it', () => {
    expect(() => new SamOptimizer({ rho: 0.05, learningRate: 0.1, base: 'lion' })).toThrow(/UNKNOWN_BASE: base = "lion"/);
    expect(() => new SamOptimizer({ rho: 0.05, learningRate: 0.1, base: { ...ADAMW } })).toThrow(/learningRate/);
    expect(() => new SamOptimizer({ rho: 0.05, momentum: 0.9, base: ADAMW })).toThrow(/momentum/);
    expect(() => new SamOptimizer({ rho: 0.05, base: tf.train.adamax(0.1) })).toThrow(/Adamax/);
  });
});
