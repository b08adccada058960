import { baseMutant } from '../compose.js';
import type { V } from '../reference_step.js';
import { adamRuleMutants } from '../adam/mutants.js';
import type { AdamOptions } from '../adam/options.js';
import { AdamReference } from '../adam/reference.js';

export const ADAMW_MUTANTS = [
  ...adamRuleMutants('adamw').filter((m) => m.id === 'adamw-no-bias-correction'),
  baseMutant<AdamOptions>('adamw-coupled-decay', 'adamw', "AdamW's weight decay added to the gradient (Adam's L2) instead of θ·(1 − lr·λ)", 'Adam ↔ AdamW confusion (Loshchilov & Hutter 2019; pytorch/pytorch#21250 lists the abortive AdamW PRs)', (own, common) =>
    new (class extends AdamReference {
      override decoupled(theta: V) { return theta; }
      override coupled(grad: V, theta: V) { return this.placement === 'decoupled' ? grad.map((g, i) => g + this.lambda * theta[i]) : super.coupled(grad, theta); }
    })(own, common)),
  baseMutant<AdamOptions>('adamw-decay-not-scaled-by-lr', 'adamw', 'θ ← θ·(1 − λ): the decay is not multiplied by the learning rate', 'tensorflow/addons#2282 (DecoupledWeightDecayExtension); egg-west/AdamW-pytorch#1', (own, common) =>
    new (class extends AdamReference {
      override decoupled(theta: V) { return this.placement === 'decoupled' ? theta.map((x) => x * (1 - this.lambda)) : theta; }
    })(own, common)),
];
