/**
 * The oracle properties as functions of (function, point): each `…Error` returns the measured
 * error divided by its scale (spec/functions.md, "Tolerance policy"), and each claim throws
 * when that ratio exceeds its tolerance. The tests run the claims on the real library and on
 * broken variants (broken.ts), so every claim is shown to be able to fail.
 */
import * as math from 'mathjs';
import { tf } from '../../src/tf.js';
import { fromFlat, toFlat } from '../../src/kernels/tree.js';
import type { AnalyticFunction, FiniteSumFunction, Vector } from '../../src/oracle/functions/index.js';
import { spectralMatrix, transpose } from '../../src/oracle/functions/orthogonal.js';

/** float64 and float32 unit roundoffs. */
export const U64 = 2 ** -53;
export const U32 = 2 ** -24;

export const norm = (v: Vector): number => Math.hypot(...v);
/** error / scale, with 0/0 = 0 (an exact answer at a zero-scale point passes). */
const ratio = (error: number, scale: number): number => (error === 0 ? 0 : error / scale);
const diff = (a: Vector, b: Vector): Vector => a.map((x, i) => x - b[i]);
const frobenius = (m: number[][]): number => norm(m.flat());
const matrixDiff = (a: number[][], b: number[][]): number[][] => a.map((row, i) => diff(row, b[i]));

/** Central-difference step for coordinate i: u^(1/3)·max(1, |x_i|) balances truncation h² against rounding u/h. */
export const fdStep = (xi: number): number => Math.cbrt(U64) * Math.max(1, Math.abs(xi));

const shifted = (x: Vector, i: number, h: number): Vector => x.map((v, j) => (j === i ? v + h : v));

/** Central differences of a scalar or vector function along every coordinate. */
function centralDifferences<T extends number | Vector>(fn: (x: Vector) => T, x: Vector): T[] {
  return x.map((xi, i) => {
    const h = fdStep(xi);
    const plus = fn(shifted(x, i, h));
    const minus = fn(shifted(x, i, -h));
    return (typeof plus === 'number' ? (plus - (minus as number)) / (2 * h) : (plus as Vector).map((p, k) => (p - (minus as Vector)[k]) / (2 * h))) as T;
  });
}

/** The size of the first three derivatives at x: 1 + |f| + ‖g‖ + ‖H‖_F·(1 + ‖x‖). */
export function derivativeScale(f: AnalyticFunction, x: Vector): number {
  return 1 + Math.abs(f.value(x)) + norm(f.gradient(x)) + frobenius(f.hessian(x)) * (1 + norm(x));
}

/** ‖∇f − FD(f)‖ / scale. */
export const gradientFdError = (f: AnalyticFunction, x: Vector): number =>
  norm(diff(f.gradient(x), centralDifferences((y) => f.value(y), x))) / derivativeScale(f, x);

/** ‖∇²f − FD(∇f)‖_F / scale (FD columns; H is symmetric). */
export const hessianFdError = (f: AnalyticFunction, x: Vector): number =>
  frobenius(matrixDiff(f.hessian(x), centralDifferences((y) => f.gradient(y), x))) / derivativeScale(f, x);

const spectralScale = (f: AnalyticFunction): number => 1 + Math.max(...f.eigen!.values.map(Math.abs));

/** ‖∇²f(x) − Q diag(λ) Qᵀ‖_F / (1 + max|λ|), Q's columns being eigen.vectors. */
export const spectralHessianError = (f: AnalyticFunction, x: Vector): number =>
  frobenius(matrixDiff(f.hessian(x), spectralMatrix(transpose(f.eigen!.vectors), f.eigen!.values))) / spectralScale(f);

/** max_i |sorted eigs(∇²f) − sorted λ| / (1 + max|λ|). */
export function eigsSpectrumError(f: AnalyticFunction, x: Vector): number {
  const computed = (math.eigs(f.hessian(x)).values as number[]).map(Number).sort((a, b) => a - b);
  const expected = [...f.eigen!.values].sort((a, b) => a - b);
  return Math.max(...computed.map((v, i) => Math.abs(v - expected[i]))) / spectralScale(f);
}

/** max |∇²f(x) − ∇²f(y)| (a quadratic's symbolic Hessian is exactly constant). */
export const hessianVariation = (f: AnalyticFunction, x: Vector, y: Vector): number =>
  Math.max(...matrixDiff(f.hessian(x), f.hessian(y)).flat().map(Math.abs));

/** The float32 twin's value and gradient at x (cpu backend), as float64 numbers. */
export function twinAt(f: AnalyticFunction, x: Vector): { value: number; gradient: Vector } {
  return tf.tidy(() => {
    const params = fromFlat(x, f.layout.sizes.map((s) => [s]));
    const { value, grads } = f.tfObjective().valueAndGrad(params, { kind: 'clean', index: 0 });
    return { value: value.dataSync()[0], gradient: Array.from(toFlat(grads)) };
  });
}

/** Rounding scales of a float32 evaluation at x: value |f| + ‖g‖·r + ‖H‖_F·r², gradient ‖g‖ + ‖H‖_F·r, r = 1 + ‖x‖. */
function roundingScales(f: AnalyticFunction, x: Vector): { value: number; gradient: number } {
  const g = norm(f.gradient(x));
  const h = frobenius(f.hessian(x));
  const r = 1 + norm(x);
  return { value: Math.abs(f.value(x)) + g * r + h * r * r, gradient: g + h * r };
}

const isFiniteSum = (f: AnalyticFunction): f is FiniteSumFunction => typeof (f as FiniteSumFunction).perSample === 'function';

/**
 * A mean's float32 error is the mean of its terms' errors, which cancellation in the mean does
 * not reduce: finite sums use the mean of the per-sample scales.
 */
function twinScales(f: AnalyticFunction, x: Vector): { value: number; gradient: number } {
  if (!isFiniteSum(f)) return roundingScales(f, x);
  const each = Array.from({ length: f.batchSize }, (_, i) => roundingScales(f.slice(i, i + 1), x));
  const mean = (k: 'value' | 'gradient') => each.reduce((s, e) => s + e[k], 0) / each.length;
  return { value: mean('value'), gradient: mean('gradient') };
}

/** Twin-vs-oracle errors in units of u32 times the rounding scales. */
export function twinErrors(f: AnalyticFunction, x: Vector): { value: number; gradient: number } {
  const twin = twinAt(f, x);
  const scale = twinScales(f, x);
  return {
    value: ratio(Math.abs(twin.value - f.value(x)), U32 * scale.value),
    gradient: ratio(norm(diff(twin.gradient, f.gradient(x))), U32 * scale.gradient),
  };
}

/** Finite-sum identities, as relative errors in units of u64 times (1 + Σ|f_i|). */
export function finiteSumErrors(f: FiniteSumFunction, x: Vector): { mean: number; slice: number; weighted: number } {
  const terms = f.perSample(x);
  const scale = U64 * (1 + terms.reduce((s, t) => s + Math.abs(t), 0));
  const value = f.value(x);
  const m = f.batchSize;
  return {
    mean: Math.abs(terms.reduce((s, t) => s + t, 0) / m - value) / scale,
    slice: Math.abs(f.slice(0, m).value(x) - value) / scale,
    weighted: Math.abs(f.weighted(terms.map(() => 1 / m)).value(x) - value) / scale,
  };
}

/** Throws when `ratio` exceeds `tolerance` (so a claim works inside fc.property and fc.check alike). */
export function within(what: string, ratio: number, tolerance: number): void {
  if (!(ratio <= tolerance)) throw new Error(`${what}: error ratio ${ratio} exceeds ${tolerance}`);
}
