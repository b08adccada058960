import { tf } from '../tf.js';
import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import { sgd } from './base.js';
import { checkKeys, resolveBase, sgdConfigOf, type BaseHyperparameters } from './config.js';
import { algorithmDefinition, type AlgorithmConfig, type ParameterInfo } from './algorithms/index.js';
import { withL2 } from './estimators.js';
import { allFinite } from './tree.js';
import type { BaseOptimizer, GradientEstimator, Objective, StepContext, StepInfo, Tree } from './types.js';

/** A resolved algorithm: validated config (defaults filled in) + its two transformations. */
export interface Algorithm {
  readonly config: AlgorithmConfig & Required<BaseHyperparameters>;
  readonly estimator: GradientEstimator;
  readonly base: BaseOptimizer;
  /** Gradient evaluations one step makes. */
  readonly gradientEvaluations: number;
}

export interface AlgorithmState {
  iteration: number;
  estimator: unknown;
  base: unknown;
}

export interface StepResult {
  params: Tree;
  state: AlgorithmState;
  info: StepInfo;
  /** True when onNonFinite = 'skip' dropped the step (params are then the inputs). */
  skipped: boolean;
}

export function createAlgorithm(config: AlgorithmConfig, params: ParameterInfo): Algorithm {
  if (config === null || typeof config !== 'object') throw new InvalidArgumentError('config', config, 'an object');
  const definition = algorithmDefinition(config.algorithm);
  checkKeys(config, definition.keys);
  const base = resolveBase(config);
  const resolved = definition.resolve({ ...config, ...base });
  return {
    config: resolved as Algorithm['config'],
    estimator: definition.estimator(resolved, params),
    base: sgd(sgdConfigOf(base)),
    gradientEvaluations: definition.gradientEvaluations(resolved),
  };
}

export function initState(algorithm: Algorithm, params: Tree): AlgorithmState {
  return { iteration: 0, estimator: algorithm.estimator.init(params), base: algorithm.base.init(params) };
}

export interface StepOptions {
  /** Keep diagnostic tensors (perturbation, ascent points, gradients) in the result. */
  record?: boolean;
}

/**
 * The functional core: one outer iteration. Pure: it never disposes or mutates its inputs;
 * every tensor it returns is new (or an input, when a step is skipped). Intermediates are freed.
 */
export function step(algorithm: Algorithm, params: Tree, objective: Objective, state: AlgorithmState, options: StepOptions = {}): StepResult {
  const { weightDecay, weightDecayIn, onNonFinite } = algorithm.config;
  const effective = weightDecayIn === 'loss' && weightDecay > 0 ? withL2(objective, weightDecay) : objective;
  const ctx: StepContext = { iteration: state.iteration, record: options.record ?? false, passCounter: { next: 0 } };
  let skipped = false;
  const out = tf.tidy(() => {
    const est = algorithm.estimator.estimate(params, effective, state.estimator, ctx);
    const finiteLoss = allFinite([est.info.loss]);
    if (!finiteLoss || !allFinite(est.grads)) {
      const what = finiteLoss ? 'gradient' : 'loss';
      if (onNonFinite === 'skip') {
        skipped = true;
        return { params, state, info: { loss: est.info.loss } } as never;
      }
      throw new NonFiniteError(what, finiteLoss ? 'NaN/Infinity' : est.info.loss.dataSync()[0], `in the ${what} at iteration ${state.iteration}; parameters left unchanged`);
    }
    const next = algorithm.base.update(est.grads, state.base, params, state.iteration);
    const newState: AlgorithmState = { iteration: state.iteration + 1, estimator: est.state, base: next.state };
    return { params: next.params, state: newState, info: est.info } as never;
  }) as unknown as { params: Tree; state: AlgorithmState; info: StepInfo };
  return { ...out, skipped };
}

/** Every tensor inside a value (state, info), for disposal. */
export function tensorsIn(value: unknown, out: tf.Tensor[] = []): tf.Tensor[] {
  if (value instanceof tf.Tensor) out.push(value);
  else if (Array.isArray(value)) for (const v of value) tensorsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) tensorsIn(v, out);
  return out;
}
