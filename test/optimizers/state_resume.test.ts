/**
 * Optimizer state round-trips through getWeights/setWeights for every stepwise algorithm × base:
 * N steps, save, restore into a fresh optimizer on freshly created variables (other names, as a
 * reloaded model has), M more steps — bitwise the parameters of N + M uninterrupted steps on cpu.
 * Negative control, same combos: continuing with a fresh optimizer (no setWeights) differs, so the
 * property sees a lost momentum buffer, Adam moment, step count or XSAM α.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { BUILTIN_ALGORITHMS } from '../../src/algorithms/index.js';
import { SharpnessAwareOptimizer } from '../../src/optimizers/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const N = 3;
const M = 2;
const INIT = [
  [0.8, -1.3, 0.4],
  [0.5, 2],
];
const BASES: Array<Record<string, unknown>> = [
  { momentum: 0.9 },
  { base: 'adam' },
  { base: { name: 'adamw', weightDecay: 0.1 } },
  { base: 'rmsprop' },
  { base: 'adagrad' },
];
const EXTRA: Record<string, Record<string, unknown>> = { xsam: { probeInterval: 2 } };

function variables(): tf.Variable[] {
  return INIT.map((v) => tf.variable(tf.tensor1d(v)));
}

/** A non-quadratic loss coupling both variables, so every state component changes the trajectory. */
function lossOf(vars: tf.Variable[]): () => tf.Scalar {
  return () => tf.add(tf.sum(tf.log(tf.cosh(tf.mul(vars[0], 1.7)))), tf.mul(tf.sum(tf.square(vars[1])), tf.sum(tf.sigmoid(vars[0])))) as tf.Scalar;
}

function train(optimizer: tf.Optimizer, vars: tf.Variable[], steps: number): void {
  const f = lossOf(vars);
  for (let i = 0; i < steps; i++) optimizer.minimize(f, false, vars);
}

const values = (vars: tf.Variable[]) => vars.map((v) => Array.from(v.dataSync()));

const combos = BUILTIN_ALGORITHMS.filter((d) => !d.tags.finiteSum).flatMap((d) =>
  BASES.map((base) => {
    const config = { ...d.minimalConfig, ...EXTRA[d.name], learningRate: 0.05, ...base, algorithm: d.name };
    return [`${d.name} over ${JSON.stringify(base)}`, config] as const;
  }),
);

describe.each(combos)('%s', (_label, config) => {
  const make = () => new SharpnessAwareOptimizer(config as never);

  it('N steps, save, restore into a fresh optimizer, M more = N + M uninterrupted (bitwise); a fresh optimizer without restore differs', async () => {
    const straight = variables();
    const s = make();
    train(s, straight, N + M);

    const first = variables();
    const a = make();
    train(a, first, N);
    const weights = await a.getWeights();
    const second = first.map((v) => tf.variable(v.clone()));
    const b = make();
    await b.setWeights(weights);
    expect(b.iterations).toBe(N);
    train(b, second, M);
    expect(values(second)).toEqual(values(straight));

    const control = first.map((v) => tf.variable(v.clone()));
    const fresh = make();
    train(fresh, control, M);
    expect(values(control)).not.toEqual(values(straight));

    tf.dispose([...straight, ...first, ...second, ...control]);
    for (const o of [s, a, b, fresh]) o.dispose();
  });
});

describe('setWeights errors', () => {
  it('a state for other shapes is a SHAPE_MISMATCH at the next step; another algorithm\'s state is refused', async () => {
    const a = new SharpnessAwareOptimizer({ algorithm: 'sam', learningRate: 0.1, momentum: 0.9 });
    train(a, variables(), 1);
    const weights = await a.getWeights();
    const b = new SharpnessAwareOptimizer({ algorithm: 'sam', learningRate: 0.1, momentum: 0.9 });
    await b.setWeights(weights);
    const other = [tf.variable(tf.tensor1d([1, 2]))];
    expect(() => b.minimize(() => tf.sum(tf.square(other[0])) as tf.Scalar, false, other)).toThrow(/SHAPE_MISMATCH/);
    const c = new SharpnessAwareOptimizer({ algorithm: 'usam', learningRate: 0.1 });
    await expect(c.setWeights(weights)).rejects.toThrow(/INVALID_ARGUMENT: weights = "sam"/);
    await expect(c.setWeights([])).rejects.toThrow(/INVALID_ARGUMENT: weights/);
  });
});
