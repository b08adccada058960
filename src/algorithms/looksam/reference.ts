import { dot } from '../../oracle/vector.js';
import { ReferenceStep, add, norm, sub, times, type CommonHp, type V } from '../../verify/reference/step.js';
import type { GradientOracle } from '../../verify/types.js';
import type { LookSamOwn } from './kernel.js';

export type LookSamHp = CommonHp & LookSamOwn;

/** LookSAM (spec/variants.md §3): a SAM step every k steps that stores g_v, one-gradient reuse steps between. */
export class LookSamReference extends ReferenceStep<LookSamHp> {
  iteration = 0;
  gv: V | null = null;

  override step(theta0: V, oracle: GradientOracle): V {
    const g = this.gradient(theta0, oracle);
    const full = this.isSamStep(this.iteration++);
    let gs: V;
    if (full) {
      gs = this.gradient(add(theta0, times(this.c.rho / (norm(g) + this.c.epsilon), g)), oracle);
      this.gv = this.orthogonal(gs, g);
    } else gs = this.reuse(g, this.gv!);
    return this.base(theta0, gs, g);
  }

  isSamStep(t: number): boolean {
    return t % this.c.k === 0 || this.gv === null;
  }

  /** g_v = g_s − ‖g_s‖cos(g, g_s)·ĝ, or 0 when ‖g_v‖ ≤ τ‖g_s‖. */
  orthogonal(gs: V, g: V): V {
    const u = times(1 / (norm(g) + this.c.epsilon), g);
    const gv = sub(gs, times(dot(gs, u), u));
    return norm(gv) > this.c.orthogonalFloor * norm(gs) ? gv : times(0, gv);
  }

  /** g_s = g + α·(‖g‖/‖g_v‖)·g_v. */
  reuse(g: V, gv: V): V {
    return add(g, times((this.c.alpha * norm(g)) / (norm(gv) + this.c.epsilon), gv));
  }
}
