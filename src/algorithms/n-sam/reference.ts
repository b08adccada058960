import type { GradientOracle } from '../../verify/types.js';
import { add, type V } from '../../verify/reference/step.js';
import { SamReference } from '../sam/reference.js';

/** n-SAM (spec/family.md §1.4): δ from the full-data gradient, descent on the batch. */
export class NSamReference extends SamReference {
  override step(theta0: V, oracle: GradientOracle): V {
    const gPerturb = this.gradient(theta0, oracle, this.nSamPerturbationSamples(oracle));
    const delta = this.samPerturbation(gPerturb);
    return this.base(theta0, this.gradient(add(theta0, delta), oracle, this.nSamDescentSamples(oracle)), gPerturb);
  }

  /** The perturbation uses the full data L_n … */
  nSamPerturbationSamples(oracle: GradientOracle): { samples: number[] } | undefined {
    return { samples: oracle.data!.full };
  }

  /** … and the descent gradient the batch. */
  nSamDescentSamples(_oracle: GradientOracle): { samples: number[] } | undefined {
    return undefined;
  }
}
