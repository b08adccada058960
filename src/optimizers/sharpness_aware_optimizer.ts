import { tf, type Scalar, type Variable } from '../tf.js';
import { InvalidArgumentError } from '../errors.js';
import { baseFromTfOptimizer, isTfOptimizer } from '../bases/from_tf.js';
import type { AlgorithmConfig } from '../algorithms/index.js';
import { VariableObjective } from '../kernels/objective.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn, type Algorithm, type AlgorithmState, type StepResult } from '../kernels/step.js';

/**
 * Any algorithm of the family as a drop-in `tf.Optimizer`: `optimizer.minimize(f)` and
 * `model.compile({ optimizer })` / `model.fit` both work, because tfjs-layers calls
 * `minimize(lossClosure, true, trainableWeights)` once per batch and a SAM-type step needs
 * exactly that: a closure it can evaluate at several points.
 */
export class SharpnessAwareOptimizer extends tf.Optimizer {
  static className = 'SharpnessAwareOptimizer';
  private algorithm: Algorithm | null = null;
  private state: AlgorithmState | null = null;
  private variableNames: string[] = [];
  /** Tensors the loss closure kept on the last step's extra passes (tfjs-layers metrics), freed at the next step. */
  private extraPassTensors: tf.Tensor[] = [];
  /** The last step's result info (diagnostics), for callers that want them. */
  lastStep: { skipped: boolean } = { skipped: false };

  readonly config: AlgorithmConfig;

  constructor(config: AlgorithmConfig) {
    super();
    // A tf.train optimizer as the base is kept as the base spec that reproduces it, so that
    // getConfig() round-trips through JSON (model.save) and the config holds no live object.
    this.config = config !== null && typeof config === 'object' && isTfOptimizer(config.base) ? { ...config, base: baseFromTfOptimizer(config.base) } : config;
    config = this.config;
    // Validate eagerly so a bad config fails at construction, not at the first batch. ASAM's
    // explicit per-tensor flags can only be matched to the variables at the first minimize.
    const flags = (config as { adaptive?: unknown }).adaptive;
    createAlgorithm(config, { names: Array.isArray(flags) ? flags.map((_, i) => `param${i}`) : [] });
  }

  override minimize(f: () => Scalar, returnCost = false, varList?: Variable[]): Scalar | null {
    this.releaseExtraPassTensors();
    const variables = varList ?? (Object.values(tf.engine().registeredVariables) as Variable[]).filter((v) => v.trainable);
    if (variables.length === 0) throw new InvalidArgumentError('varList', [], 'at least one trainable variable', 'INVALID_ARGUMENT');
    this.ensureState(variables);
    const objective = new VariableObjective(f, variables);
    this.extraPassTensors = objective.keptByExtraPasses;
    // Clones share the variables' buffers: θ_0 is kept exactly, no copy is made.
    const theta0 = variables.map((v) => tf.clone(v));
    let result: StepResult;
    try {
      result = step(this.algorithm!, theta0, objective, this.state!);
    } catch (err) {
      objective.restore(theta0);
      tf.dispose(theta0);
      throw err;
    }
    objective.restore(theta0);
    if (!result.skipped) variables.forEach((v, i) => v.assign(result.params[i]));
    this.replaceState(result.state);
    const loss = result.info.loss;
    this.lastStep = { skipped: result.skipped };
    tf.dispose([...theta0, ...(result.skipped ? [] : result.params), ...tensorsIn({ ...result.info, loss: undefined })]);
    this.incrementIterations();
    if (returnCost) return loss;
    loss.dispose();
    return null;
  }

  private releaseExtraPassTensors(): void {
    for (const t of this.extraPassTensors) if (!t.isDisposed) t.dispose();
    this.extraPassTensors = [];
  }

  private ensureState(variables: Variable[]): void {
    const names = variables.map((v) => v.name);
    if (this.algorithm !== null && names.length === this.variableNames.length && names.every((n, i) => n === this.variableNames[i])) return;
    if (this.state !== null) tf.dispose(tensorsIn(this.state));
    this.variableNames = names;
    this.algorithm = createAlgorithm(this.config, { names });
    this.state = this.keepState(initState(this.algorithm, variables));
  }

  /** Optimizer state must outlive any tidy the caller runs minimize in (model.fit does). */
  private keepState(state: AlgorithmState): AlgorithmState {
    for (const t of tensorsIn(state)) tf.keep(t);
    return state;
  }

  private replaceState(next: AlgorithmState): void {
    disposeReplaced(this.state, next);
    this.state = this.keepState(next);
  }

  override applyGradients(): void {
    throw new InvalidArgumentError(
      'applyGradients',
      'called',
      'minimize(f): a sharpness-aware step evaluates the loss at several points, so it needs the loss closure, not precomputed gradients',
      'INVALID_ARGUMENT',
    );
  }

  override dispose(): void {
    super.dispose();
    this.releaseExtraPassTensors();
    if (this.state !== null) tf.dispose(tensorsIn(this.state));
    this.state = null;
    this.algorithm = null;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return JSON.parse(JSON.stringify(this.config)) as tf.serialization.ConfigDict;
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config as never);
  }
}

tf.serialization.registerClass(SharpnessAwareOptimizer);
