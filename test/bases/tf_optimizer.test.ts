/**
 * spec/bases.md §7 B5: baseFromTfOptimizer(tf.train.X(...)) gives a base whose kernel reproduces
 * tf.train.X's own applyGradients over several steps — bit for bit up to the sign of zero — and
 * the torch forms of the same bases do not (so the comparison can fail). Other optimizers are
 * refused with a typed error naming their class.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { createRandom } from '../../src/data/random.js';
import { SamcheckError } from '../../src/errors.js';
import { baseFromTfOptimizer } from '../../src/bases/from_tf.js';
import { baseParts, resolveBaseSpec } from '../../src/bases/registry.js';
import { disposeReplaced, tensorsOf } from './harness.js';

const SHAPES = [[2, 2], [3]];
const STEPS = 6;

/** Gradients of mixed scales (1e-4..10, both signs) from one seed; `tiny` scales them by 1e-4. */
function gradientSequence(seed: number, tiny = false): number[][][] {
  const r = createRandom(seed);
  return Array.from({ length: STEPS }, () => SHAPES.map((s) => Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (r.uniform() < 0.5 ? -1 : 1) * 10 ** (-4 + 5 * r.uniform()) * (tiny ? 1e-4 : 1))));
}
const theta0 = SHAPES.map((s, k) => Array.from({ length: s.reduce((a, b) => a * b, 1) }, (_, i) => (i - 1.5) * 0.7 + k));

/** θ after each step, from tf.train's own optimizer on tf.Variables. */
function tfTrajectory(optimizer: tf.Optimizer, grads: number[][][]): number[][] {
  const vars = SHAPES.map((s, k) => tf.variable(tf.tensor(theta0[k], s), true, `bases_tf_${k}_${Math.random()}`));
  const out: number[][] = [];
  for (const g of grads) {
    const named = vars.map((v, k) => ({ name: v.name, tensor: tf.tensor(g[k], SHAPES[k]) }));
    optimizer.applyGradients(named);
    tf.dispose(named.map((n) => n.tensor));
    out.push(vars.flatMap((v) => Array.from(v.dataSync())));
  }
  optimizer.dispose();
  tf.dispose(vars);
  return out;
}

/** θ after each step, from the samcheck kernel of a base spec. */
function kernelTrajectory(spec: unknown, grads: number[][][]): number[][] {
  const { descriptor, own, common } = baseParts(resolveBaseSpec(spec, {}));
  const kernel = descriptor.kernel(own, common);
  let params = SHAPES.map((s, k) => tf.tensor(theta0[k], s));
  let state = kernel.init(params);
  const out: number[][] = [];
  for (const [t, g] of grads.entries()) {
    const gt = g.map((x, k) => tf.tensor(x, SHAPES[k]));
    const next = kernel.update(gt, state, params, t);
    disposeReplaced(state, next.state);
    tf.dispose([...gt, ...params]);
    ({ params, state } = next);
    out.push(params.flatMap((p) => Array.from(p.dataSync())));
  }
  tf.dispose([...params, ...tensorsOf(state)]);
  return out;
}

/** Equal numbers, NaN equal to NaN, −0 equal to +0 (x + 0). */
const unsigned = (rows: number[][]) => rows.map((r) => r.map((x) => x + 0));

const cases: Array<{ name: string; make: () => tf.Optimizer; torchForm?: Record<string, unknown>; tiny?: boolean }> = [
  { name: 'tf.train.sgd(0.1)', make: () => tf.train.sgd(0.1) },
  { name: 'tf.train.momentum(0.05, 0.9)', make: () => tf.train.momentum(0.05, 0.9) },
  { name: 'tf.train.momentum(0.05, 0.9, true)', make: () => tf.train.momentum(0.05, 0.9, true) },
  { name: 'tf.train.momentum(0.05, 0, true) (Nesterov with no momentum is SGD)', make: () => tf.train.momentum(0.05, 0, true) },
  { name: 'tf.train.adam(0.01)', make: () => tf.train.adam(0.01), torchForm: { biasCorrection: 'float64' } },
  { name: 'tf.train.adam(0.02, 0.5, 0.9, 1e-4)', make: () => tf.train.adam(0.02, 0.5, 0.9, 1e-4), torchForm: { biasCorrection: 'float64' } },
  { name: 'tf.train.rmsprop(0.01)', make: () => tf.train.rmsprop(0.01), torchForm: { epsilonPlacement: 'outside' } },
  { name: 'tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6)', make: () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6), torchForm: { epsilonPlacement: 'outside' } },
  { name: 'tf.train.rmsprop(0.01, 0.9, 0.3, 1e-6, true) (centered)', make: () => tf.train.rmsprop(0.01, 0.9, 0.3, 1e-6, true), torchForm: { epsilonPlacement: 'outside' } },
  { name: 'tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true), gradients ~1e-6: tfjs\'s √(v − mg² − ε) is NaN, and so is the base', make: () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true), tiny: true },
  { name: 'tf.train.adagrad(0.1)', make: () => tf.train.adagrad(0.1), torchForm: { epsilonPlacement: 'outside' } },
  { name: 'tf.train.adagrad(0.2, 0.5)', make: () => tf.train.adagrad(0.2, 0.5), torchForm: { epsilonPlacement: 'outside' } },
];

for (const backend of ['cpu', 'wasm']) {
  describe(`B5 (${backend}): baseFromTfOptimizer reproduces tf.train exactly`, () => {
    beforeAll(async () => {
      await useBackend({ backend });
    });

    for (const [i, c] of cases.entries()) {
      it(c.name, () => {
        const grads = gradientSequence(100 + i, c.tiny);
        const optimizer = c.make();
        const spec = baseFromTfOptimizer(optimizer);
        const expected = tfTrajectory(optimizer, grads);
        const before = tf.memory().numTensors;
        expect(unsigned(kernelTrajectory(spec, grads))).toEqual(unsigned(expected));
        expect(tf.memory().numTensors).toBe(before);
        if (c.tiny) expect(expected.flat().some(Number.isNaN)).toBe(true);
        // Negative control: the torch form of the same base is not bit-identical to tfjs.
        if (c.torchForm) expect(unsigned(kernelTrajectory({ ...spec, ...c.torchForm }, grads))).not.toEqual(unsigned(expected));
      });
    }
  });
}

describe('baseFromTfOptimizer', () => {
  beforeAll(async () => {
    await useBackend({ backend: 'cpu' });
  });

  it('the spec is complete: resolveBaseSpec returns it unchanged', () => {
    const spec = baseFromTfOptimizer(tf.train.adam(0.01));
    const { name, learningRate, weightDecay, weightDecayIn, ...own } = spec;
    expect(resolveBaseSpec(spec, {})).toEqual({ common: { learningRate, weightDecay, weightDecayIn }, base: { name, ...own } });
    expect(spec.epsilon).toBe(tf.backend().epsilon());
  });

  it('any other optimizer is refused with UNKNOWN_BASE naming its class', () => {
    for (const [make, className] of [[() => tf.train.adadelta(0.1), 'Adadelta'], [() => tf.train.adamax(0.1), 'Adamax']] as const) {
      const optimizer = make();
      let error: unknown;
      try {
        baseFromTfOptimizer(optimizer);
      } catch (e) {
        error = e;
      }
      optimizer.dispose();
      expect(error).toBeInstanceOf(SamcheckError);
      expect((error as SamcheckError).code).toBe('UNKNOWN_BASE');
      expect((error as SamcheckError).value).toBe(className);
      expect((error as SamcheckError).message).toContain(className);
    }
    expect(() => baseFromTfOptimizer({} as tf.Optimizer)).toThrow(/INVALID_ARGUMENT: optimizer/);
  });
});
