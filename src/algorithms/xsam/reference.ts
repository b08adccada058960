import { AscentPathReference, type AscentPath, type PathHp } from '../../verify/reference/ascent_path.js';
import { add, norm, sub, times, type V } from '../../verify/reference/step.js';
import { unit } from '../../oracle/vector.js';
import type { GradientOracle } from '../../verify/types.js';

export interface XsamHp extends PathHp {
  alpha: number;
}

/** XSAM with a static α (spec/family.md §1.2): fixed-path ascent, slerp between v_0 and v_1, scaled by ‖g_k‖. */
export class XsamReference extends AscentPathReference<XsamHp> {
  override step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const path = this.ascentPath(theta0, g0, oracle);
    const gk = path.gradients[path.gradients.length - 1];
    const v0 = this.xsamV0(path, g0);
    const v1 = unit(gk, this.c.epsilon);
    const u = this.slerp(v0, v1, this.xsamAngle(v0, v1), this.c.alpha);
    return this.base(theta0, times(this.xsamScale(gk, g0), u), g0);
  }

  xsamV0(path: AscentPath, _g0: V): V {
    return unit(path.delta, this.c.epsilon);
  }

  /** ψ = 2·atan2(‖v_0 − v_1‖, ‖v_0 + v_1‖): never NaN (the reference's arccos is hazard H1). */
  xsamAngle(v0: V, v1: V): number {
    return 2 * Math.atan2(norm(sub(v0, v1)), norm(add(v0, v1)));
  }

  /** u = (v_0 + v_1)/2 if sin ψ < 1e-8, else [sin((1−α)ψ)·v_0 + sin(αψ)·v_1]/sin ψ. */
  slerp(v0: V, v1: V, psi: number, alpha: number): V {
    if (!(Math.sin(psi) >= 1e-8)) return Number.isNaN(psi) ? v0.map(() => NaN) : times(0.5, add(v0, v1));
    return add(times(Math.sin((1 - alpha) * psi) / Math.sin(psi), v0), times(Math.sin(alpha * psi) / Math.sin(psi), v1));
  }

  /** The update is ‖g_k‖·u (no guard). */
  xsamScale(gk: V, _g0: V): number {
    return norm(gk);
  }
}
