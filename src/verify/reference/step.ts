/**
 * The shared stages of the plain float64 reference every algorithm folder's `reference.ts`
 * extends: how a gradient is requested from the harness, where the ascent point is, what is
 * restored and the torch.optim.SGD base step. Written the way ports are written (a class with one
 * method per stage) so that a mutant overrides exactly one; written from spec/, not from
 * src/oracle — the suite compares the two.
 */
import { plus as add, minus as sub, times, length as norm } from '../../oracle/vector.js';
import type { OracleBase } from '../../oracle/steps.js';
import { baseDescriptor } from '../../bases/registry.js';
import type { CommonBaseHyperparameters, ReferenceBase } from '../../bases/descriptor.js';
import type { GradientOracle, Layout, SampleSelection } from '../types.js';

export type V = number[];
export { add, sub, times, norm };

/** The base-optimizer hyperparameters every resolved config carries. */
export interface CommonHp extends Omit<OracleBase, 'apply'> {
  algorithm: string;
  /** A base other than SGD: its name and every option (spec/bases.md). */
  base?: { name: string } & Record<string, unknown>;
}

export class ReferenceStep<C extends CommonHp = CommonHp> {
  buffer: V | null = null;
  /** Scratch a buggy subclass may keep between steps. */
  previousClean: V | null = null;

  constructor(
    readonly c: C,
    readonly layout: Layout,
  ) {}

  /** One ascent step (SAM's shape): g_0, δ, the gradient at θ_0 + δ applied at θ_0. */
  step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const delta = this.perturbation(this.ascentDirection(g0, theta0), theta0);
    const gFinal = this.gradient(this.ascentPoint(theta0, delta), oracle);
    return this.base(this.restored(theta0, delta), this.applied(g0, gFinal), g0);
  }

  /** ∇ of the loss every pass sees (with the L2 term in 'loss' mode), over the batch or a selection of samples. */
  gradient(point: V, oracle: GradientOracle, selection?: SampleSelection): V {
    const g = oracle.evaluate(point, ['value', 'gradient'], selection).gradient!;
    return this.c.weightDecayIn === 'loss' ? add(g, times(this.c.weightDecay, point)) : g;
  }

  ascentDirection(g0: V, _theta0: V): V {
    return g0;
  }

  /** The ascent offset; each algorithm defines its own (none: no ascent). */
  perturbation(g: V, _theta: V): V {
    return g.map(() => 0);
  }

  ascentPoint(theta0: V, delta: V): V {
    return add(theta0, delta);
  }

  restored(theta0: V, _delta: V): V {
    return theta0;
  }

  applied(_g0: V, gFinal: V): V {
    return gFinal;
  }

  /** The base step's own reference, for a base other than SGD (created at the first step). */
  baseReference: ReferenceBase | null = null;

  /** Builds the reference of a base other than SGD; a base mutant overrides this. */
  makeBaseReference(own: Record<string, unknown>, common: CommonBaseHyperparameters): ReferenceBase {
    return baseDescriptor(this.baseSpec()!.name).reference(own, common);
  }

  /** The base this step applies through its own reference (none: §1's SGD, inline below). */
  baseSpec(): ({ name: string } & Record<string, unknown>) | undefined {
    return this.c.base;
  }

  /** torch.optim.SGD at θ (spec/algorithms.md §1), or the named base's reference. */
  base(theta: V, grad: V, g0: V): V {
    const spec = this.baseSpec();
    if (spec !== undefined) {
      const { name: _name, ...own } = spec;
      this.baseReference ??= this.makeBaseReference(own, { learningRate: this.c.learningRate, weightDecay: this.c.weightDecay, weightDecayIn: this.c.weightDecayIn });
      // A correct base ignores g_0; a base whose state also sees the clean gradient uses it.
      this.baseReference.observe?.(g0);
      return this.baseReference.step(theta, grad);
    }
    const { learningRate: lr, momentum: beta, nesterov } = this.c;
    let d = this.withWeightDecay(grad, theta);
    if (beta !== 0) {
      this.buffer = this.nextBuffer(this.buffer, d);
      d = nesterov ? add(d, times(beta, this.buffer)) : this.buffer;
    }
    return sub(this.decayed(theta), times(lr, d));
  }

  withWeightDecay(grad: V, theta: V): V {
    const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
    return wd !== 0 ? add(grad, times(wd, theta)) : grad;
  }

  /** 'decoupled': θ ← θ·(1 − η·λ) before the step (spec/bases.md §0). */
  decayed(theta: V): V {
    return this.c.weightDecayIn === 'decoupled' && this.c.weightDecay !== 0 ? times(1 - this.c.learningRate * this.c.weightDecay, theta) : theta;
  }

  nextBuffer(buffer: V | null, d: V): V {
    return buffer === null ? [...d] : add(times(this.c.momentum, buffer), times(1 - this.c.dampening, d));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceConstructor = new (c: any, layout: Layout) => ReferenceStep<any>;
