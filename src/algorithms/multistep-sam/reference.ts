import { AscentPathReference, mean, type AscentPath, type PathHp } from '../../verify/reference/ascent_path.js';
import { add, norm, times, type V } from '../../verify/reference/step.js';
import { unit } from '../../oracle/vector.js';
import type { GradientOracle } from '../../verify/types.js';

export interface MultiStepHp extends PathHp {
  ascent: 'fixed-path' | 'projected';
  stepSizeMultiplier: number;
  applied: 'last' | 'average';
}

/** Multi-step SAM (spec/family.md §1.1). */
export class MultiStepSamReference extends AscentPathReference<MultiStepHp> {
  override step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const path = this.ascentPath(theta0, g0, oracle);
    return this.base(theta0, this.multiStepApplied(path, g0), g0);
  }

  /** Fixed path: δ + (ρ/k)·ĝ. Projected: Π_ρ(δ + c·ρ·ĝ). */
  override ascentStep(delta: V, g: V): V {
    if (this.c.ascent === 'projected') return this.project(add(delta, times(this.c.stepSizeMultiplier * this.c.rho, unit(g, this.c.epsilon))));
    return super.ascentStep(delta, g);
  }

  /** Π_ρ(x) = x·min(1, ρ/‖x‖). */
  project(x: V): V {
    const n = norm(x);
    return n > this.c.rho ? times(this.c.rho / n, x) : x;
  }

  multiStepApplied(path: AscentPath, _g0: V): V {
    return this.c.applied === 'average' ? mean(path.gradients) : path.gradients[path.gradients.length - 1];
  }
}
