/**
 * Random hyperparameters for one algorithm, restricted to what an implementation declared in its
 * capabilities. Every config is sent fully resolved (no defaults left implicit), so an
 * implementation never depends on samcheck's defaults.
 */
import fc from 'fast-check';
import { algorithmDefinition, type AlgorithmConfig } from '../kernels/algorithms/index.js';
import { resolveBase } from '../kernels/config.js';
import { f32 } from './problem.js';
import type { Capabilities } from './types.js';

export type Hyperparameters = Record<string, unknown>;

/** 0 first, so shrinking drops a feature before it shrinks its value. */
const zeroOr = (arb: fc.Arbitrary<number>) => fc.oneof(fc.constant(0), arb);

const ALGORITHM_HYPERPARAMETERS = new Map<string, () => fc.Arbitrary<Hyperparameters>>([
  ['sgd', () => fc.constant({})],
  ['sam', () => fc.record({ rho: f32(0.01, 1), epsilon: fc.constant(1e-12) })],
  ['usam', () => fc.record({ rho: f32(0.01, 0.5) })],
  [
    'asam',
    () =>
      fc.record({
        rho: f32(0.05, 2),
        etaT: fc.oneof(fc.constant(0), fc.constant(0.01), f32(0, 0.1)),
        epsilon: fc.constant(1e-12),
        adaptive: fc.constantFrom('all', 'exclude-biases'),
      }),
  ],
  [
    'multistep-sam',
    () =>
      fc.record({
        rho: f32(0.01, 1),
        steps: fc.integer({ min: 1, max: 4 }),
        ascent: fc.constantFrom('fixed-path', 'projected'),
        stepSizeMultiplier: fc.oneof(fc.constant(1), f32(0.5, 2)),
        applied: fc.constantFrom('last', 'average'),
        epsilon: fc.constant(1e-12),
      }),
  ],
  // Static α only: the dynamic α is an argmax over probe losses, discontinuous at near-ties, so a
  // black-box step comparison cannot tell a float32 near-tie pick from a bug. Dynamic probing is
  // checked with the kernel's own α by properties/family (spec/family.md K1, X5; spec/protocol.md).
  ['xsam', () => fc.record({ rho: f32(0.01, 0.5), steps: fc.integer({ min: 1, max: 3 }), dynamic: fc.constant(false), alpha: f32(0, 2), epsilon: fc.constant(1e-12) })],
  // The finite-sum problems have b ∈ {2, 4}, so m ∈ {1, 2} always divides b (m = b is SAM).
  ['m-sam', () => fc.record({ m: fc.constantFrom(1, 2), rho: f32(0.01, 1), epsilon: fc.constant(1e-12) })],
  ['n-sam', () => fc.record({ rho: f32(0.01, 1), epsilon: fc.constant(1e-12) })],
  [
    'rw-sam',
    () =>
      fc.record({
        rho: f32(0.01, 1),
        // τ = ∞ is SAM bit for bit; finite τ ≥ 0.5 and h ≥ 0.1 keep the float32 forward-difference
        // error of the scores (≈ u·|f|/h, amplified by 1/τ) inside the tolerance (spec/family.md K1).
        temperature: fc.oneof(fc.constant('infinity'), f32(0.5, 10)),
        h: f32(0.1, 0.5),
        epsilon: fc.constant(1e-12),
      }),
  ],
]);

/** Lets the owner of a new algorithm say how to draw its own hyperparameters (default: its defaults). */
export function registerHyperparameters(algorithm: string, arbitrary: () => fc.Arbitrary<Hyperparameters>): void {
  ALGORITHM_HYPERPARAMETERS.set(algorithm, arbitrary);
}

export interface ConfigConstraints {
  /** Values forced by a property (e.g. learningRate: 0). */
  force?: Hyperparameters;
  /** Require momentum > 0 (buffer hygiene). */
  momentum?: boolean;
  /** Only the project-default placement of weight decay. */
  baseWeightDecayOnly?: boolean;
}

export function configArbitrary(algorithm: string, caps: Capabilities, constraints: ConfigConstraints = {}): fc.Arbitrary<AlgorithmConfig> {
  const o = caps.options;
  const momentum = constraints.momentum ? f32(0.1, 0.95) : o.momentum ? zeroOr(f32(0.05, 0.95)) : fc.constant(0);
  const placements = constraints.baseWeightDecayOnly ? ['base' as const] : (o.weightDecayIn ?? ['base']);
  const base = fc.record({
    learningRate: f32(0.001, 0.5),
    momentum,
    dampening: o.dampening ? zeroOr(f32(0.05, 0.9)) : fc.constant(0),
    nesterov: o.nesterov ? fc.boolean() : fc.constant(false),
    weightDecay: o.weightDecay ? zeroOr(f32(0.001, 0.1)) : fc.constant(0),
    weightDecayIn: fc.constantFrom(...placements),
  });
  const own = (ALGORITHM_HYPERPARAMETERS.get(algorithm) ?? (() => fc.constant({})))();
  return fc.tuple(base, own).map(([b, a]) => {
    // torch.optim.SGD: Nesterov needs momentum > 0 and no dampening.
    const nesterov = b.nesterov && b.momentum > 0 && b.dampening === 0;
    const raw = { ...b, nesterov, ...a, ...caps.algorithms[algorithm]?.fixed, ...constraints.force, algorithm } as AlgorithmConfig;
    return resolveConfig(raw);
  });
}

/** Fills every default exactly as the kernels and the oracle do. */
export function resolveConfig(config: AlgorithmConfig): AlgorithmConfig {
  const base = resolveBase(config);
  const { onNonFinite: _drop, ...rest } = algorithmDefinition(config.algorithm).resolve({ ...config, ...base }) as AlgorithmConfig & { onNonFinite?: string };
  return rest as AlgorithmConfig;
}
