/** What the variant-specific properties share: a small non-quadratic objective and the oracle's trajectory on it. */
import fc from 'fast-check';
import { beforeAll } from 'vitest';
import { useBackend } from '../../../src/backend/index.js';
import { tf } from '../../../src/tf.js';
import { bnClassifier, classificationData } from '../../core/fit_model.js';
import { initialOracleState, oracleStep } from '../../../src/oracle/algorithms.js';
import type { OracleObjective, Vector } from '../../../src/oracle/objective.js';

/** f(x) = Σ a_i·x_i²/2 + c·Σ x_i⁴/4: curvature varies along a step, so the point a gradient is taken at matters. */
export function quarticBowl(a: number[], c: number): OracleObjective {
  return {
    dim: a.length,
    value: (x) => x.reduce((s, xi, i) => s + (a[i] * xi * xi) / 2 + (c * xi ** 4) / 4, 0),
    gradient: (x) => x.map((xi, i) => a[i] * xi + c * xi ** 3),
  };
}

export interface BowlCase {
  a: number[];
  c: number;
  theta0: number[];
}

/**
 * ‖θ_0‖ ≥ 0.1, so ‖∇f‖ ≥ 0.01 along these short trajectories: near ‖g‖ ≈ ε a normalisation
 * g/(‖g‖ + ε) amplifies rounding by up to ρ/ε, and two correct float64 forms of one rule (e.g. the
 * official code's in-place add and subtract) then part by more than the 1e-9 the claims use.
 */
export const bowlCase = (maxDim = 4): fc.Arbitrary<BowlCase> =>
  fc
    .integer({ min: 1, max: maxDim })
    .chain((d) =>
      fc.record({
        a: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: d, maxLength: d }),
        c: fc.double({ min: 0, max: 0.5, noNaN: true }),
        theta0: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d }),
      }),
    )
    .filter((b) => Math.hypot(...b.theta0) >= 0.1);

/** θ_1..θ_n of the float64 oracle. */
export function oraclePath(config: Record<string, unknown> & { algorithm: string }, f: OracleObjective, theta0: Vector, n: number): Vector[] {
  const out: Vector[] = [];
  let theta = theta0;
  let state = initialOracleState();
  for (let i = 0; i < n; i++) {
    const r = oracleStep(config, f, theta, state, { names: ['x'], sizes: [theta0.length] });
    out.push(r.params);
    theta = r.params;
    state = r.state;
  }
  return out;
}

export const maxAbsDiff = (a: Vector, b: Vector): number => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

/**
 * θ after each of n `minimize` calls of a drop-in optimizer on f(w) = Σ a_i·w_i²/2 + c·Σ w_i⁴/4 —
 * the tfjs twin of `quarticBowl` (float32).
 */
export function minimizePath(optimizer: tf.Optimizer, a: number[], c: number, theta0: number[], n: number): Vector[] {
  const w = tf.variable(tf.tensor1d(theta0));
  const av = tf.tensor1d(a);
  const loss = () => tf.add(tf.sum(tf.mul(tf.mul(av, tf.square(w)), 0.5)), tf.mul(tf.sum(tf.pow(w, 4)), c / 4)) as tf.Scalar;
  const out: Vector[] = [];
  for (let i = 0; i < n; i++) {
    optimizer.minimize(loss, false, [w]);
    out.push(Array.from(w.dataSync()));
  }
  optimizer.dispose();
  tf.dispose([w, av]);
  return out;
}

/** Tensor count before and after two more epochs of model.fit (after a warm-up epoch), and the loss per epoch. */
export async function fitMemory(optimizer: tf.Optimizer): Promise<{ before: number; after: number; loss: number[] }> {
  const { x, y } = classificationData(64);
  const model = bnClassifier(optimizer);
  const fit = (epochs: number) => model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });
  const first = await fit(1);
  const before = tf.memory().numTensors;
  const h = await fit(2);
  const after = tf.memory().numTensors;
  model.dispose();
  tf.dispose([x, y]);
  return { before, after, loss: [...(first.history.loss as number[]), ...(h.history.loss as number[])] };
}

/** The tfjs cpu backend for a test file's drop-in checks. */
export const onCpuBackend = (): void => beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** torch.optim.SGD hyperparameters and a SAM radius, as the official training scripts take them. */
export const officialSgd = {
  lr: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  momentum: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 0.95, noNaN: true })),
  weightDecay: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 0.1, noNaN: true })),
  rho: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
};

export interface OfficialSgd {
  lr: number;
  momentum: number;
  weightDecay: number;
  rho: number;
}

/** The claims' float64-vs-float64 bound: 1e-9 relative to the point's size. */
export const closeTo = (x: Vector, official: Vector): boolean => maxAbsDiff(x, official) <= 1e-9 * (1 + Math.hypot(...official));
