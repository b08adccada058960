/** Realistic bugs in multistep-sam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { add, norm, times, type V } from '../../verify/reference/step.js';
import type { AscentPath } from '../../verify/reference/ascent_path.js';
import { MultiStepSamReference } from './reference.js';

export const multistepSamMutants = mutantsOf('multistep-sam', [
  mutant('multistep-rho-not-divided-by-k', 'fixed path: each of the k steps has length ρ (path kρ)', 'optax contrib.sam with normalize() + sgd(ρ) (algorithms.md §5(c)); XSAM train.py divides --rho by --steps, a port that does not', class extends MultiStepSamReference {
    override ascentStep(delta: V, g: V) {
      return this.c.ascent === 'projected' ? super.ascentStep(delta, g) : add(delta, times(this.c.rho / (norm(g) + this.c.epsilon), g));
    }
  }),
  mutant('multistep-not-projected', "'projected': δ + c·ρ·ĝ never projected back onto the ρ-ball", 'the projection step of tml-epfl/understanding-sam dropped in a port', class extends MultiStepSamReference {
    override project(x: V) { return x; }
  }),
  mutant('multistep-first-ascent-gradient', 'applies g_1 (the first ascent gradient) instead of g_k / the average', 'the gradient kept from the first loop iteration', class extends MultiStepSamReference {
    override multiStepApplied(path: AscentPath) { return path.gradients[0]; }
  }),
  mutant('multistep-average-includes-clean', "'average' also averages g_0 (the clean gradient)", 'spec/family.md §1.1: g_0 is excluded; accumulating .grad from the first backward', class extends MultiStepSamReference {
    override multiStepApplied(path: AscentPath, g0: V) {
      if (this.c.applied !== 'average') return super.multiStepApplied(path, g0);
      return path.gradients.reduce(add, g0).map((x) => x / (path.gradients.length + 1));
    }
  }),
  mutant('multistep-missing-ascent-step', 'k − 1 ascent steps (loop from 1 to k − 1); k = 1 then applies g_0', 'off-by-one: for i in range(1, k)', class extends MultiStepSamReference {
    override ascentStepCount() { return this.c.steps - 1; }
    override multiStepApplied(path: AscentPath, g0: V) { return path.gradients.length === 0 ? g0 : super.multiStepApplied(path, g0); }
  }),
  mutant('multistep-extra-ascent-step', 'k + 1 ascent steps (k + 2 gradient evaluations)', 'off-by-one: for i in range(k + 1)', class extends MultiStepSamReference {
    override ascentStepCount() { return this.c.steps + 1; }
  }),
  mutant('multistep-stale-direction', 'every ascent step normalises the clean gradient g_0', 'the direction computed once before the loop', class extends MultiStepSamReference {
    override ascentDirectionAt(_g: V, g0: V) { return g0; }
  }),
]);
