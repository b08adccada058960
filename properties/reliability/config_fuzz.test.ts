/**
 * Claim: every public step entry either raises a SamcheckError (with a code, the parameter's
 * name and its value) or returns finite parameters — never NaN output, never another exception
 * type, never a leaked tensor — whatever configuration and parameters it is given.
 * spec/errors.md lists the codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { SamcheckError } from '../../src/errors.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn } from '../../src/kernels/step.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { algorithmNames, descriptorOf, ownKeys } from '../../src/algorithms/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const badValue = fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, -1, 1e300, 1e-300, '0.1', null, true, [], {}, 'some');

/** A valid configuration of a registered algorithm (only the keys it knows). */
const validConfigArb = fc.constantFrom(...algorithmNames()).chain((algorithm) => {
  const keys = ownKeys(descriptorOf(algorithm));
  const own: Record<string, fc.Arbitrary<unknown>> = {
    rho: fc.double({ min: 0, max: 1, noNaN: true }),
    etaT: fc.double({ min: 0, max: 0.1, noNaN: true }),
    epsilon: fc.constantFrom(1e-12, 0),
    m: fc.constantFrom(1, 2, 4),
    steps: fc.integer({ min: 1, max: 3 }),
    temperature: fc.constantFrom(0.1, 1, 'infinity'),
    rhoMax: fc.double({ min: 0.01, max: 1, noNaN: true }),
    alpha: fc.double({ min: 0, max: 2, noNaN: true }),
  };
  return fc.record(
    {
      algorithm: fc.constant(algorithm as unknown),
      learningRate: fc.double({ min: 0, max: 1, noNaN: true }),
      momentum: fc.constantFrom(0, 0.5, 0.9),
      weightDecay: fc.constantFrom(0, 1e-3, 0.1),
      weightDecayIn: fc.constantFrom('base', 'loss'),
      ...Object.fromEntries(keys.filter((k) => k in own).map((k) => [k, own[k]])),
    },
    { requiredKeys: ['algorithm', 'learningRate'] },
  );
});

/** Corrupts 0–2 fields (known or unknown keys) with malformed values: the shrinker names the culprit. */
const configArb = fc
  .tuple(
    validConfigArb,
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as Array<[string, unknown]>) },
      { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('algorithm', 'learningRate', 'rho', 'epsilon', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'weightDecayIn', 'etaT', 'adaptive', 'm', 'steps', 'temperature', 'rhoMax', 'alpha', 'alphaDelta', 'typo'), badValue), { minLength: 1, maxLength: 2 }) },
    ),
  )
  .map(([config, corruptions]) => ({ ...config, ...Object.fromEntries(corruptions) }));

const paramsArb = fc.array(fc.oneof({ weight: 12, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity) }), {
  minLength: 3,
  maxLength: 3,
});

/**
 * A finite sum over a batch of 4 (so m-SAM, n-SAM and RW-SAM can step too):
 * f_i(θ) = ½‖θ − c_i‖² over two tensors ('w/kernel' [2], 'w/bias' [1]), c_i = (i, 1 − i, i/2).
 */
const CENTERS = [0, 1, 0, 1, 0, 0.5, 2, -1, 1, 3, -2, 1.5];
const perSample = ([w, b]: tf.Tensor[], start: number, end: number) => {
  const theta = tf.concat([w, b]);
  return tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.tensor2d(CENTERS.slice(3 * start, 3 * end), [end - start, 3]), theta)), 1));
};
const objective = finiteSumObjective(perSample, 4, { full: finiteSumObjective(perSample, 4) });

describe('malformed input', () => {
  const outcomes = { total: 0, stepped: 0 };
  it('gives a typed error or finite parameters, never NaN, another exception, or a leak', () => {
    fc.assert(
      fc.property(configArb, paramsArb, (config, flat) => {
        outcomes.total++;
        const before = tf.memory().numTensors;
        const params = [tf.tensor1d(flat.slice(0, 2)), tf.tensor1d(flat.slice(2))];
        try {
          const algorithm = createAlgorithm(config as unknown as AlgorithmConfig, { names: ['w/kernel', 'w/bias'] });
          let state = initState(algorithm, params);
          for (let i = 0; i < 2; i++) {
            const r = step(algorithm, params, objective, state);
            const finite = r.params.every((p) => Array.from(p.dataSync()).every(Number.isFinite));
            tf.dispose([...r.params, ...tensorsIn(r.info)]);
            disposeReplaced(state, r.state);
            state = r.state;
            expect(finite).toBe(true);
          }
          tf.dispose(tensorsIn(state));
          outcomes.stepped++;
        } catch (err) {
          if (!(err instanceof SamcheckError)) throw err;
          expect(err.code).toMatch(/^[A-Z_]+$/);
          expect(err.message).toContain(err.parameter);
        } finally {
          tf.dispose(params);
        }
        expect(tf.memory().numTensors).toBe(before);
      }),
      { numRuns: 1000 },
    );
    // The fuzz is only worth something if valid configurations reach the step often.
    expect(outcomes.stepped / outcomes.total).toBeGreaterThan(0.3);
  });
});
