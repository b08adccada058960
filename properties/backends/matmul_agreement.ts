/**
 * Claim: tf.matMul and tf.fused.matMul give the same result on every backend as on cpu, for every
 * combination of transposeA/transposeB, batch rank, bias and fused activation, within the float32
 * forward error bound of a K-term dot product (spec/backends.md, "Tolerance policy").
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { computeOn, firstDisagreement, flushAllowance, flushSubnormals, float32Array, gamma, GPU_BACKENDS, MIN_NORMAL, U32, widened, type Disagreement } from './cross_backend.js';

export const ACTIVATIONS = ['linear', 'relu', 'relu6', 'leakyrelu', 'prelu', 'elu', 'sigmoid'] as const;
type Activation = (typeof ACTIVATIONS)[number];
const LEAKY_ALPHA = 0.2;

export interface MatMulShape {
  batch: number; // 0: rank-2 operands
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
  fused: boolean;
  bias: boolean;
  activation: Activation;
}

export interface MatMulCase {
  shape: MatMulShape;
  a: number[]; // logical A (batch·m·k), row-major
  b: number[]; // logical B (batch·k·n)
  bias: number[]; // n
  alpha: number[]; // prelu weights, n
}

export interface MatMulCaseOptions {
  /** Largest m, k, n. */
  maxDim: number;
  /** Largest batch; batch 0 means rank-2 operands (default 2). */
  maxBatch?: number;
  /** Generate transposeA/transposeB = true (default); false isolates the batched-bias bug. */
  transposes?: boolean;
  /** Range of the inner dimension K (default 1..maxDim); stock wasm's relu bug needs K ≳ 128. */
  inner?: [number, number];
  /** Fix whether a bias is passed (default: generated); false isolates the activation bugs. */
  bias?: boolean;
}

export function matMulCase({ maxDim, maxBatch = 2, transposes = true, inner, bias }: MatMulCaseOptions): fc.Arbitrary<MatMulCase> {
  const dim = fc.integer({ min: 1, max: maxDim });
  const flag = transposes ? fc.boolean() : fc.constant(false);
  const shape = fc.record({
    batch: fc.integer({ min: 0, max: maxBatch }),
    m: dim,
    k: inner === undefined ? dim : fc.integer({ min: inner[0], max: inner[1] }),
    n: dim,
    transposeA: flag,
    transposeB: flag,
    fused: fc.boolean(),
    bias: bias === undefined ? fc.boolean() : fc.constant(bias),
    activation: fc.constantFrom(...ACTIVATIONS),
  });
  return shape.chain((s) => {
    const batches = Math.max(1, s.batch);
    return fc.record({
      shape: fc.constant(s),
      a: float32Array(batches * s.m * s.k),
      b: float32Array(batches * s.k * s.n),
      bias: float32Array(s.n),
      alpha: float32Array(s.n),
    });
  });
}

/** Stores the logical matrix as the operand tensor: transposed in memory when the flag is set. */
function operand(values: number[], batch: number, rows: number, cols: number, transposed: boolean): tf.Tensor {
  const logical = tf.tensor3d(values, [Math.max(1, batch), rows, cols]);
  const stored = transposed ? tf.transpose(logical, [0, 2, 1]) : logical;
  return batch === 0 ? tf.squeeze(stored, [0]) : stored;
}

function build(c: MatMulCase): () => tf.Tensor {
  const s = c.shape;
  return () => {
    const a = operand(c.a, s.batch, s.m, s.k, s.transposeA);
    const b = operand(c.b, s.batch, s.k, s.n, s.transposeB);
    if (!s.fused) return tf.matMul(a, b, s.transposeA, s.transposeB);
    return tf.fused.matMul({
      a,
      b,
      transposeA: s.transposeA,
      transposeB: s.transposeB,
      bias: s.bias ? tf.tensor1d(c.bias) : undefined,
      activation: s.activation,
      preluActivationWeights: s.activation === 'prelu' ? tf.tensor1d(c.alpha) : undefined,
      leakyreluAlpha: LEAKY_ALPHA,
    });
  };
}

/**
 * Allowed |wasm − cpu| per output: each backend is within γ_{K+1}·(|A||B| + |bias|) of the exact
 * value (plus an underflow term: XNNPACK flushes subnormals), so they differ by at most twice
 * that, times the activation's Lipschitz constant; elu and sigmoid add their own rounding.
 */
function bounds(c: MatMulCase, reference: number[]): number[] {
  const s = c.shape;
  const fused = s.fused;
  const out: number[] = [];
  for (let p = 0; p < Math.max(1, s.batch); p++) {
    for (let i = 0; i < s.m; i++) {
      for (let j = 0; j < s.n; j++) {
        let mag = fused && s.bias ? Math.abs(c.bias[j]!) : 0;
        for (let q = 0; q < s.k; q++) mag += Math.abs(c.a[(p * s.m + i) * s.k + q]! * c.b[(p * s.k + q) * s.n + j]!);
        const act = fused ? s.activation : 'linear';
        const lipschitz = act === 'prelu' ? Math.max(1, Math.abs(c.alpha[j]!)) : 1;
        // elu(x) = exp(x) − 1 for x < 0: exp rounds with an error of a few ulp of exp(x) ≤ 1, an
        // absolute error, which the subtraction keeps (tfjs cpu and webgpu both compute it this way).
        const ref = Math.abs(reference[out.length]!);
        const transcendental = act === 'elu' ? 8 * U32 * (1 + ref) : act === 'sigmoid' ? 8 * U32 * ref : 0;
        out.push((2 * gamma(s.k + 1) * mag + 2 * (s.k + 1) * MIN_NORMAL) * lipschitz + transcendental);
      }
    }
  }
  return out;
}

const flushedCase = (c: MatMulCase): MatMulCase => ({ ...c, a: flushSubnormals(c.a), b: flushSubnormals(c.b), bias: flushSubnormals(c.bias), alpha: flushSubnormals(c.alpha) });

/** The first output where `backend` disagrees with cpu beyond the bound (plus a GPU's subnormal flushing), or null. */
export async function matMulDisagreement(backend: string, c: MatMulCase): Promise<Disagreement | null> {
  const reference = await computeOn('cpu', build(c));
  const flushed = GPU_BACKENDS.has(backend) ? await computeOn('cpu', build(flushedCase(c))) : reference;
  const candidate = await computeOn(backend, build(c));
  return firstDisagreement(reference, candidate, widened([bounds(c, reference[0]!)], flushAllowance(backend, reference, flushed)));
}

export function matMulAgreement(backend: string, options: MatMulCaseOptions): fc.IAsyncPropertyWithHooks<[MatMulCase]> {
  return fc.asyncProperty(matMulCase(options), async (c) => {
    const d = await matMulDisagreement(backend, c);
    if (d !== null) throw new Error(`${backend} ≠ cpu: ${JSON.stringify(d)}`);
  });
}
