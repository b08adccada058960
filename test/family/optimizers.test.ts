/**
 * Every family algorithm through the tf.Optimizer drop-in: config round trips through
 * getConfig/fromConfig (tf.serialization), model.fit works for multi-step SAM and XSAM with BatchNorm
 * updated by the clean pass only, and the finite-sum algorithms fail at minimize(f) with a typed
 * error naming the capability a loss closure cannot provide (spec/family.md O1–O3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf, type Scalar } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { SamcheckError } from '../../src/errors.js';
import {
  MSamOptimizer,
  MultiStepSamOptimizer,
  NSamOptimizer,
  RwSamOptimizer,
  SgdOptimizer,
  SharpnessAwareOptimizer,
  XsamOptimizer,
} from '../../src/optimizers/index.js';
import { bnClassifier, classificationData, movingStatistics, oneStep } from '../core/fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const learningRate = 0.05;
const optimizers: Array<[string, () => SharpnessAwareOptimizer]> = [
  ['MultiStepSamOptimizer', () => new MultiStepSamOptimizer({ learningRate, rho: 0.1, steps: 3, ascent: 'projected', stepSizeMultiplier: 0.5, applied: 'average', momentum: 0.9 })],
  ['XsamOptimizer', () => new XsamOptimizer({ learningRate, rho: 0.15, rhoMax: 0.3, steps: 2, stepsPerEpoch: 4, momentum: 0.9, weightDecay: 1e-3 })],
  ['MSamOptimizer', () => new MSamOptimizer({ learningRate, m: 4, rho: 0.05 })],
  ['NSamOptimizer', () => new NSamOptimizer({ learningRate, rho: 0.05 })],
  ['RwSamOptimizer', () => new RwSamOptimizer({ learningRate, temperature: Infinity, rho: 0.05 })],
];

/** What tfjs does when it loads a saved optimizer: look the class up by name and call its fromConfig. */
function revive(className: string, config: tf.serialization.ConfigDict): SharpnessAwareOptimizer {
  const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap[className];
  return fromConfig(cls, config) as unknown as SharpnessAwareOptimizer;
}

/** Two steps of minimize on a fixed anisotropic quadratic; returns the final variable values. */
function minimizeTwice(optimizer: tf.Optimizer): number[] {
  const w = tf.variable(tf.tensor1d([1, -2, 0.5]));
  const h = tf.tensor1d([1, 4, 9]);
  const f = () => tf.mul(0.5, tf.sum(tf.mul(h, tf.square(w)))) as Scalar;
  optimizer.minimize(f);
  optimizer.minimize(f);
  const out = Array.from(w.dataSync());
  tf.dispose([w, h]);
  return out;
}

describe('O1: config round trip through tf.serialization', () => {
  it.each(optimizers)('%s: getConfig → deserialize → same class, same config', (name, make) => {
    const original = make();
    const config = original.getConfig();
    const revived = revive(name, config);
    expect(revived.constructor.name).toBe(name);
    expect(revived.getConfig()).toEqual(config);
    // JSON-safe: τ = ∞ is written as 'infinity'.
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
  it.each(optimizers.slice(0, 2).concat([optimizers[4]]))('%s: the revived optimizer takes the same steps', (name, make) => {
    const revived = revive(name, make().getConfig());
    expect(minimizeTwice(revived)).toEqual(minimizeTwice(make()));
  });
});

describe('O2: model.fit with multi-step SAM and XSAM', () => {
  it.each(optimizers.slice(0, 2))('%s: trains, no tensor leak, BatchNorm statistics from the clean pass only', async (_name, make) => {
    const { x, y } = classificationData(64);
    const model = bnClassifier(make());
    await model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false, verbose: 0 });
    const before = tf.memory().numTensors;
    const history = await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[2]).toBeLessThan(losses[0]);

    const sgdModel = bnClassifier(new SgdOptimizer({ learningRate }));
    const familyModel = bnClassifier(make());
    await oneStep(sgdModel, x, y);
    await oneStep(familyModel, x, y);
    expect(movingStatistics(familyModel)).toEqual(movingStatistics(sgdModel));
    tf.dispose([x, y]);
  });
});

describe('O3: m-SAM, n-SAM and RW-SAM need per-sample losses, which minimize(f) does not provide', () => {
  it.each([
    ['MSamOptimizer', () => new MSamOptimizer({ learningRate, m: 2 }), 'objective.batchSize'],
    ['NSamOptimizer', () => new NSamOptimizer({ learningRate }), 'objective.full'],
    ['RwSamOptimizer', () => new RwSamOptimizer({ learningRate, temperature: 1 }), 'objective.batchSize'],
  ] as const)('%s: typed error naming the missing capability; the variables are left unchanged', (_name, make, parameter) => {
    const w = tf.variable(tf.tensor1d([1, -2]));
    const error = (() => {
      try {
        make().minimize(() => tf.sum(tf.square(w)) as Scalar);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SamcheckError);
    expect((error as SamcheckError).code).toBe('INVALID_ARGUMENT');
    expect((error as SamcheckError).parameter).toBe(parameter);
    expect(Array.from(w.dataSync())).toEqual([1, -2]);
    w.dispose();
  });
});
