/** The training benchmark's pieces: label noise, schedule, paired runs and curves, the PyTorch peer's model layout. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { powerIteration } from '../../src/analysis/hessian.js';
import { withQuadraticObjective } from '../../src/analysis/checks/tf_quadratic.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { tf } from '../../src/tf.js';
import { mlp, smallCnn } from '../../benchmarks/common/models.js';
import { mlpSizes } from '../../benchmarks/peers/torch_train.js';
import { pairedComparison } from '../../benchmarks/training/analysis.js';
import { withLabelNoise } from '../../benchmarks/training/tasks.js';
import { multistepVariants } from '../../benchmarks/figures/multistep_landscape.js';
import { build } from '../../benchmarks/common/algorithms.js';
import { learningRateAt, train, type TrainOutcome } from '../../benchmarks/training/train.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('symmetric label noise', () => {
  it('replaces exactly round(fraction·n) labels, each by another class, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (n, classes, fraction, seed) => {
        const y = Int32Array.from({ length: n }, (_, i) => i % classes);
        const clean = { x: new Float32Array(n), y, n, shape: [1], classes };
        const noisy = withLabelNoise(clean, fraction, seed);
        const changed = noisy.y.filter((l, i) => l !== y[i]).length;
        const inRange = noisy.y.every((l) => l >= 0 && l < classes);
        return changed === Math.round(fraction * n) && inRange && noisy.x === clean.x && withLabelNoise(clean, fraction, seed).y.every((l, i) => l === noisy.y[i]);
      }),
    );
  });
  it('rejects a fraction outside [0, 1] with a typed error', () => {
    expect(() => withLabelNoise({ x: new Float32Array(1), y: new Int32Array(1), n: 1, shape: [1], classes: 2 }, 1.5, 0)).toThrow(/fraction = 1.5/);
  });
});

describe('cosine schedule', () => {
  it('starts at the base rate, halves at mid-training and decays monotonically towards 0', () => {
    const lrs = Array.from({ length: 10 }, (_, e) => learningRateAt(0.05, e, 10, 'cosine'));
    expect(lrs[0]).toBe(0.05);
    expect(lrs[5]).toBeCloseTo(0.025, 12);
    expect(lrs.every((l, i) => i === 0 || l < lrs[i - 1])).toBe(true);
    expect(learningRateAt(0.05, 7, 10)).toBe(0.05);
  });
});

describe('paired training runs', () => {
  const split = syntheticClassification({ seed: 3, train: 128, test: 64 });
  const model = mlp([20, 8, 4]);
  const run = (algorithm: 'sgd' | 'sam', seed: number): TrainOutcome =>
    train({
      split,
      model,
      variant: { label: algorithm, algorithm, config: { algorithm, learningRate: 0.1, momentum: 0.9, ...(algorithm === 'sam' ? { rho: 0.05 } : {}) } as never },
      epochs: 2,
      batchSize: 32,
      seed,
      schedule: 'cosine',
      hessianExamples: 64,
      hessianIterations: 5,
      curve: { trainExamples: 64, hessianIterations: 2, firstIterations: 3 },
    });

  it('every algorithm starts a seed from the same point (epoch 0 of the curve), and records every epoch without leaking tensors', () => {
    const before = tf.memory().numTensors;
    const sgd = run('sgd', 7);
    const sam = run('sam', 7);
    const other = run('sgd', 8);
    expect(tf.memory().numTensors).toBe(before);
    expect(sgd.curve.map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(sgd.epochCpuMs).toHaveLength(2);
    expect(sam.curve[0]).toEqual(sgd.curve[0]);
    expect(other.curve[0].testLoss).not.toBe(sgd.curve[0].testLoss);
    expect(sam.curve[2].testLoss).not.toBe(sgd.curve[2].testLoss);
    // The end-of-run numbers are the last curve point's on the test set.
    expect(sgd.testAccuracy).toBe(sgd.curve[2].testAccuracy);
  });
});

describe('paired comparison table', () => {
  const outcome = (testAccuracy: number, sharpness: number): TrainOutcome => ({ testAccuracy, testLoss: 1 - testAccuracy, trainLoss: 0, trainAccuracy: 0, sharpness, curve: [], epochCpuMs: [1] });
  it('judges each algorithm against the baseline by per-seed differences', () => {
    const sgd = { label: 'SGD', outcomes: [0.70, 0.80, 0.75].map((a) => outcome(a, 10)) };
    const better = { label: 'A', outcomes: [0.711, 0.81, 0.762].map((a) => outcome(a, 5)) };
    const same = { label: 'B', outcomes: [0.71, 0.79, 0.75].map((a, i) => outcome(a, [10.5, 9.5, 10.2][i])) };
    const { table, verdicts } = pairedComparison('t', [sgd, better, same], sgd, [0, 1, 2]);
    expect(table.rows.map((r) => [r[0], r[2], r[6]])).toEqual([
      ['A', 'higher', 'lower'],
      ['B', 'not resolved', 'not resolved'],
    ]);
    expect(verdicts.map((v) => `${v.label}: ${v.verdict}`)).toEqual(['A: higher', 'A: lower', 'B: not resolved', 'B: not resolved']);
  });
});

describe('power iteration warm start', () => {
  it('started at the previous estimate\'s vector it converges at once; a wrong-sized start is a typed error', () => {
    withQuadraticObjective([[5, 1, 0], [1, 3, 0], [0, 0, 1]], (objective) => {
      const params = [tf.tensor1d([0.1, 0.2, 0.3])];
      const cold = powerIteration(objective, params, { seed: 1 });
      const warm = powerIteration(objective, params, { start: cold.vector });
      expect(warm.iterations).toBeLessThanOrEqual(2);
      expect(cold.iterations).toBeGreaterThan(warm.iterations);
      expect(Math.abs(warm.norm - cold.norm)).toBeLessThan(1e-3 * cold.norm); // both within the stopping tolerance
      expect(() => powerIteration(objective, params, { start: new Float64Array(2) })).toThrow(/start = 2: expected a nonzero vector of 3 values/);
      tf.dispose(params);
    });
  });
});

describe('PyTorch peer model layout', () => {
  it('reads the layer sizes of an MLP, and refuses other models', () => {
    expect(mlpSizes(mlp([784, 128, 10]))).toEqual([784, 128, 10]);
    expect(mlpSizes(mlp([20, 64, 64, 4]))).toEqual([20, 64, 64, 4]);
    expect(mlpSizes(smallCnn())).toBeUndefined();
  });
});

describe('multi-step ascent variants', () => {
  it('are SAM and k ∈ {2, 5} × {fixed-path, projected} × {last, path-averaged}, every one a valid config', () => {
    const vs = multistepVariants(0.1);
    expect(vs.map((v) => v.label)).toHaveLength(9);
    expect(new Set(vs.map((v) => JSON.stringify(v.config))).size).toBe(9);
    for (const v of vs) expect(build(v, ['w']).gradientEvaluations).toBe((v.steps ?? 1) + 1);
  });
});
