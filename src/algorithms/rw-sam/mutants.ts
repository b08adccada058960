/** Realistic bugs in rw-sam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import type { GradientOracle } from '../../verify/types.js';
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { type V } from '../../verify/reference/step.js';
import { RwSamReference } from './reference.js';

export const rwSamMutants = mutantsOf('rw-sam', [
  mutant('rwsam-weights-not-normalised', 'p_i = exp((s_i − s_max)/τ) without dividing by the sum', 'softmax without its denominator (spec/family.md C9 mutation)', class extends RwSamReference {
    override gibbsWeights(scores: V) {
      const sMax = Math.max(...scores);
      return scores.map((s) => Math.exp((s - sMax) / (this.c.temperature as number)));
    }
  }),
  mutant('rwsam-weighted-descent', 'the descent gradient is the weighted Σ p_i ∇f_i(θ_0 + δ) instead of the uniform mean', 'weights applied to the loss of both passes', class extends RwSamReference {
    weights: V | null = null;
    override gibbsWeights(scores: V) { return (this.weights = super.gibbsWeights(scores)); }
    override rwSamDescent(point: V, oracle: GradientOracle) {
      return this.weights === null ? super.rwSamDescent(point, oracle) : this.gradient(point, oracle, { samples: oracle.data!.batch, weights: this.weights });
    }
  }),
  mutant('rwsam-scores-not-divided-by-h', 's_i = f_i(θ_0 + h·u) − f_i(θ_0) (no division by h: the temperature becomes τ·h)', 'a finite difference left unscaled', class extends RwSamReference {
    override sampleScores(theta0: V, u: V, oracle: GradientOracle) { return super.sampleScores(theta0, u, oracle).map((s) => s * this.c.h); }
  }),
  mutant('rwsam-inverted-temperature', 'p_i ∝ exp(−s_i/τ): the weights favour the flattest samples', 'sign slip in the Gibbs exponent (energy vs score)', class extends RwSamReference {
    override gibbsWeights(scores: V) { return super.gibbsWeights(scores.map((s) => -s)); }
  }),
]);
