/**
 * Realistic bugs in multi-step SAM, XSAM, m-SAM, n-SAM and RW-SAM, each one FamilyReferenceStep
 * method overridden. Sources: spec/family.md, ../shared/reference/algorithms.md §5–§8 and
 * implementations.md.
 */
import type { GradientOracle } from '../types.js';
import { mutant, type Mutant } from './catalog.js';
import { add, norm, times, type V } from './reference.js';
import { FamilyReferenceStep, dot, type AscentPath } from './reference_family.js';

const MULTISTEP = ['multistep-sam'];
const XSAM = ['xsam'];

export const FAMILY_MUTANTS: Mutant[] = [
  // --- multi-step SAM ------------------------------------------------------------------------
  mutant('multistep-rho-not-divided-by-k', MULTISTEP, 'fixed path: each of the k steps has length ρ (path kρ)', 'optax contrib.sam with normalize() + sgd(ρ) (algorithms.md §5(c)); XSAM train.py divides --rho by --steps, a port that does not', class extends FamilyReferenceStep {
    override ascentStep(delta: V, g: V) {
      return this.c.ascent === 'projected' ? super.ascentStep(delta, g) : add(delta, times(this.c.rho / (norm(g) + this.c.epsilon), g));
    }
  }),
  mutant('multistep-not-projected', MULTISTEP, "'projected': δ + c·ρ·ĝ never projected back onto the ρ-ball", 'the projection step of tml-epfl/understanding-sam dropped in a port', class extends FamilyReferenceStep {
    override project(x: V) { return x; }
  }),
  mutant('multistep-first-ascent-gradient', MULTISTEP, 'applies g_1 (the first ascent gradient) instead of g_k / the average', 'the gradient kept from the first loop iteration', class extends FamilyReferenceStep {
    override multiStepApplied(path: AscentPath) { return path.gradients[0]; }
  }),
  mutant('multistep-average-includes-clean', MULTISTEP, "'average' also averages g_0 (the clean gradient)", 'spec/family.md §1.1: g_0 is excluded; accumulating .grad from the first backward', class extends FamilyReferenceStep {
    override multiStepApplied(path: AscentPath, g0: V) {
      if (this.c.applied !== 'average') return super.multiStepApplied(path, g0);
      return path.gradients.reduce(add, g0).map((x) => x / (path.gradients.length + 1));
    }
  }),
  mutant('multistep-missing-ascent-step', MULTISTEP, 'k − 1 ascent steps (loop from 1 to k − 1); k = 1 then applies g_0', 'off-by-one: for i in range(1, k)', class extends FamilyReferenceStep {
    override ascentStepCount() { return this.c.steps - 1; }
    override multiStepApplied(path: AscentPath, g0: V) { return path.gradients.length === 0 ? g0 : super.multiStepApplied(path, g0); }
  }),
  mutant('multistep-extra-ascent-step', MULTISTEP, 'k + 1 ascent steps (k + 2 gradient evaluations)', 'off-by-one: for i in range(k + 1)', class extends FamilyReferenceStep {
    override ascentStepCount() { return this.c.steps + 1; }
  }),
  mutant('multistep-stale-direction', MULTISTEP, 'every ascent step normalises the clean gradient g_0', 'the direction computed once before the loop', class extends FamilyReferenceStep {
    override ascentDirectionAt(_g: V, g0: V) { return g0; }
  }),
  // --- XSAM ----------------------------------------------------------------------------------
  mutant('xsam-unclamped-arccos', XSAM, 'ψ = arccos(v_0·v_1) without a clamp: NaN when v_0 ∥ v_1 rounds the dot above 1', 'Cccjl219/XSAM utils/xsam.py (hazard H1)', class extends FamilyReferenceStep {
    override xsamAngle(v0: V, v1: V) { return Math.acos(dot(v0, v1)); }
  }),
  mutant('xsam-linear-interpolation', XSAM, 'u = (1 − α)·v_0 + α·v_1 (lerp instead of slerp)', 'reading v(α) as a convex combination', class extends FamilyReferenceStep {
    override slerp(v0: V, v1: V, psi: number, alpha: number) {
      return Math.sin(psi) >= 1e-8 ? add(times(1 - alpha, v0), times(alpha, v1)) : super.slerp(v0, v1, psi, alpha);
    }
  }),
  mutant('xsam-update-not-scaled', XSAM, 'applies the unit direction u instead of ‖g_k‖·u', 'the scale = ‖g_k‖ line dropped', class extends FamilyReferenceStep {
    override xsamScale() { return 1; }
  }),
  mutant('xsam-alpha-from-wrong-end', XSAM, 'u = [sin(αψ)·v_0 + sin((1−α)ψ)·v_1]/sin ψ (α measured from v_1)', 'slerp coefficients swapped (spec/family.md X4 mutation)', class extends FamilyReferenceStep {
    override slerp(v0: V, v1: V, psi: number, alpha: number) { return super.slerp(v0, v1, psi, 1 - alpha); }
  }),
  mutant('xsam-scale-by-clean-gradient', XSAM, 'the update is scaled by ‖g_0‖ instead of ‖g_k‖', 'a gradient-norm buffer read after it was overwritten (algorithms.md §6 step 6: the probe loop overwrites .grad)', class extends FamilyReferenceStep {
    override xsamScale(_gk: V, g0: V) { return norm(g0); }
  }),
  mutant('xsam-v0-first-ascent-direction', XSAM, 'v_0 = ĝ_0 (the first ascent direction) instead of the total displacement θ_k − θ_0', 'equal for k = 1, so a port tested only at k = 1 keeps it', class extends FamilyReferenceStep {
    override xsamV0(_path: AscentPath, g0: V) { return times(1 / (norm(g0) + this.c.epsilon), g0); }
  }),
  // --- m-SAM ---------------------------------------------------------------------------------
  mutant('msam-summed-micro-batches', ['m-sam'], 'applies Σ_j g_j instead of the mean over the J micro-batches', 'Keras SharpnessAwareMinimization num_batch_splits (properties.md C5)', class extends FamilyReferenceStep {
    override combineMicroBatches(gradients: V[]) { return gradients.reduce(add); }
  }),
  mutant('msam-shared-perturbation', ['m-sam'], 'one perturbation from the batch gradient shared by every micro-batch (m-SAM degenerates to SAM)', 'data-parallel SAM that all-reduces the ascent gradient', class extends FamilyReferenceStep {
    override mSam(theta0: V, oracle: GradientOracle) {
      const g = this.gradient(theta0, oracle);
      const point = add(theta0, this.samPerturbation(g));
      return this.base(theta0, this.combineMicroBatches(this.microBatches(oracle).map((samples) => this.gradient(point, oracle, { samples }))), g);
    }
  }),
  mutant('msam-strided-micro-batches', ['m-sam'], 'micro-batch j is batch[j], batch[j + J], … instead of a contiguous slice', 'x[j::J] instead of x[j*m:(j+1)*m]', class extends FamilyReferenceStep {
    override microBatches(oracle: GradientOracle) {
      const batch = oracle.data!.batch;
      const count = batch.length / this.c.m;
      return Array.from({ length: count }, (_, j) => batch.filter((_, i) => i % count === j));
    }
  }),
  // --- n-SAM ---------------------------------------------------------------------------------
  mutant('nsam-batch-perturbation', ['n-sam'], 'perturbs with the batch gradient instead of the full-data gradient (n-SAM = SAM)', 'the full-data pass wired to the minibatch loader', class extends FamilyReferenceStep {
    override nSamPerturbationSamples() { return undefined; }
  }),
  mutant('nsam-full-data-descent', ['n-sam'], 'the descent gradient is also taken on the full data', 'routing both passes to L_n (spec/family.md K1 mutation: routing swapped)', class extends FamilyReferenceStep {
    override nSamDescentSamples(oracle: GradientOracle) { return { samples: oracle.data!.full }; }
  }),
  // --- RW-SAM (samcheck definition) ----------------------------------------------------------
  mutant('rwsam-weights-not-normalised', ['rw-sam'], 'p_i = exp((s_i − s_max)/τ) without dividing by the sum', 'softmax without its denominator (spec/family.md C9 mutation)', class extends FamilyReferenceStep {
    override gibbsWeights(scores: V) {
      const sMax = Math.max(...scores);
      return scores.map((s) => Math.exp((s - sMax) / (this.c.temperature as number)));
    }
  }),
  mutant('rwsam-weighted-descent', ['rw-sam'], 'the descent gradient is the weighted Σ p_i ∇f_i(θ_0 + δ) instead of the uniform mean', 'weights applied to the loss of both passes', class extends FamilyReferenceStep {
    weights: V | null = null;
    override gibbsWeights(scores: V) { return (this.weights = super.gibbsWeights(scores)); }
    override rwSamDescent(point: V, oracle: GradientOracle) {
      return this.weights === null ? super.rwSamDescent(point, oracle) : this.gradient(point, oracle, { samples: oracle.data!.batch, weights: this.weights });
    }
  }),
  mutant('rwsam-scores-not-divided-by-h', ['rw-sam'], 's_i = f_i(θ_0 + h·u) − f_i(θ_0) (no division by h: the temperature becomes τ·h)', 'a finite difference left unscaled', class extends FamilyReferenceStep {
    override sampleScores(theta0: V, u: V, oracle: GradientOracle) { return super.sampleScores(theta0, u, oracle).map((s) => s * this.c.h); }
  }),
  mutant('rwsam-inverted-temperature', ['rw-sam'], 'p_i ∝ exp(−s_i/τ): the weights favour the flattest samples', 'sign slip in the Gibbs exponent (energy vs score)', class extends FamilyReferenceStep {
    override gibbsWeights(scores: V) { return super.gibbsWeights(scores.map((s) => -s)); }
  }),
];
