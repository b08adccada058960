/** Realistic bugs in momentum-SAM, each one reference stage overridden; `source` says where the bug is seen. */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, times, type V } from '../../verify/reference/step.js';
import { MomentumSamReference } from './reference.js';

export const momentumSamMutants = mutantsOf('momentum-sam', [
  mutant('momentum-sam-along-momentum', 'δ = +ρ·v/‖v‖ (steps along the buffer, as SAM steps along g)', 'reading "perturb along the momentum" as SAM\'s ascent sign; the paper\'s negative-momentum choice', class extends MomentumSamReference {
    override perturbation(v: V, theta: V) { return times(-1, super.perturbation(v, theta)); }
  }),
  mutant('momentum-sam-unnormalized', 'δ = −ρ·v (the buffer is not normalised)', 'dropping inverse_norm_buffer', class extends MomentumSamReference {
    override perturbation(v: V) { return times(-this.c.rho, v); }
  }),
  mutant('momentum-sam-last-gradient', 'the direction is the last gradient only (v ← g, the buffer never accumulates)', 'a port keeping the previous step\'s gradient instead of the momentum buffer', class extends MomentumSamReference {
    override nextDirection(_v: V | null, g: V) { return [...g]; }
  }),
  mutant('momentum-sam-stays-perturbed', 'the base step starts from θ − ρ·v̂ (the perturbation is never undone)', 'msam.py keeps θ̃ between steps; a port that drops its "param.add_(buf, alpha=rho·inv)" line', class extends MomentumSamReference {
    override restored(theta0: V, delta: V) { return add(theta0, delta); }
  }),
  mutant('momentum-sam-dampened-buffer', 'v ← μ·v + (1 − μ)·g after a first v = g (an EMA seeded with g, unlike the heavy ball)', 'torch SGD with dampening = momentum; VaSSO-style EMA code reused for the buffer', class extends MomentumSamReference {
    override nextDirection(v: V | null, g: V) { return v === null ? [...g] : add(times(this.c.beta, v), times(1 - this.c.beta, g)); }
  }),
]);
