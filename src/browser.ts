/**
 * `samcheck/browser`: what trains, with nothing that needs Node — the drop-in optimizers, the
 * functional core and the backend fix layer. For a browser bundle (or a worker); the verifier,
 * the float64 oracles and the report live in the main entry, which needs Node.
 *
 *   import '@tensorflow/tfjs-backend-webgl';
 *   import { SamOptimizer, useBackend } from 'samcheck/browser';
 *   await useBackend({ backend: 'webgl' });
 *
 * Checked by properties/browser/training.ts (run by chromium.test.ts): bundled for the browser platform (a Node
 * built-in on this path fails the build) and trained in Chromium on webgl and webgpu.
 */
export { tf } from './tf.js';
export * from './errors.js';
export * from './backend/index.js';
export * from './optimizers/index.js';
export { createAlgorithm, initState, step, disposeReplaced, tensorsIn, type Algorithm, type AlgorithmState, type StepResult, type StepOptions } from './kernels/step.js';
export { algorithmNames, type AlgorithmConfig, type AlgorithmName } from './algorithms/index.js';
export { functionObjective, VariableObjective } from './kernels/objective.js';
