/**
 * Config validation as spec/errors.md and spec/algorithms.md state it, checked key by key (the
 * config fuzz only checks that an error names *some* parameter): every hyperparameter's rejection
 * names that hyperparameter, and an omitted hyperparameter takes its documented default.
 * Added for the mutation run (spec/mutation.md): Stryker showed both unchecked.
 */
import { describe, expect, it } from 'vitest';
import { SamcheckError } from '../../src/errors.js';
import { BASE_KEYS } from '../../src/kernels/config.js';
import { algorithmNames, descriptorOf, ownKeys, type AlgorithmConfig } from '../../src/algorithms/index.js';
import { xsamProbeCount } from '../../src/algorithms/xsam/kernel.js';
import { createAlgorithm } from '../../src/kernels/step.js';
import { MAX_PROBES } from '../../src/validate.js';

/** The smallest valid config of each algorithm (m-SAM's m and RW-SAM's temperature are required). */
const minimal = (algorithm: string): Record<string, unknown> => ({
  algorithm,
  learningRate: 0.1,
  ...(algorithm === 'm-sam' ? { m: 1 } : {}),
  ...(algorithm === 'rw-sam' ? { temperature: 1 } : {}),
  ...(algorithm === 'sampa' ? { lookaheadRate: 0.1 } : {}),
  ...(algorithm === 'gsam' ? { alpha: 0.1 } : {}),
  ...(algorithm === 'looksam' ? { k: 5, alpha: 0.7 } : {}),
});
const names = { names: ['dense/kernel', 'dense/bias'] };

function rejection(config: Record<string, unknown>): SamcheckError {
  try {
    createAlgorithm(config as unknown as AlgorithmConfig, names);
  } catch (e) {
    if (e instanceof SamcheckError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(config)}`);
}

const keysOf = (algorithm: string) => [...BASE_KEYS.filter((k) => k !== 'algorithm'), ...ownKeys(descriptorOf(algorithm))];
// A fixed list, not algorithmNames(): a broken registry must fail a test, not the file's collection.
const ALGORITHMS = ['sgd', 'sam', 'usam', 'asam', 'multistep-sam', 'xsam', 'm-sam', 'n-sam', 'rw-sam', 'momentum-sam', 'vasso', 'sampa', 'gsam', 'wsam', 'looksam'];
const cases = ALGORITHMS.flatMap((algorithm) => keysOf(algorithm).map((key) => [algorithm, key] as const));

describe('every hyperparameter rejection names the hyperparameter', () => {
  // NaN is outside every domain: numbers, booleans, options and the 'infinity' temperature alike.
  it.each(cases)('%s: %s = NaN', (algorithm, key) => {
    const error = rejection({ ...minimal(algorithm), [key]: Number.NaN });
    expect(error.parameter).toBe(key);
    expect(error.code).toMatch(/^(INVALID_HYPERPARAMETER|UNKNOWN_OPTION)$/);
  });

  it.each([['adam'], ['SAM'], [42]])('algorithm %j → UNKNOWN_ALGORITHM naming algorithm', (algorithm) => {
    expect(rejection({ algorithm, learningRate: 0.1 })).toMatchObject({ code: 'UNKNOWN_ALGORITHM', parameter: 'algorithm' });
  });
  it('an unknown key → UNKNOWN_OPTION naming config.<key>', () => {
    expect(rejection({ ...minimal('sam'), rhoo: 0.1 })).toMatchObject({ code: 'UNKNOWN_OPTION', parameter: 'config.rhoo' });
  });
  it.each([[null], ['sam'], [undefined]])('a config that is not an object (%j) is rejected naming config', (config) => {
    expect(() => createAlgorithm(config as unknown as AlgorithmConfig, names)).toThrow(expect.objectContaining({ parameter: 'config' }));
  });

  it.each([
    ['m-sam', 'm'],
    ['rw-sam', 'temperature'],
    ['gsam', 'alpha'],
    ['looksam', 'k'],
    ['looksam', 'alpha'],
  ])('%s: a missing %s is rejected by name', (algorithm, key) => {
    const { [key]: _dropped, ...rest } = minimal(algorithm);
    expect(rejection(rest).parameter).toBe(key);
  });
});

describe('base-optimizer domains (spec/algorithms.md §1, torch.optim.SGD)', () => {
  const sgd = (extra: Record<string, unknown>) => ({ ...minimal('sgd'), ...extra });
  const accepts = (extra: Record<string, unknown>) => expect(() => createAlgorithm(sgd(extra) as unknown as AlgorithmConfig, names)).not.toThrow();
  it('momentum ∈ [0, 1): 0 and 0.999 accepted, 1 rejected', () => {
    accepts({ momentum: 0 });
    accepts({ momentum: 0.999 });
    expect(rejection(sgd({ momentum: 1 }))).toMatchObject({ parameter: 'momentum', value: 1 });
  });
  it('dampening ∈ [0, 1]: 1 accepted, 1.01 rejected', () => {
    accepts({ momentum: 0.9, dampening: 1 });
    expect(rejection(sgd({ dampening: 1.01 }))).toMatchObject({ parameter: 'dampening' });
  });
  it('nesterov needs momentum > 0 and dampening = 0', () => {
    accepts({ nesterov: true, momentum: 0.9 });
    accepts({ nesterov: false, momentum: 0, dampening: 0.5 });
    for (const bad of [{ momentum: 0 }, { momentum: 0.9, dampening: 0.1 }]) {
      expect(rejection(sgd({ nesterov: true, ...bad }))).toMatchObject({ code: 'INVALID_HYPERPARAMETER', parameter: 'nesterov', value: true });
    }
  });
});

describe("XSAM's α grid: N = ⌈(α_max + 1e-5)/Δα⌉ probes, at most MAX_PROBES (spec/errors.md)", () => {
  const xsam = (alphaMax: number) => ({ ...minimal('xsam'), alphaMax, alphaDelta: 1 });
  it('N = MAX_PROBES is accepted, N = MAX_PROBES + 1 is rejected naming alphaDelta', () => {
    expect(xsamProbeCount({ alphaMax: MAX_PROBES - 1, alphaDelta: 1 })).toBe(MAX_PROBES);
    expect(() => createAlgorithm(xsam(MAX_PROBES - 1) as unknown as AlgorithmConfig, names)).not.toThrow();
    expect(xsamProbeCount({ alphaMax: MAX_PROBES, alphaDelta: 1 })).toBe(MAX_PROBES + 1);
    expect(rejection(xsam(MAX_PROBES))).toMatchObject({ code: 'INVALID_HYPERPARAMETER', parameter: 'alphaDelta' });
  });
  it('the default grid has 21 probes', () => expect(xsamProbeCount({ alphaMax: 2, alphaDelta: 0.1 })).toBe(21));
  it('Δα = 1e-4 up to α_max = 2 (20,001 probes) is rejected', () => {
    expect(rejection({ ...minimal('xsam'), alphaMax: 2, alphaDelta: 1e-4 })).toMatchObject({ parameter: 'alphaDelta' });
  });
});

/** spec/algorithms.md §1–4, spec/family.md and spec/variants.md: the defaults an omitted key takes. */
const BASE_DEFAULTS = { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, weightDecayIn: 'base', onNonFinite: 'throw' };
const DEFAULTS: Record<string, Record<string, unknown>> = {
  sgd: {},
  sam: { rho: 0.05, epsilon: 1e-12 },
  usam: { rho: 0.05 },
  asam: { rho: 0.5, etaT: 0.01, epsilon: 1e-12, adaptive: 'all' },
  'multistep-sam': { rho: 0.05, steps: 2, ascent: 'fixed-path', stepSizeMultiplier: 1, applied: 'last', epsilon: 1e-12 },
  xsam: {
    rho: 0.15, steps: 1, rhoMax: 0.3, alpha: 1, dynamic: true, alphaMax: 2, alphaDelta: 0.1,
    probeInterval: 1, referenceProbeInit: false, angle: 'atan2', epsilon: 1e-12,
  },
  'm-sam': { rho: 0.05, epsilon: 1e-12 },
  'n-sam': { rho: 0.05, epsilon: 1e-12 },
  'rw-sam': { rho: 0.05, h: 0.05, epsilon: 1e-12 },
  'momentum-sam': { rho: 0.3, beta: 0.9, epsilon: 1e-12 },
  vasso: { rho: 0.05, theta: 0.9, epsilon: 1e-7 },
  sampa: { rho: 0.1, lambda: 0.2, lookaheadMomentum: 0, lookaheadWeightDecay: 0, epsilon: 1e-12 },
  gsam: { rho: 0.05, rhoMin: 0.05, lrMax: 0, lrMin: 0, lrNow: 0, decompose: 'perturbed', adaptive: 'none', epsilon: 1e-12 },
  wsam: { rho: 0.05, gamma: 0.88, decouple: true, maxNorm: 1, adaptive: false, epsilon: 1e-12 },
  looksam: { rho: 0.05, orthogonalFloor: 0, epsilon: 1e-12 },
};

describe('an omitted hyperparameter takes its documented default', () => {
  it('the tables cover every registered algorithm', () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual(algorithmNames().sort());
    expect([...ALGORITHMS].sort()).toEqual(algorithmNames().sort());
  });
  it.each(Object.entries(DEFAULTS))('%s', (algorithm, own) => {
    const { config } = createAlgorithm(minimal(algorithm) as unknown as AlgorithmConfig, names);
    expect(config).toEqual({ ...minimal(algorithm), ...BASE_DEFAULTS, ...own });
  });
  it('RW-SAM: h defaults to the given ρ', () => {
    const { config } = createAlgorithm({ ...minimal('rw-sam'), rho: 0.2 } as unknown as AlgorithmConfig, names);
    expect(config).toMatchObject({ rho: 0.2, h: 0.2 });
  });
});
