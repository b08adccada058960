/**
 * Deliberately broken variants of the oracle library (TEST ONLY). Each mimics a plausible slip;
 * every oracle property is run against one and must fail there (spec/functions.md, "Caught").
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { logistic, quadratic, type AnalyticFunction, type FiniteSumFunction, type QuadraticSpec, type RegressionSpec } from '../../src/oracle/functions/index.js';
import { transpose } from '../../src/oracle/functions/orthogonal.js';

/** ∂f/∂x1 with the wrong sign. */
export const gradientSignSlip = (f: AnalyticFunction): AnalyticFunction => ({
  ...f,
  gradient: (x) => f.gradient(x).map((g, i) => (i === 0 ? -g : g)),
});

/** The Hessian at the origin instead of at x (a stale, cached Hessian). */
export const staleHessian = (f: AnalyticFunction): AnalyticFunction => ({ ...f, hessian: (x) => f.hessian(x.map(() => 0)) });

/** eigen.vectors holding the rows of Q instead of its columns (a transposed rotation). */
export const transposedEigenvectors = (f: AnalyticFunction): AnalyticFunction => ({
  ...f,
  eigen: { values: f.eigen!.values, vectors: transpose(f.eigen!.vectors) },
});

/** 2·L whose eigen field was not rescaled. */
export const unscaledEigen = (f: AnalyticFunction): AnalyticFunction => ({ ...f.scaled(2), eigen: f.eigen! });

/** The twin built from Qᵀ: the Householder reflections applied in reverse order. */
export const twinWithTransposedRotation = (spec: QuadraticSpec): AnalyticFunction => ({
  ...quadratic(spec),
  tfObjective: () => quadratic({ ...spec, reflections: [...spec.reflections].reverse() }).tfObjective(),
});

/** The logistic twin with the label sign dropped: log(1 + exp(+y·aᵀx)). */
export const twinWithFlippedLabels = (spec: RegressionSpec): AnalyticFunction => ({
  ...logistic(spec),
  tfObjective: () => logistic({ ...spec, targets: spec.targets.map((y) => -y) }).tfObjective(),
});

/** The batch loss as a sum of per-sample terms instead of their mean. */
export const sumInsteadOfMean = (f: FiniteSumFunction): FiniteSumFunction => ({ ...f, value: (x) => f.batchSize * f.value(x) });

/** slice(s, e) taking data rows [s + 1, e + 1) (an off-by-one offset). */
export const sliceOffByOne = (f: FiniteSumFunction): FiniteSumFunction => ({ ...f, slice: (s, e) => f.full().slice(s + 1, e + 1) });

/** weighted(p) multiplying the weights by the batch size (the Keras "sum over splits" slip, properties.md C5). */
export const weightsTimesBatch = (f: FiniteSumFunction): FiniteSumFunction => ({ ...f, weighted: (w) => f.weighted(w.map((p) => p * f.batchSize)) });

/** The property must find a counterexample (no shrinking: only the verdict matters). */
export function failsOn<T>(arb: fc.Arbitrary<T>, claim: (t: T) => void, numRuns = 100): void {
  const result = fc.check(fc.property(arb, claim), { numRuns, endOnFailure: true, seed: 7 });
  expect(result.failed, 'the property must fail on the deliberately broken variant').toBe(true);
}
