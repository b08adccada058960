/**
 * samcheck: SAM and its variants as TensorFlow.js kernels, checked against float64 mathjs oracles.
 */
export { tf } from './tf.js';
export * from './errors.js';
export { useBackend, requestedBackend, BACKENDS, type BackendName, type BackendOptions } from './backend/index.js';
export * from './optimizers/index.js';
export { createAlgorithm, initState, step, type Algorithm, type AlgorithmState, type StepResult, type StepOptions } from './kernels/step.js';
export { algorithmNames, registerAlgorithm } from './kernels/algorithms/index.js';
export type { AlgorithmConfig, AlgorithmName, SgdAlgorithmConfig, SamAlgorithmConfig, UsamAlgorithmConfig, AsamAlgorithmConfig } from './kernels/algorithms/index.js';
export type { BaseHyperparameters } from './kernels/config.js';
export { functionObjective, countingObjective, VariableObjective } from './kernels/objective.js';
export type { Objective, PassInfo, PassKind, StepInfo, GradientEstimator, BaseOptimizer } from './kernels/types.js';
export { oracleStep, initialOracleState, type Layout } from './oracle/algorithms.js';
export type { OracleObjective, Vector } from './oracle/objective.js';
