/**
 * webgpu in Node (Dawn over OpenGL ES), the two fixes for it (spec/backends.md):
 * - AddN over ≥ 8 tensors: stock tfjs-backend-webgpu returns a stale buffer; the fix splits it;
 * - synchronous reads: stock tfjs throws `ReferenceError: OffscreenCanvas is not defined` in the
 *   middle of a step; the guard refuses with a BackendError instead, so `model.fit` with a SAM
 *   optimizer stops at its first batch with the reason, weights untouched and nothing leaked.
 * (A SAM step cannot run on Dawn at all: it reads its finiteness flag synchronously.)
 * Skipped, with the reason printed, where Dawn cannot start.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { BackendError } from '../../src/errors.js';
import { backendFixState, useBackend } from '../../src/backend/index.js';
import { SamOptimizer } from '../../src/optimizers/index.js';
import { candidateBackends, withFixes } from '../../properties/backends/cross_backend.js';
import { manyTermAddNAgreement } from '../../properties/backends/ops_agreement.js';
import { bnClassifier, classificationData } from '../core/fit_model.js';

let unavailable: string | undefined;

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
  unavailable = (await candidateBackends()).webgpuUnavailable;
  if (unavailable !== undefined) console.warn(`webgpu tests skipped: ${unavailable}`);
});

describe('webgpu in Node (Dawn): the fix layer', () => {
  it('stock AddN over 8+ tensors is wrong (shrunk to 8 tensors); split by the fix it agrees with cpu', async (ctx) => {
    if (unavailable !== undefined) return ctx.skip();
    const stock = await withFixes(false, () => fc.check(manyTermAddNAgreement('webgpu'), { numRuns: 40, seed: 5 }));
    expect(stock.failed).toBe(true);
    const [terms] = stock.counterexample as [number[][]];
    expect(terms.length).toBe(8);
    console.info(`stock webgpu AddN counterexample: ${JSON.stringify(terms)}`);
    expect((await fc.check(manyTermAddNAgreement('webgpu'), { numRuns: 40, seed: 5 })).failed).toBe(false);
  });

  it('a synchronous read of a GPU tensor throws BackendError (dataSync); asynchronous reads work', async (ctx) => {
    if (unavailable !== undefined) return ctx.skip();
    await useBackend({ backend: 'webgpu' });
    expect(backendFixState()).toMatchObject({ webgpuAddN: true, webgpuSyncReadGuard: true });
    // 2000 values: above tfjs's CPU hand-off size, so the sum is computed (and kept) on the GPU.
    const t = tf.add(tf.fill([2000], 1.5), 1);
    try {
      expect(() => t.dataSync()).toThrow(BackendError);
      expect(() => t.dataSync()).toThrow(/BACKEND_UNAVAILABLE: dataSync = "webgpu".*use the default 'wasm'/);
      expect(Array.from((await t.data()).slice(0, 2))).toEqual([2.5, 2.5]);
      // Values still on the CPU (never uploaded) read synchronously as before.
      expect(Array.from(tf.tensor1d([3]).dataSync())).toEqual([3]);
      await withFixes(false, async () => {
        expect(backendFixState().webgpuSyncReadGuard).toBe(false);
        expect(() => tf.add(t, 1).dataSync()).toThrow(/OffscreenCanvas/);
      });
    } finally {
      t.dispose();
      await useBackend({ backend: 'cpu' });
    }
  });

  it('model.fit with SamOptimizer refuses at its first batch: BackendError, weights unchanged, nothing leaked beyond tfjs-layers', async (ctx) => {
    if (unavailable !== undefined) return ctx.skip();
    await useBackend({ backend: 'webgpu' });
    try {
      // Tensors left after a failed fit and dispose. tfjs-layers itself keeps some when minimize
      // throws: one metric value per evaluation of its loss closure (tf.keep inside the closure).
      // The SAM step evaluates the closure twice before its first synchronous read, so the
      // reference is an optimizer that evaluates it twice and then throws. (On success samcheck
      // frees the extra pass's metric value; after a refusal it does not.)
      const leftAfterFailedFit = async (optimizer: tf.Optimizer, message: RegExp) => {
        const tensors = tf.memory().numTensors;
        const { x, y } = classificationData(16);
        const model = bnClassifier(optimizer);
        const weights = async () => Promise.all(model.trainableWeights.map(async (w) => Array.from(await w.read().data())));
        const before = await weights();
        await expect(model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 })).rejects.toThrow(message);
        expect(await weights()).toEqual(before);
        tf.dispose([x, y]);
        model.dispose();
        optimizer.dispose();
        return tf.memory().numTensors - tensors;
      };
      const control = tf.train.sgd(0.1);
      control.minimize = (f) => {
        tf.tidy(() => f());
        tf.tidy(() => f());
        throw new Error('control: closure evaluated, then refused');
      };
      const reference = await leftAfterFailedFit(control, /control/);
      expect(await leftAfterFailedFit(new SamOptimizer({ learningRate: 0.1, rho: 0.05 }), /BACKEND_UNAVAILABLE: dataSync = "webgpu"/)).toBe(reference);
    } finally {
      await useBackend({ backend: 'cpu' });
    }
  });
});
