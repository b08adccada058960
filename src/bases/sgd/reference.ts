/** An independent float64 torch.optim.SGD, one method per stage (mutants override one). */
import { BaseReferenceStep, type V } from '../reference_step.js';
import type { SgdOptions } from './options.js';

export class SgdReference extends BaseReferenceStep<SgdOptions> {
  buffer: V | null = null;
  /** The buffer before this step's update (what a stale look-ahead would use). */
  previous: V | null = null;

  apply(theta: V, d: V): V {
    let direction = d;
    if (this.own.momentum !== 0) {
      this.previous = this.buffer;
      this.buffer = this.nextBuffer(this.buffer, d);
      direction = this.own.nesterov ? this.lookahead(d) : this.buffer;
    }
    const out: V = [];
    for (let i = 0; i < theta.length; i++) out.push(theta[i] - this.lr * direction[i]);
    return out;
  }

  nextBuffer(buffer: V | null, d: V): V {
    if (buffer === null) return d.slice();
    const { momentum, dampening } = this.own;
    return buffer.map((b, i) => momentum * b + (1 - dampening) * d[i]);
  }

  /** Nesterov: d + β·buf. */
  lookahead(d: V, buffer: V = this.buffer!): V {
    return d.map((x, i) => x + this.own.momentum * buffer[i]);
  }
}
