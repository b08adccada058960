/**
 * Random hyperparameters for one algorithm, restricted to what an implementation declared in its
 * capabilities. Every config is sent fully resolved (no defaults left implicit), so an
 * implementation never depends on samcheck's defaults.
 */
import fc from 'fast-check';
import { descriptorOf, type AlgorithmConfig } from '../algorithms/index.js';
import { resolveOracleConfig } from '../oracle/algorithms.js';
import { baseDescriptor } from '../bases/registry.js';
import { f32 } from './problem.js';
import type { Capabilities } from './types.js';

export type Hyperparameters = Record<string, unknown>;

/** 0 first, so shrinking drops a feature before it shrinks its value. */
const zeroOr = (arb: fc.Arbitrary<number>) => fc.oneof(fc.constant(0), arb);

export interface ConfigConstraints {
  /** Values forced by a property (e.g. learningRate: 0). */
  force?: Hyperparameters;
  /** Require momentum > 0 (buffer hygiene). */
  momentum?: boolean;
  /** Only the project-default placement of weight decay. */
  baseWeightDecayOnly?: boolean;
  /** A base optimizer other than SGD (spec/bases.md): its options are drawn from its descriptor. */
  base?: string;
}

export function configArbitrary(algorithm: string, caps: Capabilities, constraints: ConfigConstraints = {}): fc.Arbitrary<AlgorithmConfig> {
  if (constraints.base !== undefined && constraints.base !== 'sgd') return overBaseArbitrary(algorithm, caps, constraints.base, constraints);
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
  const own = descriptorOf(algorithm).arbitraries(caps) as fc.Arbitrary<Hyperparameters>;
  return fc.tuple(base, own).map(([b, a]) => {
    // torch.optim.SGD: Nesterov needs momentum > 0 and no dampening.
    const nesterov = b.nesterov && b.momentum > 0 && b.dampening === 0;
    const raw = { ...b, nesterov, ...a, ...caps.algorithms[algorithm]?.fixed, ...constraints.force, algorithm } as AlgorithmConfig;
    return resolveConfig(raw);
  });
}

/**
 * A config over a base other than SGD: lr, λ (when declared) and a placement the base accepts and
 * the implementation declares ('decoupled' is adamw's own placement, so it needs no declaration).
 */
function overBaseArbitrary(algorithm: string, caps: Capabilities, name: string, constraints: ConfigConstraints): fc.Arbitrary<AlgorithmConfig> {
  const d = baseDescriptor(name);
  const declared = [...(caps.options.weightDecayIn ?? ['base']), d.weightDecayDefaults.weightDecayIn];
  const placements = d.placements.filter((p) => declared.includes(p) && (!constraints.baseWeightDecayOnly || p !== 'loss'));
  const common = fc.record({
    learningRate: f32(0.001, 0.1),
    weightDecay: caps.options.weightDecay ? zeroOr(f32(0.001, 0.1)) : fc.constant(0),
    weightDecayIn: fc.constantFrom(...placements),
  });
  const own = descriptorOf(algorithm).arbitraries(caps) as fc.Arbitrary<Hyperparameters>;
  return fc.tuple(common, own, d.arbitrary() as fc.Arbitrary<Hyperparameters>).map(([b, a, options]) => {
    const base = { name, ...options, ...caps.bases?.[name]?.fixed };
    const raw = { ...b, ...a, ...caps.algorithms[algorithm]?.fixed, ...constraints.force, base, algorithm } as unknown as AlgorithmConfig;
    return resolveConfig(raw);
  });
}

/** Fills every default (the oracle's, from spec/): an implementation is sent every value explicitly. */
export function resolveConfig(config: AlgorithmConfig): AlgorithmConfig {
  const { onNonFinite: _drop, ...rest } = resolveOracleConfig(config) as Record<string, unknown>;
  return rest as unknown as AlgorithmConfig;
}
