import { tf, type Scalar, type Variable } from '../tf.js';
import type { Objective, PassInfo, Tree } from './types.js';

/** An objective from a pure loss of the parameter list (analytic functions, tests). */
export function functionObjective(loss: (params: Tree) => Scalar, extras: Partial<Objective> = {}): Objective {
  const vg = tf.valueAndGrads((...params: tf.Tensor[]) => loss(params));
  return {
    ...extras,
    valueAndGrad: (point) => {
      const { value, grads } = vg(point);
      return { value: value as Scalar, grads };
    },
    value: (point) => loss(point),
  };
}

/** Hooks called on every pass of an objective (and of its slices, weighted and full variants). */
export interface PassObserver {
  gradient?(pass: PassInfo, value: Scalar, grads: Tree): void;
  forward?(pass: PassInfo, value: Scalar): void;
}

/** The same objective, with an observer told about every pass. */
export function observeObjective(objective: Objective, observer: PassObserver): Objective {
  const wrap = (o: Objective): Objective => ({
    ...o,
    valueAndGrad(point, pass) {
      const out = o.valueAndGrad(point, pass);
      observer.gradient?.(pass, out.value, out.grads);
      return out;
    },
    value(point, pass) {
      const value = o.value(point, pass);
      observer.forward?.(pass, value);
      return value;
    },
    ...wrapViews(o, wrap),
  });
  return wrap(objective);
}

/**
 * An objective's finite-sum views (slice, weighted, full), each passed through `wrap`. Every
 * objective wrapper uses this: one that forgot a view would silently drop itself on m-SAM's
 * micro-batches or n-SAM's full-data pass (that bug happened once with the L2 wrapper).
 */
export function wrapViews(o: Objective, wrap: (o: Objective) => Objective): Partial<Objective> {
  return {
    ...(o.slice ? { slice: (s: number, e: number) => wrap(o.slice!(s, e)) } : {}),
    ...(o.weighted ? { weighted: (w: tf.Tensor) => wrap(o.weighted!(w)) } : {}),
    ...(o.full ? { full: () => wrap(o.full!()) } : {}),
  };
}

/** Wraps an objective and counts its gradient and forward-only evaluations. */
export function countingObjective(objective: Objective): Objective & { counts: { gradient: number; forward: number; passes: PassInfo[] } } {
  const counts = { gradient: 0, forward: 0, passes: [] as PassInfo[] };
  const observed = observeObjective(objective, {
    gradient: (pass) => {
      counts.gradient++;
      counts.passes.push(pass);
    },
    forward: (pass) => {
      counts.forward++;
      counts.passes.push(pass);
    },
  });
  return Object.assign(observed, { counts });
}

/**
 * Runs fn; every tensor fn marks with tf.keep is handed to `sink`. tfjs-layers' loss closure keeps
 * one value per metric on every call and returns all of them from its train function (trainOnBatch
 * reads each, fit the first set), so the extra SAM passes' metrics must stay alive until the caller
 * is done with them; the sink's owner frees them later (the drop-in optimizer: at its next step).
 */
function collectingKept<T>(fn: () => T, sink: (t: tf.Tensor) => void): T {
  const engine = tf.engine() as unknown as { keep: (t: tf.Tensor) => tf.Tensor };
  const original = engine.keep;
  engine.keep = function (this: unknown, t: tf.Tensor) {
    sink(t);
    return original.call(this, t);
  };
  try {
    return fn();
  } finally {
    engine.keep = original;
  }
}

/**
 * The objective behind `tf.Optimizer.minimize(f, returnCost, varList)`: evaluating at a point
 * assigns the point to the variables and runs `f`.
 *
 * Stateful layers (BatchNorm moving statistics, any non-trainable variable that `f` writes):
 * only the clean pass may update them. After the clean pass their values are recorded; after
 * every other pass, and in `restore()`, any that changed are put back.
 */
export class VariableObjective implements Objective {
  private frozen: Array<{ variable: Variable; value: tf.Tensor; dataId: object }> | null = null;

  /** Tensors the closure kept on non-clean passes (tfjs-layers' metrics); the caller frees them once read. */
  readonly keptByExtraPasses: tf.Tensor[] = [];

  constructor(
    private readonly f: () => Scalar,
    private readonly variables: Variable[],
  ) {}

  private moveTo(point: Tree): void {
    this.variables.forEach((v, i) => {
      if ((v as unknown as { dataId: object }).dataId !== (point[i] as unknown as { dataId: object }).dataId) v.assign(point[i]);
    });
  }

  private evaluate<T>(point: Tree, pass: PassInfo, run: () => T): T {
    this.moveTo(point);
    if (pass.kind === 'clean') {
      const result = run();
      this.freezeState();
      return result;
    }
    const result = collectingKept(run, (t) => this.keptByExtraPasses.push(t));
    this.thawState();
    return result;
  }

  valueAndGrad(point: Tree, pass: PassInfo): { value: Scalar; grads: Tree } {
    return this.evaluate(point, pass, () => {
      const { value, grads } = tf.variableGrads(this.f, this.variables);
      return { value, grads: this.variables.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
    });
  }

  value(point: Tree, pass: PassInfo): Scalar {
    return this.evaluate(point, pass, () => this.f());
  }

  /** Records the non-trainable variables' values as the clean pass left them. */
  private freezeState(): void {
    this.release();
    const mine = new Set<Variable>(this.variables);
    const registered = Object.values(tf.engine().registeredVariables) as Variable[];
    this.frozen = registered
      .filter((v) => !v.trainable && !mine.has(v) && !v.isDisposed)
      .map((variable) => ({ variable, value: tf.keep(tf.clone(variable)), dataId: (variable as unknown as { dataId: object }).dataId }));
  }

  /** Puts back every recorded variable a non-clean pass overwrote. */
  private thawState(): void {
    for (const s of this.frozen ?? []) {
      if (!s.variable.isDisposed && (s.variable as unknown as { dataId: object }).dataId !== s.dataId) {
        s.variable.assign(s.value);
        s.dataId = (s.variable as unknown as { dataId: object }).dataId;
      }
    }
  }

  private release(): void {
    for (const s of this.frozen ?? []) s.value.dispose();
    this.frozen = null;
  }

  /** Ends a step: variables back at θ_0 (the caller then assigns θ_1), stateful layers as the clean pass left them. */
  restore(theta0: Tree): void {
    this.moveTo(theta0);
    this.thawState();
    this.release();
  }
}
