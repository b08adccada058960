/** An independent float64 torch.optim.RMSprop (and the tfjs form), one method per stage. */
import { BaseReferenceStep, type V } from '../reference_step.js';
import type { RmspropOptions } from './options.js';

export class RmspropReference extends BaseReferenceStep<RmspropOptions> {
  squareAvg: V | null = null;
  gradAvg: V | null = null;
  buffer: V | null = null;

  apply(theta: V, d: V): V {
    const { alpha, momentum, centered } = this.own;
    this.squareAvg = (this.squareAvg ?? d.map(() => 0)).map((x, i) => alpha * x + (1 - alpha) * d[i] * d[i]);
    if (centered) this.gradAvg = (this.gradAvg ?? d.map(() => 0)).map((x, i) => alpha * x + (1 - alpha) * d[i]);
    const inside = this.own.epsilonPlacement === 'inside';
    const out: V = [];
    const buffer: V = [];
    for (let i = 0; i < theta.length; i++) {
      const variance = this.variance(i);
      const previous = this.buffer?.[i] ?? 0;
      if (inside) {
        // tfjs keeps lr inside the buffer
        buffer.push(momentum * previous + (this.lr * d[i]) / this.root(variance));
        out.push(theta[i] - buffer[i]);
      } else {
        const scaled = d[i] / this.root(variance);
        buffer.push(momentum * previous + scaled);
        out.push(theta[i] - this.lr * (momentum > 0 ? buffer[i] : scaled));
      }
    }
    this.buffer = buffer;
    return out;
  }

  /** What the root is taken of: v, or the centered v − mg². */
  variance(i: number): number {
    return this.own.centered ? this.squareAvg![i] - this.gradAvg![i] ** 2 : this.squareAvg![i];
  }

  /** The denominator: √s + ε (torch), √(s + ε) or centered √(s − ε) (tfjs). */
  root(variance: number): number {
    const eps = this.own.epsilon;
    if (this.own.epsilonPlacement === 'outside') return Math.sqrt(variance) + eps;
    return Math.sqrt(this.own.centered ? variance - eps : variance + eps);
  }
}
