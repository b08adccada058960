/**
 * The float64 step of any registered algorithm. Defaults are the oracle's own (each algorithm's
 * oracle facet and resolveOracleBase, written from spec/), never the kernels'.
 */
import { descriptorOf, ownKeys, type AlgorithmConfig } from '../algorithms/index.js';
import type { Layout } from './layout.js';
import type { OracleObjective, Vector } from './objective.js';
import type { OracleBase, OracleState, OracleStepResult } from './steps.js';

export { perCoordinate, type Layout } from './layout.js';

export function initialOracleState(): OracleState {
  return { buffer: null };
}

/** spec/algorithms.md §1: SGD defaults (no momentum, no dampening, no Nesterov, no weight decay, decay in the base step). */
export function resolveOracleBase(config: Partial<OracleBase> & { learningRate: number }): OracleBase {
  return {
    learningRate: config.learningRate,
    momentum: config.momentum ?? 0,
    dampening: config.dampening ?? 0,
    nesterov: config.nesterov ?? false,
    weightDecay: config.weightDecay ?? 0,
    weightDecayIn: config.weightDecayIn ?? 'base',
  };
}

/** The config with every default the oracle fills (own keys and base keys). */
export function resolveOracleConfig(config: AlgorithmConfig | ({ algorithm: string; learningRate: number } & Record<string, unknown>)): Record<string, unknown> & OracleBase & { algorithm: string } {
  const d = descriptorOf(config.algorithm);
  const c = config as unknown as Record<string, unknown>;
  const given = Object.fromEntries(ownKeys(d).map((k) => [k, c[k]]));
  return { ...c, ...resolveOracleBase(config as never), ...d.oracle.resolve(given), algorithm: config.algorithm };
}

/** One reference step of any registered algorithm. */
export function oracleStep(config: AlgorithmConfig | ({ algorithm: string; learningRate: number } & Record<string, unknown>), f: OracleObjective, theta0: Vector, state: OracleState, layout: Layout): OracleStepResult {
  const resolved = resolveOracleConfig(config);
  return descriptorOf(config.algorithm).oracle.step(resolved, resolveOracleBase(resolved), f, theta0, state, layout);
}
