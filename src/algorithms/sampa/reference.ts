import type { GradientOracle } from '../../verify/types.js';
import type { SampaOwn } from './kernel.js';
import { ReferenceStep, add, norm, sub, times, type CommonHp, type V } from '../../verify/reference/step.js';

/** The own keys are the config's (spec/variants-b.md §3); only the type is shared with the kernel. */
export interface SampaHp extends CommonHp, SampaOwn {}

/** SAMPa (spec/variants-b.md §3): gradients at x̃ = x + ρ·ĝ_y and at the lookahead y′, mixed by λ. */
export class SampaReference extends ReferenceStep<SampaHp> {
  /** ∇f(y_t); null before the first step (0). */
  yGradient: V | null = null;
  /** The lookahead's heavy-ball buffer; null before the first step. */
  lookaheadBuffer: V | null = null;

  override step(x: V, oracle: GradientOracle): V {
    const gy = this.yGradient ?? x.map(() => 0);
    const perturbed = this.yGradient === null ? x : this.ascentPoint(x, this.perturbation(gy, x));
    const lookahead = this.lookahead(x, gy);
    const gPerturbed = this.gradient(perturbed, oracle);
    const gLookahead = this.gradient(lookahead, oracle);
    const applied = this.applied(gPerturbed, gLookahead);
    this.yGradient = this.nextYGradient(gPerturbed, gLookahead);
    if (this.c.lookaheadMomentum > 0) {
      const d = add(applied, times(this.c.lookaheadWeightDecay, x));
      this.lookaheadBuffer = this.lookaheadBuffer === null ? d : add(times(this.c.lookaheadMomentum, this.lookaheadBuffer), d);
    }
    return this.base(x, applied, gPerturbed);
  }

  override perturbation(gy: V, _x: V): V {
    return times(this.c.rho / (norm(gy) + this.c.epsilon), gy);
  }

  /** y′ = x − η·(∇f(y) + λ_y·x + μ·b), the bracket once b exists and μ > 0 (train.py's torch-SGD prediction). */
  lookahead(x: V, gy: V): V {
    const b = this.lookaheadBuffer;
    const step = this.c.lookaheadMomentum > 0 && b !== null ? add(gy, add(times(this.c.lookaheadWeightDecay, x), times(this.c.lookaheadMomentum, b))) : gy;
    return sub(x, times(this.c.lookaheadRate, step));
  }

  /** (1 − λ)·∇f(x̃) + λ·∇f(y′). */
  override applied(gPerturbed: V, gLookahead: V): V {
    return add(times(1 - this.c.lambda, gPerturbed), times(this.c.lambda, gLookahead));
  }

  nextYGradient(_gPerturbed: V, gLookahead: V): V {
    return gLookahead;
  }
}
