import { tf, type Scalar, type Tensor } from '../../src/tf.js';
import { createRandom } from '../../src/data/random.js';

/**
 * Analytic test problems for optimizer efficiency. Each has a known minimum value f*, a fixed
 * start, and a target gap; "noise" adds a fresh seeded linear term ⟨ξ_t, θ⟩ to the loss at step t
 * (stochastic gradients with the same noise sequence for every algorithm); the target is checked
 * on the clean function.
 */
export interface Problem {
  name: string;
  start: number[];
  /** Clean loss of a point [dim]. */
  loss(theta: Tensor): Scalar;
  /** Clean loss in float64 (target checks). */
  value(theta: ArrayLike<number>): number;
  fStar: number;
  /** Reached when value − f* ≤ target. */
  target: number;
  /** Gradient-noise standard deviation (0 = deterministic). */
  noise: number;
  noiseSeed: number;
}

const rosenbrockValue = (t: ArrayLike<number>) => (1 - t[0]) ** 2 + 100 * (t[1] - t[0] ** 2) ** 2;
export function rosenbrock(noise: number, noiseSeed: number): Problem {
  return {
    name: noise > 0 ? `Rosenbrock (noise σ=${noise}, seed ${noiseSeed})` : 'Rosenbrock',
    start: [-1.2, 1],
    loss: (t) => tf.tidy(() => {
      const [x, y] = tf.unstack(t);
      return tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))) as Scalar;
    }),
    value: rosenbrockValue,
    fStar: 0,
    target: noise > 0 ? 1e-2 : 1e-3,
    noise,
    noiseSeed,
  };
}

export function beale(): Problem {
  const terms = (x: number, y: number) => [1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y ** 3];
  return {
    name: 'Beale',
    start: [1, 1],
    loss: (t) => tf.tidy(() => {
      const [x, y] = tf.unstack(t);
      const c = [1.5, 2.25, 2.625];
      return tf.addN(c.map((ci, k) => tf.square(tf.add(ci, tf.sub(tf.mul(x, tf.pow(y, k + 1)), x))))) as Scalar;
    }),
    value: (t) => terms(t[0], t[1]).reduce((s, v) => s + v * v, 0),
    fStar: 0,
    target: 1e-3,
    noise: 0,
    noiseSeed: 0,
  };
}

export function branin(): Problem {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const s = 10;
  const t8 = 1 / (8 * Math.PI);
  return {
    name: 'Branin',
    start: [0, 10],
    loss: (t) => tf.tidy(() => {
      const [x, y] = tf.unstack(t);
      const inner = tf.add(tf.sub(y, tf.mul(b, tf.square(x))), tf.sub(tf.mul(c, x), 6));
      return tf.add(tf.square(inner), tf.add(tf.mul(s * (1 - t8), tf.cos(x)), s)) as Scalar;
    }),
    value: (t) => (t[1] - b * t[0] ** 2 + c * t[0] - 6) ** 2 + s * (1 - t8) * Math.cos(t[0]) + s,
    fStar: 0.39788735772973816,
    target: 1e-3,
    noise: 0,
    noiseSeed: 0,
  };
}

/** ½ θᵀ Q Λ Qᵀ θ with eigenvalues log-spaced in [1, κ] and a seeded random rotation Q. */
export function illConditionedQuadratic(dim: number, condition: number, seed: number): Problem {
  const random = createRandom(seed);
  const q: number[][] = [];
  while (q.length < dim) {
    const v = Array.from({ length: dim }, () => random.normal());
    for (const u of q) {
      const d = v.reduce((s, x, i) => s + x * u[i], 0);
      for (let i = 0; i < dim; i++) v[i] -= d * u[i];
    }
    const n = Math.hypot(...v);
    if (n > 1e-6) q.push(v.map((x) => x / n));
  }
  const lambda = Array.from({ length: dim }, (_, i) => condition ** (i / (dim - 1)));
  const h = Array.from({ length: dim }, (_, i) => Array.from({ length: dim }, (_, j) => q.reduce((s, u, k) => s + u[i] * lambda[k] * u[j], 0)));
  const start = Array.from({ length: dim }, () => 1);
  const value = (t: ArrayLike<number>) => 0.5 * h.reduce((s, row, i) => s + t[i] * row.reduce((r, hij, j) => r + hij * t[j], 0), 0);
  const hTensor = tf.keep(tf.tensor2d(h));
  return {
    name: `quadratic d=${dim}, κ=${condition}`,
    start,
    loss: (t) => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(t, tf.squeeze(tf.matMul(hTensor, tf.reshape(t, [dim, 1])))))) as Scalar),
    value,
    fStar: 0,
    target: 1e-4 * value(start),
    noise: 0,
    noiseSeed: 0,
  };
}

export function problemSuite(seed: number, quick: boolean): Problem[] {
  const noisy = (quick ? [0] : [0, 1, 2]).map((s) => rosenbrock(0.1, seed * 10 + s));
  return [...noisy, rosenbrock(0, 0), beale(), branin(), illConditionedQuadratic(10, 100, seed), illConditionedQuadratic(10, 1000, seed)];
}
