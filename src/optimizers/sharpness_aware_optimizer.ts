import { tf, type Scalar, type Variable } from '../tf.js';
import { InvalidArgumentError } from '../errors.js';
import { baseFromTfOptimizer, isTfOptimizer } from '../bases/from_tf.js';
import type { AlgorithmConfig } from '../algorithms/index.js';
import { VariableObjective } from '../kernels/objective.js';
import { configAt, frozenConfig, SCHEDULABLE, type Schedulable, type Schedule, type Scheduled } from './schedule.js';
import { stateFromWeights, stateWeights, type NamedTensor, type SavedState } from './state_codec.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn, type Algorithm, type AlgorithmState, type StepResult } from '../kernels/step.js';

/**
 * Any algorithm of the family as a drop-in `tf.Optimizer`: `optimizer.minimize(f)` and
 * `model.compile({ optimizer })` / `model.fit` both work, because tfjs-layers calls
 * `minimize(lossClosure, true, trainableWeights)` once per batch and a SAM-type step needs
 * exactly that: a closure it can evaluate at several points.
 */
/** A drop-in optimizer's config: an algorithm config whose learningRate and rho may be schedules. */
export type OptimizerConfig = Scheduled<AlgorithmConfig>;

export class SharpnessAwareOptimizer extends tf.Optimizer {
  static className = 'SharpnessAwareOptimizer';
  private algorithm: Algorithm | null = null;
  private state: AlgorithmState | null = null;
  private variableNames: string[] = [];
  private variableShapes: number[][] = [];
  /** Tensors the loss closure kept on the last step's extra passes (tfjs-layers metrics), freed at the next step. */
  private extraPassTensors: tf.Tensor[] = [];
  /** A state given to setWeights before the variables are known; adopted (by position) at the next minimize. */
  private pending: SavedState | null = null;
  /** The two bookkeeping tensors of the last getWeights (the state tensors themselves are the live ones). */
  private lastExport: tf.Tensor[] = [];
  /** The last step's result info (diagnostics), for callers that want them. */
  lastStep: { skipped: boolean } = { skipped: false };

  /** The config as constructed, read-only (assigning to it throws; use setLearningRate / setRho). */
  readonly config: Readonly<OptimizerConfig>;
  /** setLearningRate / setRho values, in force over the config's. */
  private overrides: Partial<Record<Schedulable, number | Schedule>> = {};
  /** The hyperparameter values the current `algorithm` was built with. */
  private builtWith = '';

  constructor(config: OptimizerConfig) {
    super();
    if (config === null || typeof config !== 'object') throw new InvalidArgumentError('config', config, 'an object');
    // A tf.train optimizer as the base is kept as the base spec that reproduces it, so that
    // getConfig() round-trips through JSON (model.save) and the config holds no live object.
    this.config = frozenConfig(isTfOptimizer(config.base) ? { ...config, base: baseFromTfOptimizer(config.base) } : config);
    this.validate();
  }

  /** Validate eagerly so a bad config fails at construction (or setLearningRate), not at the first batch. */
  private validate(): void {
    // ASAM's explicit per-tensor flags can only be matched to the variables at the first minimize.
    const flags = (this.config as { adaptive?: unknown }).adaptive;
    createAlgorithm(this.hyperparametersAt(this.iterations), { names: Array.isArray(flags) ? flags.map((_, i) => `param${i}`) : [] });
  }

  private hyperparametersAt(step: number): AlgorithmConfig {
    return configAt(this.config as AlgorithmConfig, step, this.overrides);
  }

  /** The learning rate from the next step on: a number or a (step) => number schedule. */
  setLearningRate(learningRate: number | Schedule): void {
    this.override('learningRate', learningRate);
  }

  /** The ascent radius ρ from the next step on (algorithms that have one). */
  setRho(rho: number | Schedule): void {
    this.override('rho', rho);
  }

  private override(key: Schedulable, value: number | Schedule): void {
    const previous = this.overrides[key];
    this.overrides[key] = value;
    try {
      this.validate();
    } catch (err) {
      if (previous === undefined) delete this.overrides[key];
      else this.overrides[key] = previous;
      throw err;
    }
  }

  /** The learning rate (and ρ) the next step uses. */
  currentHyperparameters(): { learningRate?: number; rho?: number } {
    const c = this.hyperparametersAt(this.iterations) as { learningRate?: number; rho?: number };
    return { ...(c.learningRate !== undefined ? { learningRate: c.learningRate } : {}), ...(c.rho !== undefined ? { rho: c.rho } : {}) };
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
    const hyperparameters = this.hyperparametersAt(this.iterations);
    const key = JSON.stringify(SCHEDULABLE.map((k) => (hyperparameters as unknown as Record<string, unknown>)[k]));
    const sameVariables = this.algorithm !== null && names.length === this.variableNames.length && names.every((n, i) => n === this.variableNames[i]);
    if (this.pending === null && sameVariables) {
      // A schedule changes only the transformations' constants, never the state's shape.
      if (key !== this.builtWith) this.algorithm = createAlgorithm(hyperparameters, { names });
      this.builtWith = key;
      return;
    }
    const pending = this.pending;
    if (pending?.state != null) checkShapes(pending.shapes, variables);
    this.pending = null;
    if (this.state !== null) tf.dispose(tensorsIn(this.state));
    this.variableNames = names;
    this.variableShapes = variables.map((v) => v.shape);
    this.algorithm = createAlgorithm(hyperparameters, { names });
    this.builtWith = key;
    if (pending?.state != null) {
      this.state = pending.state;
    } else {
      this.state = this.keepState(initState(this.algorithm, variables));
    }
  }

  /**
   * The full optimizer state as tf.Optimizer weights: `iter`, then the algorithm's and the base's
   * state (momentum, Adam moments, XSAM's α, the step count its schedules read) — what
   * model.save(handler, { includeOptimizer: true }) stores. The state tensors are the live ones
   * (as tf.train optimizers return their variables); do not dispose them.
   */
  override async getWeights(): Promise<NamedTensor[]> {
    tf.dispose(this.lastExport);
    const state = this.pending?.state ?? this.state;
    const shapes = this.pending?.shapes ?? (this.state === null ? [] : this.variableShapes);
    const weights = stateWeights(this.config.algorithm, this.iterations, shapes, state);
    this.lastExport = weights.slice(0, 2).map((w) => tf.keep(w.tensor));
    return weights;
  }

  /**
   * Restores what getWeights returned (copies it: tf.loadLayersModel disposes the tensors after).
   * The state is matched to the variables by position at the next minimize, so it also fits a
   * reloaded model whose layers tfjs named differently; a shape that differs is an error there.
   */
  override async setWeights(weights: NamedTensor[]): Promise<void> {
    const saved = await stateFromWeights(weights);
    if (saved.algorithm !== this.config.algorithm) {
      if (saved.state !== null) tf.dispose(tensorsIn(saved.state));
      throw new InvalidArgumentError('weights', saved.algorithm, `the state of a '${this.config.algorithm}' optimizer`, 'INVALID_ARGUMENT');
    }
    await this.extractIterations(weights);
    if (this.pending?.state != null) tf.dispose(tensorsIn(this.pending.state));
    this.pending = { algorithm: saved.algorithm, shapes: saved.shapes, state: saved.state };
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
    tf.dispose(this.lastExport);
    if (this.pending?.state != null) tf.dispose(tensorsIn(this.pending.state));
    this.pending = null;
    if (this.state !== null) tf.dispose(tensorsIn(this.state));
    this.state = null;
    this.algorithm = null;
  }

  /** JSON-safe: a schedule is saved as its value at the next step (functions cannot be serialized). */
  override getConfig(): tf.serialization.ConfigDict {
    return JSON.parse(JSON.stringify(this.hyperparametersAt(this.iterations))) as tf.serialization.ConfigDict;
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    // tfjs' deserializer adds the caller's customObjects to the config; it is not a hyperparameter.
    const { customObjects: _customObjects, ...hyperparameters } = config;
    return new cls(hyperparameters as never);
  }
}

tf.serialization.registerClass(SharpnessAwareOptimizer);

function checkShapes(saved: number[][], variables: Variable[]): void {
  const actual = variables.map((v) => v.shape);
  const same = saved.length === actual.length && saved.every((s, i) => s.length === actual[i].length && s.every((d, j) => d === actual[i][j]));
  if (!same) throw new InvalidArgumentError('setWeights', JSON.stringify(saved), `an optimizer state for variables of shapes ${JSON.stringify(actual)}`, 'SHAPE_MISMATCH');
}
