import { tf } from '../tf.js';
import { InvalidArgumentError, SamcheckError } from '../errors.js';
import { meanTree } from './ascent.js';
import type { GradientEstimator, Objective } from './types.js';

type FiniteSumMember = 'batchSize' | 'slice' | 'perSample' | 'weighted' | 'full';

/**
 * m-SAM, n-SAM and RW-SAM need more than a loss closure. `minimize(f)` (and so model.fit) only
 * provides L_B, so they fail here with the missing capability named, instead of silently
 * degrading to SAM.
 */
export function requireMembers(objective: Objective, algorithm: string, members: readonly FiniteSumMember[]): void {
  const missing = members.filter((m) => objective[m] === undefined);
  if (missing.length > 0) {
    throw new SamcheckError(
      'INVALID_ARGUMENT',
      `objective.${missing[0]}`,
      undefined,
      `${algorithm} needs a finite-sum objective with ${members.join(', ')} (missing: ${missing.join(', ')}); ` +
        'a plain loss closure such as tf.Optimizer.minimize(f) / model.fit cannot provide it — build one with finiteSumObjective',
    );
  }
}

/** J = b/m contiguous micro-batches; m must divide b (spec/algorithms.md §7: anything else is rejected). */
export function microBatchCount(batchSize: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || batchSize % m !== 0) {
    throw new InvalidArgumentError('m', m, `a positive divisor of the batch size ${batchSize}`);
  }
  return batchSize / m;
}

/**
 * m-sharpness (spec/algorithms.md §7): run a stateless estimator on each contiguous micro-batch
 * S_1..S_J and AVERAGE the results (Keras sums them, C5). m-SAM = this over SAM's ascentGradient.
 */
export function microBatchGradient(inner: GradientEstimator<null>, m: number): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      requireMembers(objective, 'm-SAM', ['batchSize', 'slice']);
      const count = microBatchCount(objective.batchSize!, m);
      const parts = Array.from({ length: count }, (_, j) => inner.estimate(params, objective.slice!(j * m, (j + 1) * m), null, ctx));
      const grads = meanTree(parts.map((p) => p.grads));
      // Equal-size micro-batches: the mean of their mean losses is the batch loss.
      const loss = tf.div(tf.addN(parts.map((p) => p.info.loss)), count) as typeof parts[0]['info']['loss'];
      return {
        grads,
        state,
        info: {
          loss,
          scalars: { microBatches: count },
          ...(ctx.record ? { cleanGradient: meanTree(parts.map((p) => p.info.cleanGradient!)), appliedGradient: grads } : {}),
        },
      };
    },
  };
}

/**
 * Routes the clean pass to another objective and every other pass to the batch. n-SAM is SAM's
 * ascentGradient seen through this with the full-data objective L_n (spec/algorithms.md §7).
 */
export function cleanPassOn(cleanObjective: Objective, objective: Objective): Objective {
  return {
    ...objective,
    valueAndGrad: (point, pass) => (pass.kind === 'clean' ? cleanObjective : objective).valueAndGrad(point, pass),
  };
}

export function fullDataPerturbation(inner: GradientEstimator<null>): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      requireMembers(objective, 'n-SAM', ['full']);
      return inner.estimate(params, cleanPassOn(objective.full!(), objective), state, ctx);
    },
  };
}
