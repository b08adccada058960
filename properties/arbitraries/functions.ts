/**
 * Function arbitraries. Specs are plain data; the function arbitraries build them and print
 * the spec (and layout) when fast-check reports a counterexample, so a failure can be replayed.
 */
import fc from 'fast-check';
import {
  buildFunction,
  type AnalyticFunction,
  type FiniteSumFunction,
  type FunctionSpec,
  type Layout,
  type QuadraticKind,
} from '../../src/oracle/functions/index.js';
import { dimension, logUniform, real, vector } from './numbers.js';
import { quadraticSpec, type QuadraticOptions } from './spectra.js';
import { layout as layoutOf } from './layout.js';

const matrix = (rows: number, cols: number, box = 1) => fc.array(vector(cols, box), { minLength: rows, maxLength: rows });

export const linearSpec = (dim = dimension()): fc.Arbitrary<FunctionSpec> =>
  dim.chain((d) => fc.record({ a: vector(d, 2), b: real(-1, 1) })).map((spec) => ({ family: 'linear', spec }));

/** Stiffness b ∈ [1, maxStiffness] (default 10; 100 is the classic valley). */
export const rosenbrockSpec = (options: { dim?: fc.Arbitrary<number>; maxStiffness?: number } = {}): fc.Arbitrary<FunctionSpec> =>
  fc
    .record({ dim: options.dim ?? fc.integer({ min: 2, max: 4 }), a: real(0.5, 1.5), b: logUniform(1, options.maxStiffness ?? 10) })
    .map((spec) => ({ family: 'rosenbrock', spec }));

export const quarticSpec = (options: QuadraticOptions = {}): fc.Arbitrary<FunctionSpec> =>
  quadraticSpec('spd', options)
    .chain((quadratic) => fc.record({ quartic: vector(quadratic.center.length, 1).map((q) => q.map(Math.abs)), quadratic: fc.constant(quadratic) }))
    .map((spec) => ({ family: 'quartic', spec }));

export const scaleSymmetricSpec = (pairs = fc.integer({ min: 1, max: 2 })): fc.Arbitrary<FunctionSpec> =>
  pairs.chain((k) => vector(k, 2)).map((targets) => ({ family: 'scale-symmetric', spec: { targets } }));

export const quadraticFunctionSpec = (kind: QuadraticKind, options: QuadraticOptions = {}): fc.Arbitrary<FunctionSpec> =>
  quadraticSpec(kind, options).map((spec) => ({ family: 'quadratic', spec }));

/** Any smooth (non-finite-sum) family. */
export const smoothSpec = (dim = dimension({ min: 2, max: 4 })): fc.Arbitrary<FunctionSpec> =>
  fc.oneof(
    quadraticFunctionSpec('spd', { dim }),
    quadraticFunctionSpec('psd', { dim }),
    quadraticFunctionSpec('indefinite', { dim }),
    linearSpec(dim),
    rosenbrockSpec(),
    quarticSpec({ dim }),
    scaleSymmetricSpec(),
  );

/** A batch size b and a micro-batch size m dividing it (m-SAM); shrinks toward b = 1. */
export const batchAndMicro = (sizes: number[] = [1, 2, 3, 4, 6, 8]): fc.Arbitrary<{ batch: number; micro: number }> =>
  fc
    .constantFrom(...sizes)
    .chain((batch) => fc.record({ batch: fc.constant(batch), micro: fc.constantFrom(...divisors(batch)) }));

const divisors = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1).filter((m) => n % m === 0);

export interface FiniteSumOptions {
  family?: 'least-squares' | 'logistic' | 'quadratic-sum';
  dim?: fc.Arbitrary<number>;
  batch?: fc.Arbitrary<number>;
  /** Rows beyond the batch (the rest of the data set, for `full`); default 0..2. */
  extraRows?: fc.Arbitrary<number>;
  /** quadratic-sum: shifts ≥ 0.05 so that every A_i is positive definite (default: shifts in [−0.5, 0.5]). */
  convex?: boolean;
}

export function finiteSumSpec(options: FiniteSumOptions = {}): fc.Arbitrary<FunctionSpec> {
  const families = options.family ? [options.family] : (['least-squares', 'logistic', 'quadratic-sum'] as const);
  return fc
    .record({
      family: fc.constantFrom(...families),
      d: options.dim ?? dimension({ min: 1, max: 4 }),
      batch: options.batch ?? fc.integer({ min: 1, max: 6 }),
      extra: options.extraRows ?? fc.integer({ min: 0, max: 2 }),
    })
    .chain(({ family, d, batch, extra }): fc.Arbitrary<FunctionSpec> => {
      const n = batch + extra;
      if (family === 'quadratic-sum') {
        const shift = options.convex ? real(0.05, 0.5) : real(-0.5, 0.5);
        return fc
          .record({ factors: fc.array(matrix(d, d), { minLength: n, maxLength: n }), shifts: fc.array(shift, { minLength: n, maxLength: n }), centers: matrix(n, d) })
          .map((spec) => ({ family, spec: { ...spec, batch } }));
      }
      const targets = family === 'logistic' ? fc.constantFrom(1, -1) : real(-1, 1);
      return fc
        .record({ features: matrix(n, d), targets: fc.array(targets, { minLength: n, maxLength: n }) })
        .map((spec) => ({ family, spec: { ...spec, batch } }));
    });
}

/** Builds a spec arbitrary into functions (with a random layout unless `layout: false`) that print as their spec. */
export function built<F extends AnalyticFunction = AnalyticFunction>(specs: fc.Arbitrary<FunctionSpec>, options: { layout?: boolean } = {}): fc.Arbitrary<F> {
  return specs
    .chain((spec) => {
      const f = buildFunction(spec);
      return (options.layout === false ? fc.constant(f.layout) : layoutOf(f.dim)).map((layout: Layout) => ({ spec, layout }));
    })
    .map(({ spec, layout }) => {
      const f = buildFunction(spec, { layout });
      return Object.assign(f, { [fc.toStringMethod]: () => `${f.name} ${JSON.stringify({ ...spec, layout })}` }) as unknown as F;
    });
}

export const quadraticFunction = (kind: QuadraticKind, options: QuadraticOptions = {}) => built(quadraticFunctionSpec(kind, options));
export const analyticFunction = (dim?: fc.Arbitrary<number>) => built(smoothSpec(dim));
export const finiteSumFunction = (options: FiniteSumOptions = {}) => built<FiniteSumFunction>(finiteSumSpec(options));
