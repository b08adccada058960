import type { GradientOracle } from '../../verify/types.js';
import { ReferenceStep, add, norm, times, type CommonHp, type V } from '../../verify/reference/step.js';

export interface VassoHp extends CommonHp {
  rho: number;
  theta: number;
  epsilon: number;
}

/** VaSSO (spec/variants-b.md §2): d ← (1 − θ)·d + θ·g_0 (d_1 = g_0), δ = ρ·d/(‖d‖ + ε). */
export class VassoReference extends ReferenceStep<VassoHp> {
  estimate: V | null = null;

  override step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const d = this.nextEstimate(this.estimate, g0);
    const delta = this.perturbation(d, theta0);
    const gFinal = this.gradient(this.ascentPoint(theta0, delta), oracle);
    this.estimate = this.storedEstimate(d, gFinal);
    return this.base(this.restored(theta0, delta), this.applied(g0, gFinal), g0);
  }

  nextEstimate(d: V | null, g0: V): V {
    return d === null ? [...g0] : add(times(1 - this.c.theta, d), times(this.c.theta, g0));
  }

  /** What the next step starts from: this step's estimate. */
  storedEstimate(d: V, _gFinal: V): V {
    return d;
  }

  override perturbation(d: V, _theta: V): V {
    return times(this.c.rho / (norm(d) + this.c.epsilon), d);
  }
}
