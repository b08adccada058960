/**
 * spec/properties.md P-LEAK1: the functional core leaks no tensor: over 1,000 consecutive steps
 * (state carried, old params/state disposed by the caller as documented) tf.memory().numTensors
 * is flat. P-LEAK2 (model.fit over several epochs) is in test/model_fit.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { disposeReplaced, initState, step, tensorsIn } from '../../src/kernels/step.js';
import type { Tree } from '../../src/kernels/types.js';
import { correct, leaksTensor, type Build } from '../../properties/core/broken.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

// A tiny non-quadratic loss over two tensors (a "kernel" and a "bias"), so ASAM's flags matter.
const objective = functionObjective((p: Tree) =>
  tf.add(tf.sum(tf.mul(tf.square(tf.sub(p[0], 1)), tf.tensor1d([1, 3]))), tf.mul(0.1, tf.sum(tf.cos(p[1])))) as tf.Scalar,
);
const names = ['dense/kernel', 'dense/bias'];

/** Runs `steps` steps and returns numTensors after the first step and after the last. */
function tensorCounts(build: Build, config: AlgorithmConfig, steps: number): { afterFirst: number; afterLast: number } {
  const alg = build(config, names);
  let params: Tree = [tf.tensor1d([0.3, -0.2]), tf.tensor1d([0.5])];
  let state = initState(alg, params);
  let afterFirst = 0;
  for (let t = 0; t < steps; t++) {
    const r = step(alg, params, objective, state);
    tf.dispose([...params, ...tensorsIn(r.info)]);
    disposeReplaced(state, r.state);
    params = r.params;
    state = r.state;
    if (t === 0) afterFirst = tf.memory().numTensors;
  }
  const afterLast = tf.memory().numTensors;
  tf.dispose([...params, ...tensorsIn(state)]);
  return { afterFirst, afterLast };
}

const configs: AlgorithmConfig[] = [
  { algorithm: 'sam', learningRate: 0.05, rho: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-3 },
  { algorithm: 'asam', learningRate: 0.05, rho: 0.5, momentum: 0.9, dampening: 0.1, weightDecay: 1e-3, weightDecayIn: 'loss', adaptive: 'exclude-biases' },
  { algorithm: 'usam', learningRate: 0.05, rho: 0.1 },
  { algorithm: 'sgd', learningRate: 0.05, momentum: 0.5 },
];

describe('the functional core keeps tf.memory().numTensors flat (P-LEAK1)', () => {
  it('over 1,000 SAM steps with Nesterov momentum and weight decay', () => {
    const { afterFirst, afterLast } = tensorCounts(correct, configs[0], 1000);
    expect(afterLast).toBe(afterFirst);
  });

  for (const config of configs.slice(1)) {
    it(`over 200 ${config.algorithm} steps`, () => {
      const { afterFirst, afterLast } = tensorCounts(correct, config, 200);
      expect(afterLast).toBe(afterFirst);
    });
  }

  it('negative control: an estimator that keeps one tensor per step is detected', () => {
    const { afterFirst, afterLast } = tensorCounts(leaksTensor, configs[0], 20);
    expect(afterLast).toBeGreaterThan(afterFirst);
  });
});
