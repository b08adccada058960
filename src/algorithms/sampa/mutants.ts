/** Realistic bugs in SAMPa, each one reference stage overridden; `source` says where the bug is seen. */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, sub, times, type V } from '../../verify/reference/step.js';
import { SampaReference } from './reference.js';

export const sampaMutants = mutantsOf('sampa', [
  mutant('sampa-mix-swapped', 'applies λ·∇f(x̃) + (1 − λ)·∇f(y′)', 'train.py scales pert_grads by (1 − og) on one rank and y_grads by og on the other; swapping ranks swaps the weights', class extends SampaReference {
    override applied(gPerturbed: V, gLookahead: V) { return add(times(this.c.lambda, gPerturbed), times(1 - this.c.lambda, gLookahead)); }
  }),
  mutant('sampa-y-from-perturbed-gradient', 'the next x̃ is built from ∇f(x̃) instead of ∇f(y′)', 'reading y_grads on the wrong rank (rank 0 holds ∇f(x̃))', class extends SampaReference {
    override nextYGradient(gPerturbed: V) { return gPerturbed; }
  }),
  mutant('sampa-lookahead-ascends', 'y′ = x + η·∇f(y) (the lookahead climbs)', 'train.py flips y_grads\' sign for x̃ ("Notice \'-\' here"); a port copying that sign into y′', class extends SampaReference {
    override lookahead(x: V, gy: V) { return add(x, sub(x, super.lookahead(x, gy))); }
  }),
  mutant('sampa-unnormalized', 'x̃ = x + ρ·∇f(y) (no normalisation)', 'dropping scale = rho/‖y_grads‖', class extends SampaReference {
    override perturbation(gy: V) { return times(this.c.rho, gy); }
  }),
  mutant('sampa-lookahead-without-momentum', 'y′ = x − η·∇f(y) though the lookahead declares momentum and decay (the paper\'s line used for train.py\'s)', 'implementing the paper\'s y-update over a momentum base', class extends SampaReference {
    override lookahead(x: V, gy: V) { return sub(x, times(this.c.lookaheadRate, gy)); }
  }),
]);
