/** Realistic bugs in n-sam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { NSamReference } from './reference.js';

export const nSamMutants = mutantsOf('n-sam', [
  mutant('nsam-batch-perturbation', 'perturbs with the batch gradient instead of the full-data gradient (n-SAM = SAM)', 'the full-data pass wired to the minibatch loader', class extends NSamReference {
    override nSamPerturbationSamples() { return undefined; }
  }),
  mutant('nsam-full-data-descent', 'the descent gradient is also taken on the full data', 'routing both passes to L_n (spec/family.md K1 mutation: routing swapped)', class extends NSamReference {
    override nSamDescentSamples(oracle: GradientOracle) { return { samples: oracle.data!.full }; }
  }),
]);
