import { dot } from '../../oracle/vector.js';
import { ReferenceStep, add, norm, sub, times, type CommonHp, type V } from '../../verify/reference/step.js';
import type { GsamOwn } from './kernel.js';

export type GsamHp = CommonHp & GsamOwn;

/** GSAM (spec/variants.md §1): SAM's ascent with radius ρ_t, then d = g_p − α·(g ⊥ g_p). */
export class GsamReference extends ReferenceStep<GsamHp> {
  override perturbation(g: V, theta: V): V {
    const rho = this.gsamRadius();
    const c = this.c;
    if (c.adaptive === 'pytorch') {
      const tg = g.map((x, j) => Math.abs(theta[j]) * x);
      return tg.map((x, j) => (rho * Math.abs(theta[j]) * x) / (norm(tg) + c.epsilon));
    }
    const unit = times(rho / (norm(g) + c.epsilon), g);
    return c.adaptive === 'big_vision' ? unit.map((x, j) => Math.abs(theta[j]) * x) : unit;
  }

  gsamRadius(): number {
    const { rho, rhoMin, lrMax, lrMin, lrNow } = this.c;
    return lrMax === lrMin ? rho : rhoMin + ((rho - rhoMin) * (lrNow - lrMin)) / (lrMax - lrMin);
  }

  override applied(g0: V, gp: V): V {
    return this.c.decompose === 'perturbed' ? sub(gp, times(this.c.alpha, this.vertical(g0, gp))) : add(g0, times(this.c.alpha, this.vertical(gp, g0)));
  }

  /** The component of x orthogonal to `along`: x − (x·û)û, û = along/(‖along‖ + ε). */
  vertical(x: V, along: V): V {
    const u = times(1 / (norm(along) + this.c.epsilon), along);
    return sub(x, times(dot(x, u), u));
  }
}
