/** Realistic bugs in m-sam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, type V } from '../../verify/reference/step.js';
import { MSamReference } from './reference.js';

export const mSamMutants = mutantsOf('m-sam', [
  mutant('msam-summed-micro-batches', 'applies Σ_j g_j instead of the mean over the J micro-batches', 'Keras SharpnessAwareMinimization num_batch_splits (properties.md C5)', class extends MSamReference {
    override combineMicroBatches(gradients: V[]) { return gradients.reduce(add); }
  }),
  mutant('msam-shared-perturbation', 'one perturbation from the batch gradient shared by every micro-batch (m-SAM degenerates to SAM)', 'data-parallel SAM that all-reduces the ascent gradient', class extends MSamReference {
    override step(theta0: V, oracle: GradientOracle) {
      const g = this.gradient(theta0, oracle);
      const point = add(theta0, this.samPerturbation(g));
      return this.base(theta0, this.combineMicroBatches(this.microBatches(oracle).map((samples) => this.gradient(point, oracle, { samples }))), g);
    }
  }),
  mutant('msam-strided-micro-batches', 'micro-batch j is batch[j], batch[j + J], … instead of a contiguous slice', 'x[j::J] instead of x[j*m:(j+1)*m]', class extends MSamReference {
    override microBatches(oracle: GradientOracle) {
      const batch = oracle.data!.batch;
      const count = batch.length / this.c.m;
      return Array.from({ length: count }, (_, j) => batch.filter((_, i) => i % count === j));
    }
  }),
]);
