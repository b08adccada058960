import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { tf } from '../../src/tf.js';
import { DESCRIPTOR_FACETS, algorithmNames, descriptorOf, descriptors, ownKeys, registerAlgorithm, unregisterAlgorithm } from '../../src/algorithms/index.js';
import { createAlgorithm } from '../../src/kernels/step.js';
import { registeredVariants } from '../../benchmarks/common/algorithms.js';
import { verifyUsage } from '../../src/verify/cli.js';
import { kernelImplementation } from '../../src/verify/adapters/kernel.js';
import { verify, formatReport } from '../../src/verify/verify.js';
import { verifyMutants, allMutants, referenceFloat64 } from '../../src/verify/mutants/index.js';
import { halfUsam } from './throwaway/index.js';
import { withAlgorithmTable } from '../../src/algorithms/docs.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('the algorithm registry', () => {
  it('every registered descriptor carries every facet', () => {
    for (const d of descriptors()) {
      for (const facet of DESCRIPTOR_FACETS) expect((d as unknown as Record<string, unknown>)[facet], `${d.name}.${facet}`).toBeDefined();
      expect(d.mutants.length, `${d.name} has mutants`).toBeGreaterThan(0);
      for (const m of d.mutants) expect(m.algorithm, m.id).toBe(d.name);
    }
  });

  it('refuses a descriptor that lacks a facet, naming it', () => {
    const { mutants: _m, ...partial } = halfUsam;
    expect(() => registerAlgorithm(partial as never)).toThrow(/missing: mutants/);
    expect(algorithmNames()).not.toContain('half-usam');
  });

  // The oracle fills its defaults from spec/ on its own: a wrong kernel default shows up here.
  it('the oracle and the kernel fill the same defaults, and the minimal config builds', () => {
    for (const d of descriptors()) {
      expect(oracleDefaults(d), d.name).toEqual(kernelDefaults(d));
      expect(Object.keys(kernelDefaults(d)).sort(), d.name).toEqual(ownKeys(d).sort());
      expect(() => createAlgorithm({ algorithm: d.name, learningRate: 0.1, ...d.minimalConfig } as never, { names: ['w'] }), d.name).not.toThrow();
    }
  });

  it('a wrong kernel default fails that comparison', () => {
    const sam = descriptorOf('sam');
    const wrong = { ...sam, kernel: { ...sam.kernel, resolve: (given: object) => ({ ...sam.kernel.resolve(given), rho: 0.5 }) } };
    expect(oracleDefaults(wrong)).not.toEqual(kernelDefaults(wrong));
  });
});

type Descriptor = ReturnType<typeof descriptorOf>;
const kernelDefaults = (d: Descriptor) => d.kernel.resolve({ ...d.minimalConfig });
const oracleDefaults = (d: Descriptor) => d.oracle.resolve({ ...d.minimalConfig });

describe('registerAlgorithm: one folder and one line make a new algorithm verified, benchmarked and listed', () => {
  beforeAll(() => registerAlgorithm(halfUsam));
  afterAll(() => unregisterAlgorithm('half-usam'));

  it('is listed by the registry and in the CLI usage', () => {
    expect(algorithmNames()).toContain('half-usam');
    expect(verifyUsage()).toContain('half-usam');
  });

  it('is verified: the kernels pass every property, the float64 reference too, and its mutant is killed', async () => {
    const report = await verify(kernelImplementation(), { seed: 2, numRuns: 20, algorithms: ['half-usam'] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.verdicts.filter((v) => v.status === 'passed').length).toBeGreaterThanOrEqual(5);
    const reference = await verify(referenceFloat64(), { seed: 2, numRuns: 20, algorithms: ['half-usam'] });
    expect(reference.ok, formatReport(reference)).toBe(true);
    expect(allMutants().map((m) => m.id)).toContain('half-usam-full-radius');
    const mutants = await verifyMutants({ seed: 2, numRuns: 50, mutants: [...halfUsam.mutants] });
    expect(mutants.killRate).toBe(1);
  });

  it('is benchmarked with its own settings and runs as a drop-in optimizer', () => {
    const { variants } = registeredVariants({ learningRate: 0.1, batchSize: 8, batchesPerEpoch: 2 }, ['w']);
    expect(variants.map((v) => v.label)).toContain('half-USAM');
    const w = tf.variable(tf.tensor1d([1, -2]));
    const opt = new halfUsam.optimizer({ learningRate: 0.1 } as never);
    opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, false, [w]);
    // ∇ at θ + (ρ/2)·g with g = 2θ, ρ = 0.1: 2θ·1.1; θ_1 = θ − 0.1·2.2θ = 0.78·θ.
    expect(Array.from(w.dataSync())).toEqual([Math.fround(0.78), Math.fround(-1.56)].map((x) => expect.closeTo(x, 6)) as never);
    opt.dispose();
    w.dispose();
  });
});

describe('generated docs', () => {
  it("spec/README.md's algorithm table is the registry's (npm run docs regenerates it)", () => {
    const text = readFileSync(new URL('../../spec/README.md', import.meta.url), 'utf8');
    expect(withAlgorithmTable(text), 'stale: run npm run docs').toBe(text);
  });
});
