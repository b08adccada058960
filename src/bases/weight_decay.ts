/**
 * Weight decay as a tfjs transformation around any base (spec/bases.md §0), so no base carries
 * its own copy: 'base' adds λ·θ_0 to the gradient (coupled L2, torch's `weight_decay`),
 * 'decoupled' scales θ_0 by (1 − lr·λ) before the base's step (torch AdamW), 'loss' does nothing
 * here (the objective carries λ/2‖θ‖²).
 */
import { tf } from '../tf.js';
import type { BaseOptimizer, Tree } from '../kernels/types.js';
import { tidyUpdate } from './tidy.js';
import { ownDecay, type CommonBaseHyperparameters } from './descriptor.js';

/** d = g + λ·θ_0 (torch: grad.add(param, alpha=weight_decay)). */
export const coupledDecay = (lambda: number) => (grads: Tree, params: Tree): Tree =>
  grads.map((g, i) => tf.add(g, tf.mul(params[i], lambda)));

/** θ ← θ·(1 − lr·λ) (torch AdamW: param.mul_(1 - lr * weight_decay)). */
export const decoupledDecay = (learningRate: number, lambda: number) => (params: Tree): Tree =>
  params.map((p) => tf.mul(p, 1 - learningRate * lambda));

/** The base with the placement of `common` applied around it; the identity when λ = 0 or 'loss'. */
export function withWeightDecay<S>(common: CommonBaseHyperparameters, core: BaseOptimizer<S>): BaseOptimizer<S> {
  const coupled = ownDecay(common, 'base');
  const decoupled = ownDecay(common, 'decoupled');
  if (coupled === 0 && decoupled === 0) return core;
  const toGradient = coupledDecay(coupled);
  const toParams = decoupledDecay(common.learningRate, decoupled);
  return {
    init: (params) => core.init(params),
    update: (grads, state, params, iteration) =>
      tidyUpdate(() => {
        const d = coupled !== 0 ? toGradient(grads, params) : grads;
        const theta = decoupled !== 0 ? toParams(params) : params;
        return core.update(d, state, theta, iteration);
      }),
  };
}

