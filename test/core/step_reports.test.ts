/**
 * What a step reports about itself, for every algorithm. (1) `Algorithm.gradientEvaluations` (the
 * declared cost of a step, in full-batch gradient passes) equals the gradient passes the step makes,
 * counted on the objective (spec/family.md N1 counts the passes; this ties the declared number to
 * them). (2) With `record`, the diagnostics agree with the step: the loss and gradient at θ_0, the
 * applied gradient that moved θ, and the ascent points θ_0 + δ_i ending at θ_0 + perturbation;
 * without `record` no diagnostic tensor is returned. Added for the mutation run (spec/mutation.md):
 * RW-SAM's declared 3 vs 2 and the recorded ascent points were unchecked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toFlat } from '../../src/kernels/tree.js';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { countingObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';
import { gibbsWeights } from '../../src/kernels/rwsam.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** f_i(θ) = ½‖θ − c_i‖² over a batch of 4, θ in one tensor of 2: every algorithm can step on it. */
const BATCH = 4;
const CENTERS = [0, 1, 1, -1, 2, 0.5, -0.5, 3];
const perSample = ([theta]: tf.Tensor[], s: number, e: number) =>
  tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.tensor2d(CENTERS.slice(2 * s, 2 * e), [e - s, 2]), theta)), 1));

const lr = { learningRate: 0.1 };
const configs: AlgorithmConfig[] = [
  { algorithm: 'sgd', ...lr },
  { algorithm: 'sam', ...lr },
  { algorithm: 'usam', ...lr },
  { algorithm: 'asam', ...lr },
  { algorithm: 'multistep-sam', steps: 3, ...lr },
  { algorithm: 'xsam', steps: 2, ...lr },
  // m = b: one micro-batch, so its passes are full-batch passes.
  { algorithm: 'm-sam', m: BATCH, ...lr },
  { algorithm: 'n-sam', ...lr },
  { algorithm: 'rw-sam', temperature: 1, ...lr },
  { algorithm: 'rw-sam', temperature: 'infinity', ...lr },
];

describe('declared gradient evaluations = counted gradient passes of one step', () => {
  it.each(configs.map((c) => [JSON.stringify(c), c] as const))('%s', (_name, config) => {
    const objective = countingObjective(finiteSumObjective(perSample, BATCH, { full: finiteSumObjective(perSample, BATCH) }));
    const algorithm = createAlgorithm(config, { names: ['w/kernel'] });
    const params = [tf.tensor1d([0.5, -0.5])];
    const state = initState(algorithm, params);
    const r = step(algorithm, params, objective, state);
    tf.dispose([...params, ...r.params, ...tensorsIn(state), ...tensorsIn(r.state), ...tensorsIn(r.info)]);
    expect(objective.counts.gradient).toBe(algorithm.gradientEvaluations);
  });
});

/** L_B(θ) and ∇L_B(θ) = θ − mean(c_i), in float64. */
const THETA0 = [0.5, -0.5];
const meanCenter = [0, 1].map((j) => CENTERS.filter((_, i) => i % 2 === j).reduce((a, b) => a + b, 0) / BATCH);
const cleanLoss = CENTERS.reduce((s, c, i) => s + 0.5 * (THETA0[i % 2] - c) ** 2, 0) / BATCH;
const ascentSteps = (c: AlgorithmConfig) => ('steps' in c && c.steps !== undefined ? c.steps : 1);
const close = (actual: ArrayLike<number>, expected: number[]) => expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));

describe('recorded diagnostics agree with the step', () => {
  it.each(configs.map((c) => [JSON.stringify(c), c] as const))('%s', (_name, config) => {
    const objective = finiteSumObjective(perSample, BATCH, { full: finiteSumObjective(perSample, BATCH) });
    const algorithm = createAlgorithm(config, { names: ['w/kernel'] });
    const params = [tf.tensor1d(THETA0)];
    const state = initState(algorithm, params);
    const quiet = step(algorithm, params, objective, state);
    const r = step(algorithm, params, objective, state, { record: true });
    const { info } = r;
    expect(Object.keys(quiet.info).filter((k) => k !== 'scalars')).toEqual(['loss']);
    expect(info.loss.dataSync()[0]).toBeCloseTo(cleanLoss, 5);
    close(toFlat(info.cleanGradient!), THETA0.map((t, j) => t - meanCenter[j]));
    const applied = toFlat(info.appliedGradient!);
    close(toFlat(r.params), THETA0.map((t, j) => t - lr.learningRate * applied[j]));
    expect(Array.from(toFlat(quiet.params))).toEqual(Array.from(toFlat(r.params)));
    if (config.algorithm === 'm-sam') expect(info.scalars).toEqual({ microBatches: BATCH / config.m });
    // RW-SAM, finite τ: the largest Gibbs weight, above uniform (the scores differ) and at most 1.
    if (config.algorithm === 'rw-sam' && config.temperature !== 'infinity') {
      expect(info.scalars!.maxWeight).toBeGreaterThan(1 / BATCH);
      expect(info.scalars!.maxWeight).toBeLessThanOrEqual(1);
    }
    if (info.perturbation) {
      expect(info.ascentPoints).toHaveLength(ascentSteps(config));
      const delta = toFlat(info.perturbation);
      close(toFlat(info.ascentPoints!.at(-1)!), THETA0.map((t, j) => t + delta[j]));
      expect(Math.hypot(...delta)).toBeGreaterThan(0);
    }
    tf.dispose([...params, ...quiet.params, ...r.params, ...tensorsIn(state), ...tensorsIn(quiet.state), ...tensorsIn(r.state), ...tensorsIn(quiet.info), ...tensorsIn(info)]);
  });
});

describe("weightDecayIn 'loss': the reported clean loss and gradient include wd/2·‖θ‖² (spec/algorithms.md §2)", () => {
  const wd = 0.1;
  const l2 = (wd / 2) * THETA0.reduce((a, t) => a + t * t, 0);
  it.each(['sam', 'm-sam', 'n-sam', 'rw-sam'])('%s', (name) => {
    const config = configs.find((c) => c.algorithm === name)!;
    const objective = finiteSumObjective(perSample, BATCH, { full: finiteSumObjective(perSample, BATCH) });
    const algorithm = createAlgorithm({ ...config, weightDecay: wd, weightDecayIn: 'loss' }, { names: ['w/kernel'] });
    const params = [tf.tensor1d(THETA0)];
    const state = initState(algorithm, params);
    const r = step(algorithm, params, objective, state, { record: true });
    expect(r.info.loss.dataSync()[0]).toBeCloseTo(cleanLoss + l2, 5);
    close(toFlat(r.info.cleanGradient!), THETA0.map((t, j) => t - meanCenter[j] + wd * t));
    tf.dispose([...params, ...r.params, ...tensorsIn(state), ...tensorsIn(r.state), ...tensorsIn(r.info)]);
  });
});

describe("RW-SAM's passes are labelled: clean, score, score, ascent (the weighted gradient), final", () => {
  it('as seen by the objective', () => {
    const kinds: string[] = [];
    const base = finiteSumObjective(perSample, BATCH);
    const objective = countingObjective({ ...base, perSample: (point, pass) => (kinds.push(pass.kind), base.perSample!(point, pass)) });
    const algorithm = createAlgorithm({ algorithm: 'rw-sam', temperature: 1, ...lr }, { names: ['w/kernel'] });
    const params = [tf.tensor1d(THETA0)];
    const state = initState(algorithm, params);
    const r = step(algorithm, params, objective, state);
    tf.dispose([...params, ...r.params, ...tensorsIn(state), ...tensorsIn(r.state), ...tensorsIn(r.info)]);
    expect(kinds).toEqual(['score', 'score']);
    expect(objective.counts.passes.map((q) => q.kind)).toEqual(['clean', 'ascent', 'final']);
  });
});

describe('Gibbs weights at τ = ∞ are exactly 1/b, never computed through exp (spec/family.md C9)', () => {
  it('even when a score is infinite', () => {
    const w = tf.tidy(() => Array.from(gibbsWeights(tf.tensor1d([1, Infinity, -Infinity]), Infinity).dataSync()));
    expect(w).toEqual([1, 1, 1].map(() => Math.fround(1 / 3)));
  });
});
