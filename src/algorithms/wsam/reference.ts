import { ReferenceStep, add, norm, sub, times, type CommonHp, type V } from '../../verify/reference/step.js';
import type { GradientOracle } from '../../verify/types.js';
import type { WsamOwn } from './kernel.js';

export type WsamHp = CommonHp & WsamOwn;

/** WSAM (spec/variants.md §2): SAM's ascent; g and g_p clipped; weighted sharpness coupled or decoupled. */
export class WsamReference extends ReferenceStep<WsamHp> {
  get alpha(): number {
    return this.c.gamma / (1 - this.c.gamma);
  }

  override step(theta0: V, oracle: GradientOracle): V {
    const raw = this.gradient(theta0, oracle);
    const delta = this.perturbation(raw, theta0);
    const gp = this.clip(this.gradient(add(theta0, delta), oracle));
    const g = this.clip(raw);
    if (!this.c.decouple) return this.base(theta0, this.applied(g, gp), raw);
    return this.decoupledSharpness(this.base(theta0, g, raw), g, gp);
  }

  override perturbation(g: V, theta: V): V {
    if (!this.c.adaptive) return times(this.c.rho / (norm(g) + this.c.epsilon), g);
    const tg = g.map((x, j) => Math.abs(theta[j]) * x);
    return g.map((x, j) => (this.c.rho * theta[j] * theta[j] * x) / (norm(tg) + this.c.epsilon));
  }

  /** torch clip_grad_norm_: scale by M/(‖g‖ + 1e-6) when that is below 1. */
  clip(g: V): V {
    if (this.c.maxNorm === null) return g;
    const coef = this.c.maxNorm / (norm(g) + 1e-6);
    return coef < 1 ? times(coef, g) : g;
  }

  /** Coupled: d = α·g_p + (1 − α)·g = g + α(g_p − g). */
  override applied(g: V, gp: V): V {
    return add(g, times(this.alpha, sub(gp, g)));
  }

  /** θ ← θ − η·α·(g_p − g), after the base step (outside the base's state). */
  decoupledSharpness(theta: V, g: V, gp: V): V {
    return sub(theta, times(this.c.learningRate * this.alpha, sub(gp, g)));
  }
}
