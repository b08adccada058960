import { ReferenceStep, norm, times, type CommonHp, type V } from '../../verify/reference/step.js';

export interface SamHp extends CommonHp {
  rho: number;
  epsilon: number;
}

/** SAM: δ = ρ·g/(‖g‖ + ε) (spec/algorithms.md §2). */
export class SamReference<C extends SamHp = SamHp> extends ReferenceStep<C> {
  override perturbation(g: V, _theta: V): V {
    return this.samPerturbation(g);
  }

  samPerturbation(g: V): V {
    return times(this.c.rho / (norm(g) + this.c.epsilon), g);
  }
}
