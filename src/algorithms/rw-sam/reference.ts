import { unit } from '../../oracle/vector.js';
import type { GradientOracle } from '../../verify/types.js';
import { add, sub, times, type V } from '../../verify/reference/step.js';
import { SamReference, type SamHp } from '../sam/reference.js';

/** RW-SAM, samcheck definition (spec/family.md §1.5). */
export class RwSamReference extends SamReference<SamHp & { temperature: number | 'infinity'; h: number }> {
  override step(theta0: V, oracle: GradientOracle): V {
    const g = this.gradient(theta0, oracle);
    let gp = g;
    if (this.c.temperature !== 'infinity') {
      const batch = oracle.data!.batch;
      const weights = this.gibbsWeights(this.sampleScores(theta0, unit(g, this.c.epsilon), oracle));
      gp = this.gradient(theta0, oracle, { samples: batch, weights });
    }
    const delta = this.samPerturbation(gp);
    return this.base(theta0, this.rwSamDescent(add(theta0, delta), oracle), g);
  }

  /** s_i = (f_i(θ_0 + h·u) − f_i(θ_0))/h, two forward per-sample requests. */
  sampleScores(theta0: V, u: V, oracle: GradientOracle): V {
    const perSample = (point: V) => oracle.evaluate(point, ['perSample']).perSample!;
    const at0 = perSample(theta0);
    return sub(perSample(add(theta0, times(this.c.h, u))), at0).map((d) => d / this.c.h);
  }

  /** p_i = exp((s_i − s_max)/τ) / Σ_j exp((s_j − s_max)/τ). */
  gibbsWeights(scores: V): V {
    const tau = this.c.temperature as number;
    const sMax = Math.max(...scores);
    const e = scores.map((s) => Math.exp((s - sMax) / tau));
    const z = e.reduce((a, x) => a + x, 0);
    return e.map((x) => x / z);
  }

  /** The uniform batch gradient at θ_0 + δ. */
  rwSamDescent(point: V, oracle: GradientOracle): V {
    return this.gradient(point, oracle);
  }
}
