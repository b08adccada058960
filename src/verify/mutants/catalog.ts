/**
 * Realistic bugs across SGD/SAM/USAM/ASAM, each one ReferenceStep method overridden; the rest
 * of the family is in catalog_family.ts. `source` says where the bug is seen or how a port
 * makes it (spec/implementations.md).
 */
import type { GradientOracle, Layout } from '../types.js';
import { ReferenceStep, add, norm, sub, times, type Hp, type V } from './reference.js';

export interface Mutant {
  id: string;
  description: string;
  source: string;
  /** The algorithms the bug affects (the mutant declares only these). */
  algorithms: string[];
  make: new (c: Hp, layout: Layout) => ReferenceStep;
}

export const mutant = (id: string, algorithms: string[], description: string, source: string, make: Mutant['make']): Mutant => ({ id, algorithms, description, source, make });
const SAM = ['sam'];
const SGD = ['sgd'];

export const CORE_MUTANTS: Mutant[] = [
  // --- the perturbation ------------------------------------------------------------------
  mutant('sam-norm-squared', SAM, 'δ = ρ·g/‖g‖² (normalises by the squared norm)', 'port confusing ‖g‖ with g·g', class extends ReferenceStep {
    override samPerturbation(g: V) { return times(this.c.rho / (norm(g) ** 2 + this.c.epsilon), g); }
  }),
  mutant('sam-sign-flip', SAM, 'δ = −ρ·ĝ (descends instead of ascending)', 'sign error in first_step', class extends ReferenceStep {
    override samPerturbation(g: V) { return times(-this.c.rho / (norm(g) + this.c.epsilon), g); }
  }),
  mutant('sam-missing-epsilon', SAM, 'δ = ρ·g/‖g‖ with no guard, declared as guarded', 'google-research dual_vector, optax normalize()', class extends ReferenceStep {
    override samPerturbation(g: V) { return times(this.c.rho / norm(g), g); }
  }),
  mutant('sam-unnormalized', SAM, 'SAM computes δ = ρ·g (USAM under the SAM name)', 'forgetting the normalisation', class extends ReferenceStep {
    override samPerturbation(g: V) { return times(this.c.rho, g); }
  }),
  mutant('usam-normalized', ['usam'], 'USAM normalises: δ = ρ·ĝ', 'reusing the SAM perturbation for USAM', class extends ReferenceStep {
    override perturbation(g: V, theta: V) { return this.c.algorithm === 'usam' ? this.samPerturbation(g) : super.perturbation(g, theta); }
  }),
  mutant('sam-per-tensor-norm', SAM, 'each tensor normalised by its own norm instead of the global norm', 'per-parameter loops that norm p.grad alone', class extends ReferenceStep {
    override samPerturbation(g: V) {
      let o = 0;
      return this.layout.sizes.flatMap((size) => {
        const part = g.slice(o, (o += size));
        return times(this.c.rho / (norm(part) + this.c.epsilon), part);
      });
    }
  }),
  mutant('sam-lr-in-perturbation', SAM, 'δ = η·ρ·ĝ (learning rate applied to the ascent)', 'ascent implemented with the base optimizer\'s step size', class extends ReferenceStep {
    override samPerturbation(g: V) { return times(this.c.learningRate, super.samPerturbation(g)); }
  }),
  mutant('wd-inside-perturbation', SAM, 'perturbs along g + wd·θ in the project-default mode', 'google-research/sam #24 (L2 inside the loss)', class extends ReferenceStep {
    override ascentDirection(g0: V, theta0: V) { return this.c.weightDecayIn === 'base' ? add(g0, times(this.c.weightDecay, theta0)) : g0; }
  }),
  mutant('wd-in-loss-ignored', SAM, "weightDecayIn = 'loss' treated as 'base'", 'a port that supports only one placement but accepts both', class extends ReferenceStep {
    override gradient(point: V, oracle: GradientOracle) { return oracle.evaluate(point).gradient!; }
    override withWeightDecay(grad: V, theta: V) { return this.c.weightDecay !== 0 ? add(grad, times(this.c.weightDecay, theta)) : grad; }
  }),
  // --- where the gradient is taken and what is applied ---------------------------------------
  mutant('weights-not-restored', SAM, 'the base step starts from θ_0 + δ', 'second_step without p.data = old_p', class extends ReferenceStep {
    override restored(theta0: V, delta: V) { return add(theta0, delta); }
  }),
  mutant('gradient-at-wrong-point', SAM, 'applies the clean gradient g_0 instead of ∇L(θ_0 + δ)', 'davda54/sam #8: closure misuse / stale .grad', class extends ReferenceStep {
    override applied(g0: V) { return g0; }
  }),
  mutant('averaged-gradients', SAM, 'applies (g_0 + g_SAM)/2', 'accumulating .grad across both backward passes', class extends ReferenceStep {
    override applied(g0: V, gFinal: V) { return times(0.5, add(g0, gFinal)); }
  }),
  mutant('summed-micro-batches', SAM, 'applies 2·g_SAM: split gradients summed, not averaged (two identical splits)', 'Keras SharpnessAwareMinimization num_batch_splits', class extends ReferenceStep {
    override applied(_g0: V, gFinal: V) { return times(2, gFinal); }
  }),
  mutant('double-perturbation', SAM, 'first_step runs twice: the gradient is taken at θ_0 + δ + δ\'', 'closure misuse: step(closure) after a manual first_step', class extends ReferenceStep {
    override step(theta0: V, oracle: GradientOracle) {
      const g0 = this.gradient(theta0, oracle);
      const p1 = add(theta0, this.perturbation(g0, theta0));
      const g1 = this.gradient(p1, oracle);
      const gFinal = this.gradient(add(p1, this.perturbation(g1, p1)), oracle);
      return this.base(theta0, gFinal, g0);
    }
  }),
  mutant('extra-gradient-evaluation', SAM, 'correct result, but the clean gradient is computed twice (3 passes)', 'a loss.backward() left in front of step(closure)', class extends ReferenceStep {
    override step(theta0: V, oracle: GradientOracle) {
      this.gradient(theta0, oracle);
      return super.step(theta0, oracle);
    }
  }),
  mutant('stale-clean-gradient', SAM, 'perturbs with the previous step\'s gradient', 'caching g_0 across iterations (n-SAM-like reuse)', class extends ReferenceStep {
    override ascentDirection(g0: V) {
      const used = this.previousClean ?? g0;
      this.previousClean = g0;
      return used;
    }
  }),
  mutant('wd-at-perturbed-point', SAM, 'weight decay evaluated at θ_0 + δ', 'decoupling wd into the loss after the ascent', class extends ReferenceStep {
    override step(theta0: V, oracle: GradientOracle) {
      const g0 = this.gradient(theta0, oracle);
      const delta = this.perturbation(g0, theta0);
      const gFinal = this.gradient(add(theta0, delta), oracle);
      const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
      return this.base(theta0, add(gFinal, times(wd, delta)), g0);
    }
  }),
  // --- momentum and the base optimizer -------------------------------------------------------
  mutant('momentum-updated-twice', SAM, 'the buffer is updated on the ascent pass and again on the descent', 'calling base_optimizer.step() in first_step too', class extends ReferenceStep {
    override base(theta: V, grad: V, g0: V) {
      if (this.c.momentum !== 0) this.buffer = this.nextBuffer(this.buffer, this.withWeightDecay(g0, theta));
      return super.base(theta, grad, g0);
    }
  }),
  mutant('momentum-fed-by-ascent-gradient', SAM, 'the stored buffer accumulates g_0 (this step\'s update itself is right)', 'optax transparent mode / a shared buffer for both passes', class extends ReferenceStep {
    override base(theta: V, grad: V, g0: V) {
      const before = this.buffer;
      const params = super.base(theta, grad, g0);
      if (this.c.momentum !== 0) this.buffer = this.nextBuffer(before, this.withWeightDecay(g0, theta));
      return params;
    }
  }),
  mutant('momentum-buffer-reset', SGD, 'the buffer starts from scratch every step', 'optimizer re-created inside the training loop', class extends ReferenceStep {
    override base(theta: V, grad: V, g0: V) {
      this.buffer = null;
      return super.base(theta, grad, g0);
    }
  }),
  mutant('dampening-on-first-step', SGD, 'zero-initialised buffer: buf = (1 − dampening)·d on the first step', 'algorithms.md §1: ports of torch SGD', class extends ReferenceStep {
    override nextBuffer(buffer: V | null, d: V) { return super.nextBuffer(buffer ?? d.map(() => 0), d); }
  }),
  mutant('nesterov-ignored', SGD, 'nesterov = true behaves as heavy ball', 'an option accepted but not wired', class extends ReferenceStep {
    override base(theta: V, grad: V, g0: V) {
      const c = this.c;
      (this as { c: typeof c }).c = { ...c, nesterov: false };
      try { return super.base(theta, grad, g0); } finally { (this as { c: typeof c }).c = c; }
    }
  }),
  mutant('weight-decay-sign', SGD, 'd = g − wd·θ', 'sign slip when folding wd into the gradient', class extends ReferenceStep {
    override withWeightDecay(grad: V, theta: V) { return sub(grad, times(this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0, theta)); }
  }),
  mutant('weight-decay-outside-lr', SGD, 'θ ← θ − η·g − wd·θ (decay not scaled by η)', 'mixing coupled and decoupled weight decay', class extends ReferenceStep {
    override base(theta: V, grad: V, g0: V) {
      const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
      const c = this.c;
      (this as { c: typeof c }).c = { ...c, weightDecay: 0 };
      try { return sub(super.base(theta, grad, g0), times(wd, theta)); } finally { (this as { c: typeof c }).c = c; }
    }
  }),
  // --- ASAM ----------------------------------------------------------------------------------
  mutant('asam-scales-excluded-params', ['asam'], "T applied to biases under the 'exclude-biases' preset", 'davda54 #81 vs the official code: name-based selection lost in a port', class extends ReferenceStep {
    override adaptiveCoordinates() { return super.adaptiveCoordinates().map(() => true); }
  }),
  mutant('asam-missing-eta', ['asam'], 't = |θ| (η_T dropped)', 'davda54 adaptive=True used where the official ASAM is meant', class extends ReferenceStep {
    override asamScale(theta: V) {
      const flags = this.adaptiveCoordinates();
      return theta.map((x, j) => (flags[j] ? Math.abs(x) : 1));
    }
  }),
  mutant('asam-signed-scale', ['asam'], 't = θ + η_T (abs missing)', 'torch.abs forgotten', class extends ReferenceStep {
    override asamScale(theta: V) {
      const flags = this.adaptiveCoordinates();
      return theta.map((x, j) => (flags[j] ? x + this.c.etaT : 1));
    }
  }),
  mutant('asam-scale-once', ['asam'], 'δ = ρ·T g/‖T g‖ (T applied once, not twice)', 'reading δ = ρ T²g/‖Tg‖ as a normalised T g', class extends ReferenceStep {
    override asamPerturbation(g: V, theta: V) {
      const t = this.asamScale(theta);
      const tg = g.map((x, j) => t[j] * x);
      return times(this.c.rho / (norm(tg) + this.c.epsilon), tg);
    }
  }),
  mutant('asam-norm-without-scale', ['asam'], 'δ = ρ·T²g/‖g‖ (norm of the unscaled gradient)', 'reusing SAM\'s grad norm in the ASAM branch', class extends ReferenceStep {
    override asamPerturbation(g: V, theta: V) {
      const t = this.asamScale(theta);
      return g.map((x, j) => (this.c.rho * t[j] * t[j] * x) / (norm(g) + this.c.epsilon));
    }
  }),
];
