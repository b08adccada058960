import type { GradientOracle } from '../../verify/types.js';
import { ReferenceStep, add, norm, times, type CommonHp, type V } from '../../verify/reference/step.js';

export interface MomentumSamHp extends CommonHp {
  rho: number;
  beta: number;
  epsilon: number;
}

/** Momentum-SAM (spec/variants-b.md §1): one gradient at θ − ρ·v/(‖v‖ + ε), v ← μ·v + g. */
export class MomentumSamReference extends ReferenceStep<MomentumSamHp> {
  /** v_t; null before the first step (v_0 = 0). */
  direction: V | null = null;

  override step(theta0: V, oracle: GradientOracle): V {
    const delta = this.direction === null ? theta0.map(() => 0) : this.perturbation(this.direction, theta0);
    const g = this.gradient(this.ascentPoint(theta0, delta), oracle);
    this.direction = this.nextDirection(this.direction, g);
    return this.base(this.restored(theta0, delta), g, g);
  }

  /** δ = −ρ·v/(‖v‖ + ε): a step along the descent the buffer predicts. */
  override perturbation(v: V, _theta: V): V {
    return times(-this.c.rho / (norm(v) + this.c.epsilon), v);
  }

  nextDirection(v: V | null, g: V): V {
    return v === null ? [...g] : add(times(this.c.beta, v), g);
  }
}
