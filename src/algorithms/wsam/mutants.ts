/** Realistic bugs in WSAM, each one reference stage overridden (spec/variants.md §2.4). */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, sub, times, type V } from '../../verify/reference/step.js';
import { WsamReference } from './reference.js';

export const wsamMutants = mutantsOf('wsam', [
  mutant('wsam-gamma-as-weight', 'the sharpness weight is γ instead of α = γ/(1 − γ)', 'the docstring\'s "weighted factor gamma/(1-gamma)" read as γ', class extends WsamReference {
    override get alpha() { return this.c.gamma; }
  }),
  mutant('wsam-decoupled-through-base', 'the decoupled sharpness is fed to the base step (θ − η·base(g + α(g_p − g))) instead of bypassing it', 'decoupling implemented as the coupled form: equal only for plain SGD without momentum', class extends WsamReference {
    override step(theta0: V, oracle: GradientOracle) {
      const raw = this.gradient(theta0, oracle);
      const gp = this.clip(this.gradient(add(theta0, this.perturbation(raw, theta0)), oracle));
      const g = this.clip(raw);
      return this.base(theta0, this.applied(g, gp), raw);
    }
  }),
  mutant('wsam-clean-gradient-stored-before-clip', 'the stored g that forms the sharpness g_p − g is the unclipped one (the base step still sees the clipped g)', "state['grad'] cloned before clip_grad_norm_ in first_step", class extends WsamReference {
    override step(theta0: V, oracle: GradientOracle) {
      const raw = this.gradient(theta0, oracle);
      const gp = this.clip(this.gradient(add(theta0, this.perturbation(raw, theta0)), oracle));
      if (!this.c.decouple) return this.base(theta0, this.applied(raw, gp), raw);
      return this.decoupledSharpness(this.base(theta0, this.clip(raw), raw), raw, gp);
    }
  }),
  mutant('wsam-clip-ignored', 'neither gradient is clipped (max_norm dropped)', 'ports that keep the rule but not the max_norm = 1 default', class extends WsamReference {
    override clip(g: V) { return g; }
  }),
  mutant('wsam-decoupled-sign', 'decoupled step θ ← θ + η·α·(g_p − g)', 'p.add_(sharpness, alpha=lr*alpha) without the minus', class extends WsamReference {
    override decoupledSharpness(theta: V, g: V, gp: V) { return add(theta, times(this.c.learningRate * this.alpha, sub(gp, g))); }
  }),
]);
