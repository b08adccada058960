/**
 * mathjs expressions in x1..xd: value, gradient and Hessian compiled once, on first use.
 * Derivatives use { simplify: false }: simplification explodes with several variables.
 */
import * as math from 'mathjs';
import type { Vector } from './types.js';

export interface Symbolic {
  value(x: Vector): number;
  gradient(x: Vector): Vector;
  hessian(x: Vector): number[][];
}

/** A float64 literal that parses back to the same double (String() round-trips). */
export const literal = (v: number): string => (v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v));

export const variable = (i: number): string => `x${i + 1}`;

/** Σ_i terms, or '0' when empty. */
export const sum = (terms: string[]): string => (terms.length === 0 ? '0' : terms.join(' + '));

/** Lazily computed value. */
export function lazy<T>(make: () => T): () => T {
  let cached: T | undefined;
  return () => (cached ??= make());
}

export function symbolic(expression: string, dim: number): Symbolic {
  const variables = Array.from({ length: dim }, (_, i) => variable(i));
  const scope = (x: Vector): Record<string, number> => {
    if (x.length !== dim) throw new RangeError(`expected a point of dimension ${dim}, got ${x.length}`);
    return Object.fromEntries(variables.map((v, i) => [v, x[i]]));
  };
  const node = math.parse(expression);
  const compiled = node.compile();
  const gradientNodes = lazy(() => variables.map((v) => math.derivative(node, v, { simplify: false })));
  const gradient = lazy(() => gradientNodes().map((g) => g.compile()));
  const hessian = lazy(() => gradientNodes().map((g) => variables.map((v) => math.derivative(g, v, { simplify: false }).compile())));
  const evaluate = (c: math.EvalFunction, s: Record<string, number>): number => Number(c.evaluate(s));
  return {
    value: (x) => evaluate(compiled, scope(x)),
    gradient: (x) => {
      const s = scope(x);
      return gradient().map((c) => evaluate(c, s));
    },
    hessian: (x) => {
      const s = scope(x);
      return hessian().map((row) => row.map((c) => evaluate(c, s)));
    },
  };
}
