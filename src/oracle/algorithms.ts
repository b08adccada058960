/**
 * The float64 step of any registered algorithm. Defaults are the oracle's own (each algorithm's
 * oracle facet and resolveOracleBase, written from spec/), never the kernels'.
 */
import { descriptorOf, ownKeys, type AlgorithmConfig } from '../algorithms/index.js';
import type { Layout } from './layout.js';
import type { OracleObjective, Vector } from './objective.js';
import { baseDescriptor, resolveBaseSpec } from '../bases/registry.js';
import type { OracleBase, OracleState, OracleStepResult } from './steps.js';

export { perCoordinate, type Layout } from './layout.js';

export function initialOracleState(): OracleState {
  return { buffer: null };
}

type AnyConfig = AlgorithmConfig | ({ algorithm: string } & Record<string, unknown>);

const baseNameOf = (base: unknown): string => (typeof base === 'string' ? base : ((base as { name?: string } | undefined)?.name ?? 'sgd'));

/**
 * The base keys with every default filled. SGD (spec/algorithms.md §1): no momentum, dampening,
 * Nesterov or weight decay, decay in the base step, in the flat form. Any other base
 * (spec/bases.md): `base: { name, ...every option }` with its own defaults.
 */
export function resolveOracleBaseKeys(config: AnyConfig): Record<string, unknown> {
  const c = config as Record<string, unknown>;
  if (baseNameOf(c.base) === 'sgd') {
    const nested = typeof c.base === 'object' && c.base !== null ? (c.base as Record<string, unknown>) : {};
    const pick = (k: string) => c[k] ?? nested[k];
    return {
      learningRate: pick('learningRate'),
      momentum: pick('momentum') ?? 0,
      dampening: pick('dampening') ?? 0,
      nesterov: pick('nesterov') ?? false,
      weightDecay: pick('weightDecay') ?? 0,
      weightDecayIn: pick('weightDecayIn') ?? 'base',
    };
  }
  const { common, base } = resolveBaseSpec(c.base, c);
  return { ...common, base };
}

/** The config with every default the oracle fills (own keys and base keys), as implementations receive it. */
export function resolveOracleConfig(config: AnyConfig): Record<string, unknown> & { algorithm: string } {
  const d = descriptorOf(config.algorithm);
  const c = config as Record<string, unknown>;
  const given = Object.fromEntries(ownKeys(d).map((k) => [k, c[k]]));
  const { base: _base, ...rest } = c;
  return { ...rest, ...resolveOracleBaseKeys(config), ...d.oracle.resolve(given), algorithm: config.algorithm };
}

/** The base step of a resolved config: §1's SGD, or the named base's float64 oracle. */
export function oracleBaseOf(resolved: Record<string, unknown>): OracleBase {
  const r = resolved as unknown as OracleBase & { base?: { name: string } & Record<string, unknown> };
  const flat: OracleBase = {
    learningRate: r.learningRate,
    momentum: r.momentum ?? 0,
    dampening: r.dampening ?? 0,
    nesterov: r.nesterov ?? false,
    weightDecay: r.weightDecay,
    weightDecayIn: r.weightDecayIn,
  };
  if (r.base === undefined) return flat;
  const { name, ...own } = r.base;
  const oracle = baseDescriptor(name).oracle(own, { learningRate: r.learningRate, weightDecay: r.weightDecay, weightDecayIn: r.weightDecayIn });
  return {
    ...flat,
    apply(theta0, grad, state) {
      const next = oracle.update(theta0, grad, state.base ?? oracle.init(theta0.length));
      return { params: next.params, state: { ...state, base: next.state } };
    },
  };
}

/** One reference step of any registered algorithm over any registered base. */
export function oracleStep(config: AnyConfig, f: OracleObjective, theta0: Vector, state: OracleState, layout: Layout): OracleStepResult {
  const resolved = resolveOracleConfig(config);
  return descriptorOf(config.algorithm).oracle.step(resolved, oracleBaseOf(resolved), f, theta0, state, layout);
}
