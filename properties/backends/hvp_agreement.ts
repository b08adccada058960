/**
 * A small test function with a known Hessian, for Hessian-vector-product properties:
 *   f(x) = ½ xᵀAx + Σ w⊙tanh(Bx) + Σ q⊙exp(Dx) + Σ r⊙sigmoid(Ex) + u·softmax(Cx)
 * Its exact Hessian is computed here in float64 by hand (no tfjs), so it can judge tfjs's
 * double-backprop HVP (which needs the second-order gradient fix) and the finite-difference HVP.
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { float32Array } from './cross_backend.js';

type Matrix = number[][];

export interface HvpCase {
  n: number;
  A: Matrix; // symmetric n×n
  terms: { B: Matrix; w: number[] }[]; // tanh, exp, sigmoid, softmax (m×n each)
  x: number[];
  v: number[];
}

const KINDS = ['tanh', 'exp', 'sigmoid', 'softmax'] as const;

function matrix(rows: number, cols: number, scale: number): fc.Arbitrary<Matrix> {
  return float32Array(rows * cols).map((a) => Array.from({ length: rows }, (_, i) => a.slice(i * cols, (i + 1) * cols).map((v) => v * scale)));
}

export function hvpCase(): fc.Arbitrary<HvpCase> {
  return fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 2, max: 3 }) }).chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      A: matrix(n, n, 1 / 8).map((a) => a.map((row, i) => row.map((_, j) => (a[i]![j]! + a[j]![i]!) / 2))),
      terms: fc.tuple(...KINDS.map(() => fc.record({ B: matrix(m, n, 1 / 8), w: float32Array(m).map((w) => w.map((v) => v / 4)) }))),
      x: float32Array(n).map((x) => x.map((v) => v / 4)),
      v: float32Array(n),
    }),
  );
}

const matVec = (M: Matrix, x: number[]) => M.map((row) => row.reduce((s, b, j) => s + b * x[j]!, 0));

/** f on tfjs tensors (float32), for tf.grad. */
export function hvpFunction(c: HvpCase): (x: tf.Tensor1D) => tf.Scalar {
  return (x) => {
    const lin = (M: Matrix) => tf.squeeze(tf.matMul(tf.tensor2d(M), tf.reshape(x, [c.n, 1])), [1]);
    const quad = tf.mul(0.5, tf.sum(tf.mul(x, lin(c.A))));
    const [t, e, s, sm] = c.terms;
    const parts = [
      quad,
      tf.sum(tf.mul(tf.tensor1d(t!.w), tf.tanh(lin(t!.B)))),
      tf.sum(tf.mul(tf.tensor1d(e!.w), tf.exp(lin(e!.B)))),
      tf.sum(tf.mul(tf.tensor1d(s!.w), tf.sigmoid(lin(s!.B)))),
      tf.sum(tf.mul(tf.tensor1d(sm!.w), tf.softmax(lin(sm!.B)))),
    ];
    return tf.addN(parts) as tf.Scalar;
  };
}

/**
 * Exact Hessian (float64): A + Σ Bᵀ diag(w⊙φ''(Bx)) B + Cᵀ Hsoftmax C. With `magnitude`, the sum
 * of the absolute values of every product instead: the scale float32 rounding errors grow with.
 */
export function exactHessian(c: HvpCase, magnitude = false): Matrix {
  const mag = magnitude ? Math.abs : (v: number) => v;
  const H = c.A.map((row) => row.map(mag));
  const addCongruence = (B: Matrix, inner: Matrix) => {
    for (let a = 0; a < c.n; a++)
      for (let b = 0; b < c.n; b++)
        for (let i = 0; i < B.length; i++) for (let j = 0; j < B.length; j++) H[a]![b]! += mag(B[i]![a]! * inner[i]![j]! * B[j]![b]!);
  };
  const diag = (d: number[]) => d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
  const second: Record<(typeof KINDS)[number], (z: number) => number> = {
    tanh: (z) => -2 * Math.tanh(z) * (1 - Math.tanh(z) ** 2),
    exp: (z) => Math.exp(z),
    sigmoid: (z) => {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s) * (1 - 2 * s);
    },
    softmax: () => 0,
  };
  KINDS.forEach((kind, k) => {
    const { B, w } = c.terms[k]!;
    const z = matVec(B, c.x);
    if (kind !== 'softmax') return addCongruence(B, diag(z.map((zi, i) => w[i]! * second[kind](zi))));
    const m = Math.max(...z);
    const ez = z.map((zi) => Math.exp(zi - m));
    const s = ez.map((e) => e / ez.reduce((p, q) => p + q, 0));
    const f = s.reduce((p, si, i) => p + si * w[i]!, 0);
    const g = (i: number) => w[i]! - f;
    const inner = (i: number, j: number) => (i === j ? mag(s[i]! * g(i)) : 0) + (magnitude ? s[i]! * s[j]! * (Math.abs(g(i)) + Math.abs(g(j))) : -s[i]! * s[j]! * (g(i) + g(j)));
    addCongruence(B, s.map((_, i) => s.map((__, j) => inner(i, j))));
  });
  return H;
}

/** Largest |hvp − Hv| relative to the row scale Σ_j |H|_ij |v_j| (|H|: term magnitudes) plus a floor. */
export function hvpRelativeError(c: HvpCase, hvp: number[]): number {
  const H = exactHessian(c);
  const magnitudes = exactHessian(c, true);
  const floor = 1e-6 * Math.max(1, ...c.v.map(Math.abs));
  return Math.max(
    ...H.map((row, i) => {
      const exact = row.reduce((s, h, j) => s + h * c.v[j]!, 0);
      const scale = magnitudes[i]!.reduce((s, h, j) => s + h * Math.abs(c.v[j]!), 0) + floor;
      return Math.abs(hvp[i]! - exact) / scale;
    }),
  );
}

/** Relative tolerances (spec/backends.md, "Tolerance policy"): observed worst 2e-7 and 1.4e-4. */
export const HVP_RTOL = { exact: 1e-5, finiteDifference: 2e-3 } as const;

/** Claim: the HVP of `method` equals H·v of the exact float64 Hessian within HVP_RTOL. */
export function hvpAgreesWithExactHessian(method: keyof typeof HVP_RTOL, hvp: HvpMethod): fc.IPropertyWithHooks<[HvpCase]> {
  return fc.property(hvpCase(), (c) => {
    const out = tf.tidy(() => hvp(hvpFunction(c), tf.tensor1d(c.x), tf.tensor1d(c.v)));
    const values = Array.from(out.dataSync());
    out.dispose();
    const e = hvpRelativeError(c, values);
    if (!(e <= HVP_RTOL[method])) throw new Error(`${method} HVP off by ${e} (relative to Σ|H||v|)`);
  });
}

export type HvpMethod = (f: (x: tf.Tensor1D) => tf.Scalar, x: tf.Tensor1D, v: tf.Tensor1D) => tf.Tensor1D;
