import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { SharpnessAwareOptimizer } from '../../src/optimizers/index.js';
import { kernelCapabilities, kernelImplementation } from '../../src/verify/adapters/kernel.js';
import { tfOptimizerImplementation } from '../../src/verify/adapters/tf_optimizer.js';
import { formatReport, verify } from '../../src/verify/verify.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const SEED = 20261101;

describe('verify() against samcheck itself (no false alarms)', () => {
  it('the kernels pass every property for sgd, sam, usam and asam', async () => {
    const before = tf.memory().numTensors;
    const report = await verify(kernelImplementation(), { seed: SEED, numRuns: 40, algorithms: ['sgd', 'sam', 'usam', 'asam'] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.filter((v) => v.status === 'passed').length).toBeGreaterThanOrEqual(20);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the kernels pass every property for the rest of the family (finite sums served per sample)', async () => {
    const before = tf.memory().numTensors;
    const algorithms = ['multistep-sam', 'xsam', 'm-sam', 'n-sam', 'rw-sam'];
    const report = await verify(kernelImplementation(), { seed: SEED, numRuns: 25, algorithms });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.filter((v) => v.status === 'passed').map((v) => v.algorithm)).toEqual(expect.arrayContaining(algorithms));
    expect(tf.memory().numTensors).toBe(before);
  }, 180_000);

  it("negative control: the kernel's reproduction of the reference's unclamped arccos (angle: 'arccos', hazard H1) fails parallel-directions", async () => {
    const caps = { ...kernelCapabilities(), algorithms: { xsam: { fixed: { angle: 'arccos' } } } };
    const report = await verify(kernelImplementation(caps), { seed: 1, numRuns: 100, properties: ['parallel-directions-step-is-finite'] });
    expect(report.verdicts.map((v) => v.status)).toEqual(['failed']);
    expect(report.verdicts[0].message).toMatch(/NON_FINITE|non-finite/);
  });

  it('the tf.Optimizer drop-in passes through the generic tf.Optimizer adapter', async () => {
    const impl = tfOptimizerImplementation('SharpnessAwareOptimizer', (config) => new SharpnessAwareOptimizer(config), kernelCapabilities());
    const report = await verify(impl, { seed: SEED, numRuns: 15, algorithms: ['sam', 'asam', 'm-sam'] });
    const text = formatReport(report);
    expect(report.verdicts.filter((v) => v.algorithm !== 'm-sam').every((v) => v.status === 'passed' || v.status === 'skipped'), text).toBe(true);
    // minimize(f) has no per-sample views: every m-SAM property is SKIPPED, so m-SAM is "nothing verified" (not OK).
    const mSam = report.verdicts.filter((v) => v.algorithm === 'm-sam');
    expect(mSam.filter((v) => v.status !== 'skipped').map((v) => v.property), text).toEqual(['nothing verified']);
    expect(report.ok).toBe(false);
  });

  it("tfjs's own tf.train.sgd passes the SGD properties (momentum undeclared ⇒ that property is SKIPPED)", async () => {
    const caps = { ...kernelCapabilities(), algorithms: { sgd: {} }, bases: {}, options: {} };
    const impl = tfOptimizerImplementation('tf.train.sgd', (config) => tf.train.sgd(config.learningRate!), caps);
    const report = await verify(impl, { seed: SEED, numRuns: 20 });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.find((v) => v.property === 'momentum-buffer-two-steps')?.status).toBe('skipped');
  });
});
