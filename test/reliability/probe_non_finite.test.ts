/**
 * spec/errors.md NON_FINITE "in the loss of any pass (clean, ascent, final, probe)": a forward-only
 * pass counts too. XSAM's probes at radius ρ_max = 5 leave the domain of −Σ log θ (NaN loss) while
 * the clean and ascent passes (ρ = 0.05) stay inside it with finite gradients. Added for the mutation
 * run (spec/mutation.md): no test had a non-finite forward-only pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { NonFiniteError } from '../../src/errors.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, initState, step } from '../../src/kernels/step.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const logBarrier = functionObjective((p) => tf.neg(tf.sum(tf.log(p[0]))) as tf.Scalar);

describe('a non-finite probe loss', () => {
  it.each(['throw', 'skip'] as const)("onNonFinite = '%s': raises NonFiniteError naming the loss, or skips", (onNonFinite) => {
    const algorithm = createAlgorithm({ algorithm: 'xsam', learningRate: 0.1, rho: 0.05, rhoMax: 5, onNonFinite }, { names: ['x'] });
    const params = [tf.tensor1d([1, 2])];
    const state = initState(algorithm, params);
    const before = tf.memory().numTensors;
    if (onNonFinite === 'throw') {
      expect(() => step(algorithm, params, logBarrier, state)).toThrow(NonFiniteError);
      expect(() => step(algorithm, params, logBarrier, state)).toThrow(expect.objectContaining({ parameter: 'loss' }));
      expect(tf.memory().numTensors).toBe(before);
    } else {
      const r = step(algorithm, params, logBarrier, state);
      expect(r.skipped).toBe(true);
      expect(r.params).toBe(params);
      tf.dispose(r.info.loss);
    }
    tf.dispose(params);
  });
});
