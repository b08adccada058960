/**
 * Helpers for cross-backend agreement properties: build the same computation from plain arrays on
 * each backend, read the results back, and compare them against a float32 error bound
 * (the tolerance policy is in spec/backends.md, "Tolerance policy").
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { setBackendFixes, useBackend } from '../../src/backend/index.js';

/** Unit roundoff of float32. */
export const U32 = 2 ** -24;

/** Smallest normal float32: wasm (XNNPACK) flushes subnormals to zero, so each rounding may also lose this much. */
export const MIN_NORMAL = 2 ** -126;

/**
 * Backends that run shaders (on a GPU or a software rasterizer standing in for one). Their
 * shading languages (GLSL ES 3.00 §4.7.1 for WebGL 2, WGSL §15.7 "Floating Point Evaluation" for
 * WebGPU) let subnormal inputs and results be flushed to zero and give some built-ins a few ulp:
 * spec/backends.md, "Tolerance policy", float32 on a GPU.
 */
export const GPU_BACKENDS: ReadonlySet<string> = new Set(['webgl', 'webgpu']);

/** Subnormals replaced by a zero of the same sign: what a flushing GPU computes with. */
export const flushSubnormals = (xs: readonly number[]): number[] => xs.map((x) => (Math.abs(x) < MIN_NORMAL ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x));

/** One ulp of the float32 value x (2⁻¹⁴⁹ for subnormals and 0). */
export function ulp32(x: number): number {
  const a = Math.abs(x);
  return a < MIN_NORMAL ? 2 ** -149 : 2 ** (Math.floor(Math.log2(a)) - 23);
}

/**
 * What flushing subnormals may change on `backend`, per output: |f(x) − f(flushed x)| plus one
 * smallest normal for a flushed result (all 0 on a backend that does not flush). `flushed` is the
 * reference computed from flushed inputs, on cpu.
 */
export function flushAllowance(backend: string, reference: number[][], flushed: number[][], results = 1): number[][] {
  if (!GPU_BACKENDS.has(backend)) return reference.map((r) => r.map(() => 0));
  return reference.map((r, o) => r.map((v, i) => Math.abs(v - flushed[o]![i]!) + results * MIN_NORMAL));
}

/** bound + allowance, element-wise. */
export const widened = (bound: number[][], allowance: number[][]): number[][] => bound.map((b, o) => b.map((v, i) => v + allowance[o]![i]!));

/** Higham's γ_n = n·u/(1 − n·u): the relative error bound of an n-term float32 sum or dot product. */
export function gamma(n: number): number {
  return (n * U32) / (1 - n * U32);
}

/** Runs `build` on `backend` and returns its outputs as float64 arrays; nothing is left allocated. */
export async function computeOn(backend: string, build: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(build);
  const list = Array.isArray(outs) ? outs : [outs];
  // data(), not dataSync(): the webgpu backend cannot read synchronously in Node.
  const values = await Promise.all(list.map(async (t) => Array.from(await t.data())));
  tf.dispose(list);
  return values;
}

export interface Disagreement {
  output: number;
  index: number;
  reference: number;
  candidate: number;
  bound: number;
}

/**
 * The first element where |candidate − reference| > bound (or where exactly one side is not
 * finite), or null when they agree. `bound[o][i]` is the allowed difference for output o, index i.
 */
export function firstDisagreement(reference: number[][], candidate: number[][], bound: number[][]): Disagreement | null {
  for (let o = 0; o < reference.length; o++) {
    const r = reference[o]!;
    const c = candidate[o]!;
    if (r.length !== c.length) return { output: o, index: -1, reference: r.length, candidate: c.length, bound: 0 };
    for (let i = 0; i < r.length; i++) {
      const same = Object.is(r[i], c[i]) || Math.abs(r[i]! - c[i]!) <= bound[o]![i]!;
      if (!same) return { output: o, index: i, reference: r[i]!, candidate: c[i]!, bound: bound[o]![i]! };
    }
  }
  return null;
}

/**
 * Backends compared against cpu (the reference): wasm, plus webgpu when it can start here.
 * When it cannot, the reason is returned so the suite can print it and skip webgpu.
 */
export async function candidateBackends(): Promise<{ backends: string[]; webgpuUnavailable?: string }> {
  try {
    // Through useBackend, so the webgpu fixes (AddN, sync-read guard) are applied as for a user.
    await useBackend({ backend: 'webgpu' });
    return { backends: ['wasm', 'webgpu'] };
  } catch (err) {
    return { backends: ['wasm'], webgpuUnavailable: (err as Error).message };
  }
}

/**
 * For a test file's beforeAll: makes cpu current and returns the candidate backends, printing
 * why webgpu is skipped when it cannot start.
 */
export async function prepareCandidates(): Promise<string[]> {
  await useBackend({ backend: 'cpu' });
  const found = await candidateBackends();
  if (found.webgpuUnavailable !== undefined) console.warn(`webgpu skipped: ${found.webgpuUnavailable}`);
  return found.backends;
}

/** Runs `body` with the fix layer set to `enabled`, then restores the default (fixes on). */
export async function withFixes<T>(enabled: boolean, body: () => Promise<T>): Promise<T> {
  setBackendFixes(enabled);
  try {
    return await body();
  } finally {
    setBackendFixes(true);
  }
}

/**
 * Float32 entries in [-8, 8] (exactly representable, so every backend starts from the same bits):
 * mostly multiples of 1/8, whose products and short sums are exact and whose counterexamples
 * shrink to readable numbers, and one in four drawn from all float32 values (subnormals included).
 */
export function float32Array(length: number): fc.Arbitrary<number[]> {
  const element = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -64, max: 64 }).map((v) => v / 8) },
    { weight: 1, arbitrary: fc.float({ min: -8, max: 8, noNaN: true }) },
  );
  return fc.array(element, { minLength: length, maxLength: length });
}
