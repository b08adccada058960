import type { GradientOracle } from '../../verify/types.js';
import { ReferenceStep, type V } from '../../verify/reference/step.js';

/** SGD: the clean gradient applied by the base step. */
export class SgdReference extends ReferenceStep {
  override step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    return this.base(theta0, g0, g0);
  }
}
