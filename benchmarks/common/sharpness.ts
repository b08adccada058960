import { tf, type Scalar } from '../../src/tf.js';
import { createRandom, normalArray } from '../../src/data/random.js';
import { axpy, dot, globalNorm, scale } from '../../src/kernels/tree.js';
import type { Objective, Tree } from '../../src/kernels/types.js';

/**
 * Top Hessian eigenvalue by power iteration on finite-difference Hessian-vector products, as in
 * Long & Bartlett's hessian_norm.py (spec algorithms.md §10.1): Hv ≈ (∇L(θ+εv) − ∇L(θ−εv))/(2ε),
 * stop when ‖Hv‖ changes by < tol relatively, report the Rayleigh quotient vᵀHv and ‖Hv‖.
 * A local implementation for the benchmarks (no src/analysis power iteration existed when this was written).
 */
export interface SharpnessOptions {
  seed: number;
  epsilon?: number;
  tol?: number;
  maxIterations?: number;
}

export interface SharpnessResult {
  /** Rayleigh quotient vᵀHv (signed). */
  rayleigh: number;
  /** ‖Hv‖ at the last iterate: the operator-norm estimate. */
  norm: number;
  iterations: number;
}

export function hessianVectorProduct(objective: Objective, params: Tree, v: Tree, epsilon: number): Tree {
  return tf.tidy(() => {
    const plus = objective.valueAndGrad(axpy(params, epsilon, v), { kind: 'probe', index: 0 }).grads;
    const minus = objective.valueAndGrad(axpy(params, -epsilon, v), { kind: 'probe', index: 1 }).grads;
    return plus.map((g, i) => tf.div(tf.sub(g, minus[i]), 2 * epsilon));
  });
}

export function topHessianEigenvalue(objective: Objective, params: Tree, options: SharpnessOptions): SharpnessResult {
  const epsilon = options.epsilon ?? 1e-3;
  const tol = options.tol ?? 1e-3;
  const maxIterations = options.maxIterations ?? 100;
  const random = createRandom(options.seed);
  let v: Tree = tf.tidy(() => {
    const raw = params.map((p) => tf.tensor(normalArray(random, p.size), p.shape, 'float32'));
    return scale(raw, tf.div(1, globalNorm(raw)) as Scalar);
  });
  let previous = NaN;
  let norm = NaN;
  let iterations = 0;
  try {
    for (; iterations < maxIterations; iterations++) {
      const hv = hessianVectorProduct(objective, params, v, epsilon);
      norm = tf.tidy(() => globalNorm(hv).dataSync()[0]);
      const next = tf.tidy(() => scale(hv, 1 / Math.max(norm, 1e-30)));
      tf.dispose([...hv, ...v]);
      v = next;
      if (Number.isFinite(previous) && Math.abs(norm - previous) < tol * previous) {
        iterations++;
        break;
      }
      previous = norm;
    }
    const hv = hessianVectorProduct(objective, params, v, epsilon);
    const rayleigh = tf.tidy(() => dot(v, hv).dataSync()[0]);
    tf.dispose(hv);
    return { rayleigh, norm, iterations };
  } finally {
    tf.dispose(v);
  }
}
