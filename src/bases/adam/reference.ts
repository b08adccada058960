/**
 * An independent float64 torch.optim.Adam / AdamW, written in torch's own arrangement
 * (step_size = lr/c1, denom = √v/√c2 + ε) rather than the oracle's m̂/(√v̂ + ε), one method per stage.
 */
import { BaseReferenceStep, type V } from '../reference_step.js';
import type { AdamOptions } from './options.js';

export class AdamReference extends BaseReferenceStep<AdamOptions> {
  m: V | null = null;
  v: V | null = null;
  vMax: V | null = null;

  apply(theta: V, d: V): V {
    this.updateMoments(d);
    const stepSize = this.lr / this.biasCorrection(this.own.beta1, this.t);
    const root = Math.sqrt(this.biasCorrection(this.own.beta2, this.t));
    const second = this.secondMoment();
    const out: V = [];
    for (let i = 0; i < theta.length; i++) out.push(theta[i] - (stepSize * this.m![i]) / this.denominator(second[i], root));
    return out;
  }

  updateMoments(d: V): void {
    const { beta1, beta2 } = this.own;
    const m = this.m ?? d.map(() => 0);
    const v = this.v ?? d.map(() => 0);
    this.m = m.map((x, i) => beta1 * x + (1 - beta1) * d[i]);
    this.v = v.map((x, i) => beta2 * x + (1 - beta2) * d[i] * d[i]);
    if (this.own.amsgrad) this.vMax = this.v.map((x, i) => Math.max(this.vMax?.[i] ?? 0, x));
  }

  /** What the denominator is built from: v, or its running maximum under AMSGrad. */
  secondMoment(): V {
    return this.own.amsgrad ? this.vMax! : this.v!;
  }

  /** √v/√c2 + ε (ε outside the root). */
  denominator(second: number, rootCorrection: number): number {
    return Math.sqrt(second) / rootCorrection + this.own.epsilon;
  }

  /** 1 − β^t; the 'float32' form multiplies β up t times in float32, as tf.train.adam. */
  biasCorrection(beta: number, t: number): number {
    if (this.own.biasCorrection === 'float64') return 1 - beta ** t;
    let power = 1;
    for (let k = 0; k < t; k++) power = Math.fround(power * Math.fround(beta));
    return Math.fround(1 - power);
  }
}
