import type { BaseHyperparameters } from '../config.js';
import type { GradientEstimator } from '../types.js';

/** What an algorithm knows about the parameters it will see (names matter for ASAM's presets). */
export interface ParameterInfo {
  names: string[];
}

/**
 * One algorithm = its own hyperparameters + the estimator they build. The base optimizer, the
 * non-finite guard and the L2 placement are shared and live in step.ts.
 */
export interface AlgorithmDefinition<C extends BaseHyperparameters & { algorithm: string } = BaseHyperparameters & { algorithm: string }> {
  readonly name: C['algorithm'];
  /** Keys this algorithm adds to BaseHyperparameters. */
  readonly keys: readonly string[];
  /** Fills defaults and validates the algorithm's own keys (throws InvalidArgumentError). */
  resolve(config: C): C;
  estimator(config: C, params: ParameterInfo): GradientEstimator;
  /** Gradient evaluations per step (forward-only probes are not counted). */
  gradientEvaluations(config: C): number;
}
