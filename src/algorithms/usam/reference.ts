import { ReferenceStep, times, type CommonHp, type V } from '../../verify/reference/step.js';

/** USAM: δ = ρ·g (spec/algorithms.md §3). */
export class UsamReference extends ReferenceStep<CommonHp & { rho: number }> {
  override perturbation(g: V, _theta: V): V {
    return times(this.c.rho, g);
  }

  /** SAM's normalised rule, which a buggy port may reuse. */
  samPerturbation(g: V): V {
    return times(this.c.rho / Math.hypot(...g), g);
  }
}
