/** The analytic oracle function library: every family, and a builder from plain data. */
import { InvalidArgumentError } from '../../errors.js';
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

type Builder<F extends FunctionSpec['family']> = (spec: Extract<FunctionSpec, { family: F }>['spec'], options: BuildOptions) => AnalyticFunction;

const BUILDERS: { [F in FunctionSpec['family']]: Builder<F> } = {
  quadratic,
  linear,
  rosenbrock,
  quartic,
  'scale-symmetric': scaleSymmetric,
  'least-squares': leastSquares,
  logistic,
  'quadratic-sum': quadraticSum,
};

/** Builds any family from its plain-data spec (e.g. parsed JSON). */
export function buildFunction(f: FunctionSpec, options: BuildOptions = {}): AnalyticFunction {
  const build = BUILDERS[f.family] as Builder<typeof f.family> | undefined;
  if (build === undefined) throw new InvalidArgumentError('family', f.family, `one of ${Object.keys(BUILDERS).join(', ')}`, 'INVALID_ARGUMENT');
  return build(f.spec as never, options);
}
