/**
 * samcheck: SAM and its variants as TensorFlow.js kernels, checked against float64 mathjs oracles.
 */
export { tf } from './tf.js';
export * from './errors.js';

// Backends and the fix layer (spec/backends.md)
export {
  useBackend,
  requestedBackend,
  BACKENDS,
  loadWebgpuBackend,
  setBackendFixes,
  fixesRequested,
  backendFixState,
  exactHvp,
  finiteDifferenceHvp,
  FD_STEP,
  type BackendName,
  type BackendOptions,
  type BackendFixOptions,
  type BackendFixState,
  type ScalarFunction,
} from './backend/index.js';

// Drop-in tf.Optimizers and the functional core (spec/algorithms.md, spec/family.md)
export * from './optimizers/index.js';
export { createAlgorithm, initState, step, disposeReplaced, tensorsIn, type Algorithm, type AlgorithmState, type StepResult, type StepOptions } from './kernels/step.js';
export { algorithmNames, registerAlgorithm } from './algorithms/index.js';
export type {
  AlgorithmConfig,
  AlgorithmName,
  AlgorithmDescriptor,
  SgdAlgorithmConfig,
  SamAlgorithmConfig,
  UsamAlgorithmConfig,
  AsamAlgorithmConfig,
  MultiStepSamAlgorithmConfig,
  XsamAlgorithmConfig,
  MSamAlgorithmConfig,
  NSamAlgorithmConfig,
  RwSamAlgorithmConfig,
} from './algorithms/index.js';
export type { BaseHyperparameters } from './kernels/config.js';
export { functionObjective, countingObjective, observeObjective, VariableObjective } from './kernels/objective.js';
export { finiteSumObjective, type PerSampleLoss, type FiniteSumOptions } from './kernels/finite_sum.js';
export { fixedPathLength, projectedSteps, runAscent, multiStepGradient, type AscentSchedule } from './kernels/ascent.js';
export { xsamGradient, alphaGrid, angleBetween, slerp, chooseAlpha } from './kernels/xsam.js';
export { microBatchGradient, fullDataPerturbation } from './kernels/microbatch.js';
export { reweightedGradient, gibbsWeights } from './kernels/rwsam.js';
export type { Objective, PassInfo, PassKind, StepInfo, GradientEstimator, BaseOptimizer } from './kernels/types.js';

// The verifier, oracles, analysis and reports load from 'samcheck/verify' (mathjs, fast-check); vitest helpers from 'samcheck/vitest'.
