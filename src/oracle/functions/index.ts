/** The analytic oracle function library: every family, and a builder from plain data. */
import { leastSquares, logistic } from './regression.js';
import { linear } from './linear.js';
import { quadratic } from './quadratic.js';
import { quadraticSum } from './quadratic_sum.js';
import { quartic } from './quartic.js';
import { rosenbrock } from './rosenbrock.js';
import { scaleSymmetric } from './scale_symmetric.js';
import type { AnalyticFunction, BuildOptions, FunctionSpec } from './types.js';

export * from './types.js';
export { quadratic, isotropicQuadratic, quadraticKind } from './quadratic.js';
export { linear } from './linear.js';
export { rosenbrock } from './rosenbrock.js';
export { quartic } from './quartic.js';
export { scaleSymmetric, scaleSymmetry } from './scale_symmetric.js';
export { leastSquares, logistic } from './regression.js';
export { quadraticSum, sampleMatrix } from './quadratic_sum.js';
export { householderProduct, spectralMatrix } from './orthogonal.js';
export { smoothFunction, type SmoothDefinition } from './smooth.js';
export { finiteSumFunction, type FiniteSumDefinition } from './finite_sum.js';

/** Builds any family from its plain-data spec (e.g. parsed JSON). */
export function buildFunction(f: FunctionSpec, options: BuildOptions = {}): AnalyticFunction {
  switch (f.family) {
    case 'quadratic':
      return quadratic(f.spec, options);
    case 'linear':
      return linear(f.spec, options);
    case 'rosenbrock':
      return rosenbrock(f.spec, options);
    case 'quartic':
      return quartic(f.spec, options);
    case 'scale-symmetric':
      return scaleSymmetric(f.spec, options);
    case 'least-squares':
      return leastSquares(f.spec, options);
    case 'logistic':
      return logistic(f.spec, options);
    case 'quadratic-sum':
      return quadraticSum(f.spec, options);
  }
}
