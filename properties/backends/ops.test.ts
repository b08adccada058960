/**
 * Claim: the element-wise ops and reductions the SAM kernels use (src/kernels) agree between cpu
 * and every other backend: IEEE-754 basic ops (add, sub, mul, div, minimum, square, sqrt, abs)
 * exactly, since float32 results of these are correctly rounded on every backend; acos within a
 * few ulp; sums, means and norms within 2·γ_n·Σ|x| (cpu sums in float64, wasm in float32).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { computeOn, prepareCandidates, firstDisagreement, float32Array, gamma, U32 } from './cross_backend.js';

const RUNS: Record<string, number> = { wasm: 150, webgpu: 20 };
let backends: string[] = ['wasm'];

beforeAll(async () => {
  backends = await prepareCandidates();
});

const vectors = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(float32Array(n), float32Array(n)));

/**
 * acos is correctly rounded nowhere. wasm (libm): a few ulp of its largest value π. WGSL only
 * promises atan2's accuracy for acos, 4096 ulp (ulp of a value in [2, 4) is 2^-22); llvmpipe's
 * GL acos was measured 13 ulp off, so the spec bound is what webgpu is held to.
 */
const acosBound = (backend: string) => (backend === 'webgpu' ? 4096 * 2 ** -22 : 8 * U32 * Math.PI);

/** Element-wise: [name, op, allowed |Δ| on this backend]. */
const elementwise = (backend: string): [string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, () => number][] => [
  ['add', tf.add, () => 0],
  ['sub', tf.sub, () => 0],
  ['mul', tf.mul, () => 0],
  ['div', (a, b) => tf.div(a, tf.add(tf.abs(b), 0.5)), () => 0],
  ['minimum', tf.minimum, () => 0],
  ['square', (a) => tf.square(a), () => 0],
  ['sqrt', (a) => tf.sqrt(tf.abs(a)), () => 0],
  ['abs', (a) => tf.abs(a), () => 0],
  ['acos', (a) => tf.acos(tf.div(a, 8)), () => acosBound(backend)],
];

describe.each(['wasm', 'webgpu'])('ops on %s agree with cpu', (backend) => {
  const runs = () => RUNS[backend]!;

  it.each(elementwise(backend))('%s: exactly (or within its ulp bound)', async (_name, op, bound) => {
    if (!backends.includes(backend)) return;
    await fc.assert(
      fc.asyncProperty(vectors, async ([a, b]) => {
        const build = () => op(tf.tensor1d(a), tf.tensor1d(b));
        const [ref] = await computeOn('cpu', build);
        const [got] = await computeOn(backend, build);
        expect(firstDisagreement([ref!], [got!], [ref!.map(bound)])).toBeNull();
      }),
      { numRuns: runs(), seed: 3 },
    );
  });

  it('sum, mean, addN, norm, max: within 2·γ_n·Σ|x| (max exactly)', async () => {
    if (!backends.includes(backend)) return;
    await fc.assert(
      fc.asyncProperty(vectors, async ([a, b]) => {
        const n = a.length;
        const build = () => {
          const x = tf.tensor1d(a);
          const y = tf.tensor1d(b);
          return [tf.sum(x), tf.mean(x), tf.addN([x, y, x]), tf.norm(x), tf.max(x)];
        };
        const ref = await computeOn('cpu', build);
        const got = await computeOn(backend, build);
        const l1 = a.reduce((s, v) => s + Math.abs(v), 0);
        const norm = ref[3]![0]!;
        const bounds = [
          [2 * gamma(n) * l1],
          [2 * gamma(n + 1) * (l1 / n)],
          a.map((v, i) => 2 * gamma(3) * (2 * Math.abs(v) + Math.abs(b[i]!))),
          [2 * gamma(n + 2) * norm],
          [0],
        ];
        expect(firstDisagreement(ref, got, bounds)).toBeNull();
      }),
      { numRuns: runs(), seed: 4 },
    );
  });
});
