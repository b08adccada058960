/** fast-check arbitraries for the analytic oracle functions, points, layouts and hyperparameters. */
export { real, logUniform, vector, point, dimension, toFloat32, type PointOptions } from './numbers.js';
export { spectrum, householderReflections, orthogonalMatrix, quadraticSpec, type SpectrumOptions, type QuadraticOptions } from './spectra.js';
export {
  linearSpec,
  rosenbrockSpec,
  quarticSpec,
  scaleSymmetricSpec,
  quadraticFunctionSpec,
  smoothSpec,
  finiteSumSpec,
  batchAndMicro,
  built,
  quadraticFunction,
  analyticFunction,
  finiteSumFunction,
  type FiniteSumOptions,
} from './functions.js';
export { layout } from './layout.js';
export { hyperparameters, type Hyperparameters, type HyperparameterRanges } from './hyperparameters.js';
