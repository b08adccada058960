import { mean, unit } from '../../oracle/vector.js';
import type { GradientOracle } from '../types.js';
import { ReferenceStep, add, type CommonHp, type V } from './step.js';

export interface AscentPath {
  delta: V;
  /** g_1..g_k: the gradients at the ascent points θ_0 + δ_i. */
  gradients: V[];
}

export interface PathHp extends CommonHp {
  rho: number;
  steps: number;
  epsilon: number;
}

/** The k-step fixed-path ascent multi-step SAM and XSAM share (spec/family.md §1.1): δ + (ρ/k)·ĝ. */
export class AscentPathReference<C extends PathHp = PathHp> extends ReferenceStep<C> {
  ascentStepCount(): number {
    return this.c.steps;
  }

  ascentPath(theta0: V, g0: V, oracle: GradientOracle): AscentPath {
    let delta = theta0.map(() => 0);
    let g = g0;
    const gradients: V[] = [];
    for (let i = 0; i < this.ascentStepCount(); i++) {
      delta = this.ascentStep(delta, this.ascentDirectionAt(g, g0));
      g = this.gradient(add(theta0, delta), oracle);
      gradients.push(g);
    }
    return { delta, gradients };
  }

  /** The gradient the i-th ascent step normalises: the one at the current ascent point. */
  ascentDirectionAt(g: V, _g0: V): V {
    return g;
  }

  ascentStep(delta: V, g: V): V {
    return add(delta, unit(g, this.c.epsilon).map((x) => (this.c.rho / this.c.steps) * x));
  }
}

export { mean };
