import { tf } from '../tf.js';
import { InvalidArgumentError, NonFiniteError, SamcheckError } from '../errors.js';
import { baseKernel, checkKeys, resolveBase, type BaseHyperparameters } from './config.js';
import { descriptorOf, ownKeys } from '../algorithms/registry.js';
import type { AlgorithmConfig } from '../algorithms/index.js';
import type { ParameterInfo } from '../algorithms/descriptor.js';
import type { ResolvedAlgorithmConfig } from '../algorithms/descriptor.js';
import { withL2 } from './estimators.js';
import { observeObjective } from './objective.js';
import { allFinite } from './tree.js';
import type { BaseOptimizer, GradientEstimator, Objective, StepContext, StepInfo, Tree } from './types.js';

/** A resolved algorithm: validated config (defaults filled in) + its two transformations. */
export interface Algorithm {
  readonly config: ResolvedAlgorithmConfig;
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

export function createAlgorithm(config: AlgorithmConfig | (BaseHyperparameters & { algorithm: string }), params: ParameterInfo): Algorithm {
  if (config === null || typeof config !== 'object') throw new InvalidArgumentError('config', config, 'an object');
  const { kernel } = descriptorOf(config.algorithm);
  const keys = ownKeys(descriptorOf(config.algorithm));
  checkKeys(config, keys);
  const base = resolveBase(config);
  const given = Object.fromEntries(keys.map((k) => [k, (config as unknown as Record<string, unknown>)[k]]));
  const own = kernel.resolve(given);
  return {
    config: { ...config, ...base, ...own, algorithm: config.algorithm },
    estimator: kernel.estimator(own, params),
    base: baseKernel(base),
    gradientEvaluations: kernel.gradientEvaluations(own),
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
  checkParams(params);
  const { weightDecay, weightDecayIn, onNonFinite } = algorithm.config;
  // Every pass's gradients are checked as the objective returns them, before an estimator or the
  // L2 term combines them with θ (a wrong count or shape would otherwise escape as a tfjs error).
  const checked = observeObjective(objective, { gradient: (_p, _v, grads) => checkGradientShapes(params, grads) });
  const withDecay = weightDecayIn === 'loss' && weightDecay > 0 ? withL2(checked, weightDecay) : checked;
  // Every pass's loss is checked, not only the clean one: a NaN loss at an ascent point makes
  // the gradient taken there meaningless even when it is finite.
  const passLosses: tf.Scalar[] = [];
  const effective = observeObjective(withDecay, { gradient: (_p, v) => passLosses.push(v), forward: (_p, v) => passLosses.push(v) });
  const ctx: StepContext = { iteration: state.iteration, record: options.record ?? false, passCounter: { next: 0 } };
  let skipped = false;
  const out = tf.tidy(() => {
    const est = algorithm.estimator.estimate(params, effective, state.estimator, ctx);
    const updated = algorithm.base.update(est.grads, state.base, params, state.iteration);
    const next = est.decoupled ? { ...updated, params: updated.params.map((p, i) => tf.sub(p, tf.mul(est.decoupled![i], algorithm.config.learningRate))) } : updated;
    // One device read checks everything; the culprit is looked up only on failure.
    if (!allFinite([...passLosses, ...est.grads, ...next.params])) {
      const what = !allFinite(passLosses) ? 'loss' : !allFinite(est.grads) ? 'gradient' : 'updated parameters';
      if (onNonFinite === 'skip') {
        skipped = true;
        return { params, state, info: { loss: est.info.loss } } as never;
      }
      const value = what === 'loss' ? passLosses.map((l) => l.dataSync()[0]).find((v) => !Number.isFinite(v)) : 'NaN/Infinity';
      throw new NonFiniteError(what, value, `in the ${what} at iteration ${state.iteration}; parameters left unchanged`);
    }
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

function checkParams(params: Tree): void {
  if (!Array.isArray(params) || params.length === 0) {
    throw new InvalidArgumentError('params', params, 'a non-empty array of tensors', 'INVALID_ARGUMENT');
  }
  params.forEach((p, i) => {
    if (!(p instanceof tf.Tensor) || p.isDisposed) throw new InvalidArgumentError(`params[${i}]`, typeof p, 'a live tf.Tensor', 'INVALID_ARGUMENT');
    if (p.dtype !== 'float32') throw new InvalidArgumentError(`params[${i}].dtype`, p.dtype, "'float32'", 'INVALID_ARGUMENT');
  });
}

function checkGradientShapes(params: Tree, grads: Tree): void {
  if (grads.length !== params.length) {
    throw new SamcheckError('SHAPE_MISMATCH', 'gradients', grads.length, `the objective returned ${grads.length} gradients for ${params.length} parameter tensors`);
  }
  grads.forEach((g, i) => {
    const a = params[i].shape;
    if (g.shape.length !== a.length || g.shape.some((d, j) => d !== a[j])) {
      throw new SamcheckError('SHAPE_MISMATCH', `gradients[${i}].shape`, g.shape, `expected [${a.join(', ')}] (the shape of params[${i}])`);
    }
  });
}

/** Disposes the tensors of a state that the next state no longer holds (callers of the pure `step` own both). */
export function disposeReplaced(previous: unknown, next: unknown): void {
  const keep = new Set(tensorsIn(next));
  for (const t of tensorsIn(previous)) if (!keep.has(t) && !t.isDisposed) t.dispose();
}
