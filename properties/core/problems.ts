/**
 * The core properties' test problems: a function from the shared analytic library (every smooth
 * family, random layout) and a float32 starting point θ₀ ∈ [−2, 2]^d (spec/properties.md).
 */
import fc from 'fast-check';
import { built, point, smoothSpec } from '../arbitraries/index.js';
import type { AnalyticFunction } from '../../src/oracle/functions/index.js';

export interface CoreProblem {
  f: AnalyticFunction;
  theta0: number[];
}

export interface ProblemOptions {
  /** Dimensions d kept (default 2..5: whatever the library's smooth families draw). */
  dims?: { min: number; max: number };
}

/** The single place the core properties draw their functions and points from. */
export const coreProblem = (options: ProblemOptions = {}): fc.Arbitrary<CoreProblem> => {
  const dims = options.dims ?? { min: 2, max: 5 };
  return built(smoothSpec(fc.integer(dims)))
    .filter((f) => f.dim >= dims.min && f.dim <= dims.max)
    .chain((f) => point(f.dim).map((theta0) => ({ f, theta0 })));
};
