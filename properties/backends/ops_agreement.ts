/**
 * Claim: the element-wise ops and reductions the SAM kernels use (src/kernels) agree between cpu
 * and another backend. On cpu and wasm: IEEE-754 basic ops (add, sub, mul, div, minimum, square,
 * sqrt, abs) exactly, since their float32 results are correctly rounded; acos within a few ulp;
 * sums, means and norms within 2·γ_n·Σ|x| (cpu sums in float64, wasm in float32). On a GPU
 * backend, what its shading language allows on top: subnormals flushed, division within 2.5 ulp,
 * sqrt inherited from 1/inverseSqrt, acos from atan2 (spec/backends.md, "Tolerance policy").
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { computeOn, firstDisagreement, flushAllowance, flushSubnormals, float32Array, gamma, GPU_BACKENDS, U32, ulp32, widened, type Disagreement } from './cross_backend.js';

const vectors = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(float32Array(n), float32Array(n)));

/**
 * acos is correctly rounded nowhere. wasm (libm): a few ulp of its largest value π. WGSL, and
 * Vulkan's SPIR-V precision rules that WebGL reaches through ANGLE, give acos atan2's accuracy,
 * 4096 ulp (ulp of a value in [2, 4) is 2^-22, so 9.8e-4); SwiftShader was measured up to 6.8e-5
 * off (2000 inputs in [−1, 1]) and llvmpipe 13 ulp, so the spec bound is what a GPU is held to.
 */
const ACOS_GPU = 4096 * 2 ** -22;

/**
 * GPU ulp bounds against the correctly rounded cpu value (one half ulp more than the spec's bound
 * against the exact value): x/y 2.5 ulp; sqrt = 1/inverseSqrt: 2 ulp + 2.5 ulp.
 */
const GPU_ULPS: Record<string, number> = { div: 3, sqrt: 5 };

export type Elementwise = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

const OPS: Record<string, Elementwise> = {
  add: tf.add,
  sub: tf.sub,
  mul: tf.mul,
  div: (a, b) => tf.div(a, tf.add(tf.abs(b), 0.5)),
  minimum: tf.minimum,
  square: (a) => tf.square(a),
  sqrt: (a) => tf.sqrt(tf.abs(a)),
  abs: (a) => tf.abs(a),
  acos: (a) => tf.acos(tf.div(a, 8)),
};

export const ELEMENTWISE_OPS = Object.keys(OPS);

/** Allowed |Δ| of op `name` on `backend` at a reference value (before the flushing allowance). */
export function elementwiseBound(backend: string, name: string): (reference: number) => number {
  const gpu = GPU_BACKENDS.has(backend);
  if (name === 'acos') return () => (gpu ? ACOS_GPU : 8 * U32 * Math.PI);
  const ulps = gpu ? (GPU_ULPS[name] ?? 0) : 0;
  return (r) => ulps * ulp32(r);
}

/** The first element where `name` on `backend` differs from cpu beyond its bound, or null. */
export async function elementwiseDisagreement(backend: string, name: string, a: number[], b: number[]): Promise<Disagreement | null> {
  const op = OPS[name]!;
  const build = (x: number[], y: number[]) => () => op(tf.tensor1d(x), tf.tensor1d(y));
  const reference = await computeOn('cpu', build(a, b));
  const flushed = GPU_BACKENDS.has(backend) ? await computeOn('cpu', build(flushSubnormals(a), flushSubnormals(b))) : reference;
  const candidate = await computeOn(backend, build(a, b));
  const bound = elementwiseBound(backend, name);
  return firstDisagreement(reference, candidate, widened([reference[0]!.map(bound)], flushAllowance(backend, reference, flushed)));
}

export function elementwiseAgreement(backend: string, name: string): fc.IAsyncPropertyWithHooks<[[number[], number[]]]> {
  return fc.asyncProperty(vectors, async ([a, b]) => {
    const d = await elementwiseDisagreement(backend, name, a, b);
    if (d !== null) throw new Error(`${name} on ${backend} ≠ cpu: ${JSON.stringify(d)}`);
  });
}

/** sum, mean, addN of 3, norm, max: within 2·γ_n·Σ|x| (max exactly); on a GPU each of the n roundings may also flush. */
export function reductionAgreement(backend: string): fc.IAsyncPropertyWithHooks<[[number[], number[]]]> {
  return fc.asyncProperty(vectors, async ([a, b]) => {
    const n = a.length;
    const build = (x: number[], y: number[]) => () => {
      const xt = tf.tensor1d(x);
      const yt = tf.tensor1d(y);
      return [tf.sum(xt), tf.mean(xt), tf.addN([xt, yt, xt]), tf.norm(xt), tf.max(xt)];
    };
    const ref = await computeOn('cpu', build(a, b));
    const flushed = GPU_BACKENDS.has(backend) ? await computeOn('cpu', build(flushSubnormals(a), flushSubnormals(b))) : ref;
    const got = await computeOn(backend, build(a, b));
    const l1 = a.reduce((s, v) => s + Math.abs(v), 0);
    const norm = ref[3]![0]!;
    const bounds = [[2 * gamma(n) * l1], [2 * gamma(n + 1) * (l1 / n)], a.map((v, i) => 2 * gamma(3) * (2 * Math.abs(v) + Math.abs(b[i]!))), [2 * gamma(n + 2) * norm], [0]];
    const d = firstDisagreement(ref, got, widened(bounds, flushAllowance(backend, ref, flushed, n + 1)));
    if (d !== null) throw new Error(`reductions on ${backend} ≠ cpu (outputs: sum, mean, addN, norm, max): ${JSON.stringify(d)}`);
  });
}

/** addN of 1..20 tensors: the count crosses webgpu's storage-buffer limit (webgpu_addn_fix.ts). */
export function manyTermAddNAgreement(backend: string): fc.IAsyncPropertyWithHooks<[number[][]]> {
  const terms = fc.integer({ min: 1, max: 20 }).chain((k) => fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(float32Array(n), { minLength: k, maxLength: k })));
  return fc.asyncProperty(terms, async (xs) => {
    const build = (ys: number[][]) => () => tf.addN(ys.map((y) => tf.tensor1d(y)));
    const ref = await computeOn('cpu', build(xs));
    const flushed = GPU_BACKENDS.has(backend) ? await computeOn('cpu', build(xs.map(flushSubnormals))) : ref;
    const got = await computeOn(backend, build(xs));
    const bound = [ref[0]!.map((_, i) => 2 * gamma(xs.length) * xs.reduce((s, y) => s + Math.abs(y[i]!), 0))];
    const d = firstDisagreement(ref, got, widened(bound, flushAllowance(backend, ref, flushed, xs.length)));
    if (d !== null) throw new Error(`addN of ${xs.length} tensors on ${backend} ≠ cpu: ${JSON.stringify(d)}`);
  });
}

