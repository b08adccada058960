/** Realistic bugs in xsam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import { dot } from '../../oracle/vector.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, norm, times, type V } from '../../verify/reference/step.js';
import type { AscentPath } from '../../verify/reference/ascent_path.js';
import { XsamReference } from './reference.js';

export const xsamMutants = mutantsOf('xsam', [
  mutant('xsam-unclamped-arccos', 'ψ = arccos(v_0·v_1) without a clamp: NaN when v_0 ∥ v_1 rounds the dot above 1', 'Cccjl219/XSAM utils/xsam.py (hazard H1)', class extends XsamReference {
    override xsamAngle(v0: V, v1: V) { return Math.acos(dot(v0, v1)); }
  }),
  mutant('xsam-linear-interpolation', 'u = (1 − α)·v_0 + α·v_1 (lerp instead of slerp)', 'reading v(α) as a convex combination', class extends XsamReference {
    override slerp(v0: V, v1: V, psi: number, alpha: number) {
      return Math.sin(psi) >= 1e-8 ? add(times(1 - alpha, v0), times(alpha, v1)) : super.slerp(v0, v1, psi, alpha);
    }
  }),
  mutant('xsam-update-not-scaled', 'applies the unit direction u instead of ‖g_k‖·u', 'the scale = ‖g_k‖ line dropped', class extends XsamReference {
    override xsamScale() { return 1; }
  }),
  mutant('xsam-alpha-from-wrong-end', 'u = [sin(αψ)·v_0 + sin((1−α)ψ)·v_1]/sin ψ (α measured from v_1)', 'slerp coefficients swapped (spec/family.md X4 mutation)', class extends XsamReference {
    override slerp(v0: V, v1: V, psi: number, alpha: number) { return super.slerp(v0, v1, psi, 1 - alpha); }
  }),
  mutant('xsam-scale-by-clean-gradient', 'the update is scaled by ‖g_0‖ instead of ‖g_k‖', 'a gradient-norm buffer read after it was overwritten (algorithms.md §6 step 6: the probe loop overwrites .grad)', class extends XsamReference {
    override xsamScale(_gk: V, g0: V) { return norm(g0); }
  }),
  mutant('xsam-v0-first-ascent-direction', 'v_0 = ĝ_0 (the first ascent direction) instead of the total displacement θ_k − θ_0', 'equal for k = 1, so a port tested only at k = 1 keeps it', class extends XsamReference {
    override xsamV0(_path: AscentPath, g0: V) { return times(1 / (norm(g0) + this.c.epsilon), g0); }
  }),
]);
