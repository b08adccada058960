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

// Oracles (float64, mathjs; spec/functions.md)
export { oracleStep, initialOracleState, type Layout } from './oracle/algorithms.js';
export type { OracleObjective, Vector } from './oracle/objective.js';
export * from './oracle/functions/index.js';
export { quadraticBallMaximizer, numericalBallMaximizer } from './oracle/maximizer/index.js';

// Analysis: SAM-edge, direction quality, sharpness (spec/claims.md)
export { claims, checkClaims, type Claim, type ClaimReport, type ClaimResult, type ClaimRunOptions, type ClaimStatus } from './analysis/claims.js';
export { samEdge, samEdgeTensor, usamEdge, gdEdge, momentumEdge } from './analysis/edges.js';
export { compareDirections, directionQuality } from './analysis/direction.js';
export { powerIteration, lanczos, finiteDifferenceHvp as objectiveHvp } from './analysis/hessian.js';

// Verifying other implementations (spec/protocol.md); the vitest entry is 'samcheck/vitest'
export * from './verify/index.js';

// Reports (spec/benchmarks.md)
export { runReport, type ReportOptions, type ReportResult } from './report/index.js';
