/** Realistic bugs in VaSSO, each one reference stage overridden; `source` says where the bug is seen. */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, times, type V } from '../../verify/reference/step.js';
import { VassoReference } from './reference.js';

export const vassoMutants = mutantsOf('vasso', [
  mutant('vasso-theta-as-decay', 'd ← θ·d + (1 − θ)·g (θ read as the decay of the old estimate, Adam-β style)', 'the paper\'s θ weighs the new gradient; EMA code reused with β = θ', class extends VassoReference {
    override nextEstimate(d: V | null, g0: V) { return d === null ? [...g0] : add(times(this.c.theta, d), times(1 - this.c.theta, g0)); }
  }),
  mutant('vasso-perturb-with-previous-estimate', 'δ uses d_{t−1}; the estimate is updated after the ascent', 'state update order swapped (perturb, then accumulate)', class extends VassoReference {
    override step(theta0: V, oracle: GradientOracle) {
      const g0 = this.gradient(theta0, oracle);
      const delta = this.perturbation(this.estimate ?? g0, theta0);
      const gFinal = this.gradient(this.ascentPoint(theta0, delta), oracle);
      this.estimate = this.nextEstimate(this.estimate, g0);
      return this.base(theta0, gFinal, g0);
    }
  }),
  mutant('vasso-estimate-from-ascent-gradient', 'the stored estimate is fed ∇L(θ + δ) instead of g_0', 'p.grad read after the second backward pass', class extends VassoReference {
    override storedEstimate(d: V, gFinal: V) {
      const previous = this.estimate;
      return previous === null ? [...gFinal] : add(times(1 - this.c.theta, previous), times(this.c.theta, gFinal));
    }
  }),
  mutant('vasso-no-averaging', 'd = g_0 every step (θ ignored: plain SAM)', 'a port that keeps the EMA but perturbs with p.grad', class extends VassoReference {
    override nextEstimate(_d: V | null, g0: V) { return [...g0]; }
  }),
]);
