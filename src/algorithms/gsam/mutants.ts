/** Realistic bugs in GSAM, each one reference stage overridden (spec/variants.md §1.4). */
import { dot } from '../../oracle/vector.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, sub, times, type V } from '../../verify/reference/step.js';
import { GsamReference } from './reference.js';

export const gsamMutants = mutantsOf('gsam', [
  mutant('gsam-plus-alpha', 'd = g_p + α·g_⊥ (the surrogate gap ascended, not descended)', 'the sign of alpha in p.grad.add_(vertical, alpha=-alpha) dropped', class extends GsamReference {
    override applied(g0: V, gp: V) { return this.c.decompose === 'perturbed' ? add(gp, times(this.c.alpha, this.vertical(g0, gp))) : sub(g0, times(this.c.alpha, this.vertical(gp, g0))); }
  }),
  mutant('gsam-decomposed-against-clean', 'g_⊥ = g_p ⊥ g under minimize_fp = True (the two decompositions swapped)', "big_vision's two branches of gsam_gradient mixed up", class extends GsamReference {
    override applied(g0: V, gp: V) { return sub(gp, times(this.c.alpha, this.vertical(gp, g0))); }
  }),
  mutant('gsam-unnormalised-projection', 'g_⊥ = g − (g·g_p)·g_p (ĝ_p not normalised)', 'dual_vector skipped: the projection uses the raw g_p', class extends GsamReference {
    override vertical(x: V, along: V) { return sub(x, times(dot(x, along), along)); }
  }),
  mutant('gsam-rho-schedule-inverted', 'ρ_t grows as the learning rate decays: ρ_t = ρ_min + (ρ_max − ρ_min)(lr_max − lr)/(lr_max − lr_min)', 'the interpolation written from the wrong end', class extends GsamReference {
    override gsamRadius() {
      const { rho, rhoMin, lrMax, lrMin, lrNow } = this.c;
      return lrMax === lrMin ? rho : rhoMin + ((rho - rhoMin) * (lrMax - lrNow)) / (lrMax - lrMin);
    }
  }),
  mutant('gsam-vertical-from-perturbed-gradient', 'd = g_p − α·(g_p − g): the "vertical" part taken as the plain difference', 'surrogate gap h = f_p − f differentiated directly instead of its orthogonal part', class extends GsamReference {
    override vertical(x: V, along: V) { return this.c.decompose === 'perturbed' ? sub(along, x) : sub(x, along); }
  }),
]);
