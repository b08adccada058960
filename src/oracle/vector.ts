/**
 * The one float64 vector module: the arithmetic the oracles (algorithms and bases) and the
 * references share, on plain arrays (readability over speed; no tfjs, no mathjs).
 */
import type { Vector } from './objective.js';

export type { Vector };

export const plus = (a: Vector, b: Vector): Vector => a.map((x, i) => x + b[i]);
export const minus = (a: Vector, b: Vector): Vector => a.map((x, i) => x - b[i]);
export const times = (s: number, a: Vector): Vector => a.map((x) => s * x);
export const dot = (a: Vector, b: Vector): number => a.reduce((s, x, i) => s + x * b[i], 0);
/** ‖a‖ without overflow or underflow for any finite a. */
export const length = (a: Vector): number => Math.hypot(...a);
/** a/(‖a‖ + ε). */
export const unit = (a: Vector, epsilon: number): Vector => times(1 / (length(a) + epsilon), a);
export const mean = (vs: Vector[]): Vector => vs[0].map((_, j) => vs.reduce((s, v) => s + v[j], 0) / vs.length);
/** ∠(a, b) = 2·atan2(‖â − b̂‖, ‖â + b̂‖) for unit a, b (properties.md, robust numerics). */
export const angle = (a: Vector, b: Vector): number => 2 * Math.atan2(length(minus(a, b)), length(plus(a, b)));
export const zeros = (n: number): Vector => new Array<number>(n).fill(0);
export const filled = (n: number, value: number): Vector => new Array<number>(n).fill(value);
/** Elementwise a·b, a/b, a², √a, a + c, max(a, b). */
export const mul = (a: Vector, b: Vector): Vector => a.map((x, i) => x * b[i]);
export const div = (a: Vector, b: Vector): Vector => a.map((x, i) => x / b[i]);
export const square = (a: Vector): Vector => a.map((x) => x * x);
export const sqrt = (a: Vector): Vector => a.map(Math.sqrt);
export const shift = (a: Vector, c: number): Vector => a.map((x) => x + c);
export const maximum = (a: Vector, b: Vector): Vector => a.map((x, i) => Math.max(x, b[i]));
/** a + s·b */
export const axpy = (a: Vector, s: number, b: Vector): Vector => a.map((x, i) => x + s * b[i]);
