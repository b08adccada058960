/** Realistic bugs in LookSAM, each one reference stage overridden (spec/variants.md §3.4). */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, norm, times, type V } from '../../verify/reference/step.js';
import { LookSamReference } from './reference.js';

export const lookSamMutants = mutantsOf('looksam', [
  mutant('looksam-gv-not-orthogonalised', 'stores g_v = g_s (the SAM gradient itself, no projection off ĝ)', 'the cos(g, g_s) term dropped', class extends LookSamReference {
    override orthogonal(gs: V) { return gs; }
  }),
  mutant('looksam-no-norm-ratio', 'reuse step g_s = g + α·g_v (the ‖g‖/‖g_v‖ rescaling dropped)', 'reusing g_v at its stored scale', class extends LookSamReference {
    override reuse(g: V, gv: V) { return add(g, times(this.c.alpha, gv)); }
  }),
  mutant('looksam-period-off-by-one', 'SAM steps at t ≡ k − 1 (mod k) after the first', 'the step counter incremented before the period test', class extends LookSamReference {
    override isSamStep(t: number) { return (t + 1) % this.c.k === 0 || this.gv === null; }
  }),
  mutant('looksam-unit-gv', 'reuse step g_s = g + α·‖g‖·g_v (g_v not divided by its norm)', 'the normalisation of g_v applied twice or never', class extends LookSamReference {
    override reuse(g: V, gv: V) { return add(g, times(this.c.alpha * norm(g), gv)); }
  }),
]);
