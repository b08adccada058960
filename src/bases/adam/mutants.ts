import { baseMutant } from '../compose.js';
import type { BaseMutant } from '../descriptor.js';
import type { V } from '../reference_step.js';
import type { AdamOptions } from './options.js';
import { AdamReference } from './reference.js';

const mutant = baseMutant<AdamOptions>;

/** Adam's bugs that are not about weight decay (shared by adam and adamw: the same rule). */
export const adamRuleMutants = (base: string): BaseMutant<AdamOptions>[] => [
  mutant(`${base}-no-bias-correction`, base, 'm and v used without dividing by 1 − β^t', 'BVLC/caffe#4224; oxiglade/mlx-rs#301; ml-explore/mlx#1640 (AdamW without bias correction)', (own, common) =>
    new (class extends AdamReference {
      override biasCorrection() { return 1; }
    })(own, common)),
  mutant(`${base}-epsilon-inside-sqrt`, base, 'denominator √(v̂ + ε) instead of √v̂ + ε', 'the TF/Keras RMSprop form carried into Adam (pytorch/pytorch#23796, chainer/chainer#4754)', (own, common) =>
    new (class extends AdamReference {
      override denominator(second: number, root: number) { return Math.sqrt(second / (root * root) + this.own.epsilon); }
    })(own, common)),
  mutant(`${base}-moments-see-clean-gradient`, base, 'm and v are also updated with the clean gradient g_0 (the ascent pass)', 'a SAM wrapper that lets the base optimizer see the first backward pass (optax sam transparent mode; base_optimizer.step() in first_step)', (own, common) =>
    new (class extends AdamReference {
      override observe(grad: V) { this.updateMoments(grad); }
    })(own, common)),
  mutant(`${base}-step-count-twice`, base, 'the step count advances by 2 per step (bias correction of step 2t)', 'DiffSharp/DiffSharp#292 (count advanced per update call); pytorch/torchtitan#4382 (a dummy step advances state["step"])', (own, common) =>
    new (class extends AdamReference {
      override advance(t: number) { return t + 2; }
    })(own, common)),
  mutant(`${base}-amsgrad-max-of-corrected`, base, 'AMSGrad keeps the maximum of v̂ = v/(1 − β2^t) instead of v', 'pytorch/pytorch#142323 (docs vs code); optax scale_by_amsgrad (google-deepmind/optax#1423)', (own, common) =>
    new (class extends AdamReference {
      hatMax: V | null = null;
      override secondMoment() {
        if (!this.own.amsgrad) return super.secondMoment();
        const c2 = this.biasCorrection(this.own.beta2, this.t);
        this.hatMax = this.v!.map((x, i) => Math.max(this.hatMax?.[i] ?? 0, x / c2));
        return this.hatMax.map((x) => x * c2); // rescaled so apply's √c2 division gives max v̂
      }
    })(own, common)),
];

export const ADAM_MUTANTS: readonly BaseMutant<AdamOptions>[] = [
  ...adamRuleMutants('adam'),
  mutant('adam-decoupled-decay', 'adam', "Adam's weight_decay applied as AdamW's θ·(1 − lr·λ)", 'Adam ↔ AdamW confusion (Loshchilov & Hutter 2019; pytorch/pytorch#3740, #4429)', (own, common) =>
    new (class extends AdamReference {
      override coupled(grad: V) { return grad; }
      override decoupled(theta: V) { return this.placement === 'base' ? theta.map((x) => x * (1 - this.lr * this.lambda)) : super.decoupled(theta); }
    })(own, common)),
];
