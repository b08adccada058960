/** Realistic bugs in sam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, norm, times, type V } from '../../verify/reference/step.js';
import { SamReference } from './reference.js';

/** Momentum buffers keyed by the parameter shapes, not by the optimizer instance. */
const buffersByLayout = new Map<string, V | null>();

export const samMutants = mutantsOf('sam', [
  mutant('sam-norm-squared', 'δ = ρ·g/‖g‖² (normalises by the squared norm)', 'port confusing ‖g‖ with g·g', class extends SamReference {
    override samPerturbation(g: V) { return times(this.c.rho / (norm(g) ** 2 + this.c.epsilon), g); }
  }),
  mutant('sam-sign-flip', 'δ = −ρ·ĝ (descends instead of ascending)', 'sign error in first_step', class extends SamReference {
    override samPerturbation(g: V) { return times(-this.c.rho / (norm(g) + this.c.epsilon), g); }
  }),
  mutant('sam-missing-epsilon', 'δ = ρ·g/‖g‖ with no guard, declared as guarded', 'google-research dual_vector, optax normalize()', class extends SamReference {
    override samPerturbation(g: V) { return times(this.c.rho / norm(g), g); }
  }),
  mutant('sam-unnormalized', 'SAM computes δ = ρ·g (USAM under the SAM name)', 'forgetting the normalisation', class extends SamReference {
    override samPerturbation(g: V) { return times(this.c.rho, g); }
  }),
  mutant('sam-per-tensor-norm', 'each tensor normalised by its own norm instead of the global norm', 'per-parameter loops that norm p.grad alone', class extends SamReference {
    override samPerturbation(g: V) {
      let o = 0;
      return this.layout.sizes.flatMap((size) => {
        const part = g.slice(o, (o += size));
        return times(this.c.rho / (norm(part) + this.c.epsilon), part);
      });
    }
  }),
  mutant('sam-lr-in-perturbation', 'δ = η·ρ·ĝ (learning rate applied to the ascent)', 'ascent implemented with the base optimizer\'s step size', class extends SamReference {
    override samPerturbation(g: V) { return times(this.c.learningRate, super.samPerturbation(g)); }
  }),
  mutant('wd-inside-perturbation', 'perturbs along g + wd·θ in the project-default mode', 'google-research/sam #24 (L2 inside the loss)', class extends SamReference {
    override ascentDirection(g0: V, theta0: V) { return this.c.weightDecayIn === 'base' ? add(g0, times(this.c.weightDecay, theta0)) : g0; }
  }),
  mutant('wd-in-loss-ignored', "weightDecayIn = 'loss' treated as 'base'", 'a port that supports only one placement but accepts both', class extends SamReference {
    override gradient(point: V, oracle: GradientOracle) { return oracle.evaluate(point).gradient!; }
    override withWeightDecay(grad: V, theta: V) { return this.c.weightDecay !== 0 ? add(grad, times(this.c.weightDecay, theta)) : grad; }
  }),
  mutant('weights-not-restored', 'the base step starts from θ_0 + δ', 'second_step without p.data = old_p', class extends SamReference {
    override restored(theta0: V, delta: V) { return add(theta0, delta); }
  }),
  mutant('gradient-at-wrong-point', 'applies the clean gradient g_0 instead of ∇L(θ_0 + δ)', 'davda54/sam #8: closure misuse / stale .grad', class extends SamReference {
    override applied(g0: V) { return g0; }
  }),
  mutant('averaged-gradients', 'applies (g_0 + g_SAM)/2', 'accumulating .grad across both backward passes', class extends SamReference {
    override applied(g0: V, gFinal: V) { return times(0.5, add(g0, gFinal)); }
  }),
  mutant('summed-micro-batches', 'applies 2·g_SAM: split gradients summed, not averaged (two identical splits)', 'Keras SharpnessAwareMinimization num_batch_splits', class extends SamReference {
    override applied(_g0: V, gFinal: V) { return times(2, gFinal); }
  }),
  mutant('double-perturbation', 'first_step runs twice: the gradient is taken at θ_0 + δ + δ\'', 'closure misuse: step(closure) after a manual first_step', class extends SamReference {
    override step(theta0: V, oracle: GradientOracle) {
      const g0 = this.gradient(theta0, oracle);
      const p1 = add(theta0, this.perturbation(g0, theta0));
      const g1 = this.gradient(p1, oracle);
      const gFinal = this.gradient(add(p1, this.perturbation(g1, p1)), oracle);
      return this.base(theta0, gFinal, g0);
    }
  }),
  mutant('extra-gradient-evaluation', 'correct result, but the clean gradient is computed twice (3 passes)', 'a loss.backward() left in front of step(closure)', class extends SamReference {
    override step(theta0: V, oracle: GradientOracle) {
      this.gradient(theta0, oracle);
      return super.step(theta0, oracle);
    }
  }),
  mutant('stale-clean-gradient', 'perturbs with the previous step\'s gradient', 'caching g_0 across iterations (n-SAM-like reuse)', class extends SamReference {
    override ascentDirection(g0: V) {
      const used = this.previousClean ?? g0;
      this.previousClean = g0;
      return used;
    }
  }),
  mutant('wd-at-perturbed-point', 'weight decay evaluated at θ_0 + δ', 'decoupling wd into the loss after the ascent', class extends SamReference {
    override step(theta0: V, oracle: GradientOracle) {
      const g0 = this.gradient(theta0, oracle);
      const delta = this.perturbation(g0, theta0);
      const gFinal = this.gradient(add(theta0, delta), oracle);
      const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
      return this.base(theta0, add(gFinal, times(wd, delta)), g0);
    }
  }),
  mutant('momentum-updated-twice', 'the buffer is updated on the ascent pass and again on the descent', 'calling base_optimizer.step() in first_step too', class extends SamReference {
    override base(theta: V, grad: V, g0: V) {
      if (this.c.momentum !== 0) this.buffer = this.nextBuffer(this.buffer, this.withWeightDecay(g0, theta));
      return super.base(theta, grad, g0);
    }
  }),
  mutant('momentum-fed-by-ascent-gradient', 'the stored buffer accumulates g_0 (this step\'s update itself is right)', 'optax transparent mode / a shared buffer for both passes', class extends SamReference {
    override base(theta: V, grad: V, g0: V) {
      const before = this.buffer;
      const params = super.base(theta, grad, g0);
      if (this.c.momentum !== 0) this.buffer = this.nextBuffer(before, this.withWeightDecay(g0, theta));
      return params;
    }
  }),
  mutant('state-keyed-by-layout', 'the momentum buffer lives in a table keyed by parameter shapes: two optimizers over the same shapes share it', 'an adapter that keys optimizer state by the layout instead of the session (Python: a mutable class attribute)', class extends SamReference {
    constructor(c: ConstructorParameters<typeof SamReference>[0], layout: ConstructorParameters<typeof SamReference>[1]) {
      super(c, layout);
      buffersByLayout.set(layout.sizes.join(','), null);
    }
    override nextBuffer(_buffer: V | null, d: V): V {
      const key = this.layout.sizes.join(',');
      const next = super.nextBuffer(buffersByLayout.get(key) ?? null, d);
      buffersByLayout.set(key, next);
      return next;
    }
  }),
]);
