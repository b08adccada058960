/**
 * `Algorithm.gradientEvaluations` (what an algorithm declares one step costs, in full-batch
 * gradient passes) equals the gradient passes a step really makes, counted on the objective, for
 * every algorithm. spec/family.md N1 counts the passes; this ties the declared number to them.
 * Added for the mutation run (spec/mutation.md): RW-SAM's declared 3 vs 2 was unchecked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/kernels/algorithms/index.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { countingObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';

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
