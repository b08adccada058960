/** Realistic bugs in usam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { type V } from '../../verify/reference/step.js';
import { UsamReference } from './reference.js';

export const usamMutants = mutantsOf('usam', [
  mutant('usam-normalized', 'USAM normalises: δ = ρ·ĝ', 'reusing the SAM perturbation for USAM', class extends UsamReference {
    override perturbation(g: V) { return this.samPerturbation(g); }
  }),
]);
