/** An independent float64 torch.optim.Adagrad (and the tfjs form), one method per stage. */
import { BaseReferenceStep, type V } from '../reference_step.js';
import type { AdagradOptions } from './options.js';

export class AdagradReference extends BaseReferenceStep<AdagradOptions> {
  sum: V | null = null;

  apply(theta: V, d: V): V {
    const start = this.initialSum(d.length);
    this.sum = (this.sum ?? start).map((s, i) => s + d[i] * d[i]);
    const clr = this.lr / (1 + (this.t - 1) * this.own.lrDecay);
    return theta.map((x, i) => x - (clr * d[i]) / this.root(this.sum![i]));
  }

  initialSum(n: number): V {
    return new Array<number>(n).fill(this.own.initialAccumulatorValue);
  }

  root(sum: number): number {
    return this.own.epsilonPlacement === 'outside' ? Math.sqrt(sum) + this.own.epsilon : Math.sqrt(sum + this.own.epsilon);
  }
}
