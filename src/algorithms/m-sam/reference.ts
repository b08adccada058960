import { mean } from '../../oracle/vector.js';
import type { GradientOracle } from '../../verify/types.js';
import { add, type V } from '../../verify/reference/step.js';
import { SamReference, type SamHp } from '../sam/reference.js';

/** m-SAM (spec/family.md §1.3): a SAM step per contiguous micro-batch of size m, gradients averaged. */
export class MSamReference extends SamReference<SamHp & { m: number }> {
  override step(theta0: V, oracle: GradientOracle): V {
    const finals = this.microBatches(oracle).map((samples) => {
      const g = this.gradient(theta0, oracle, { samples });
      return this.gradient(add(theta0, this.samPerturbation(g)), oracle, { samples });
    });
    return this.base(theta0, this.combineMicroBatches(finals), finals[0]);
  }

  /** Contiguous slices of size m of the batch, in batch order. */
  microBatches(oracle: GradientOracle): number[][] {
    const batch = oracle.data!.batch;
    return Array.from({ length: batch.length / this.c.m }, (_, j) => batch.slice(j * this.c.m, (j + 1) * this.c.m));
  }

  combineMicroBatches(gradients: V[]): V {
    return mean(gradients);
  }
}
