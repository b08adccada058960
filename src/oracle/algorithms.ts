import { algorithmDefinition, type AlgorithmConfig } from '../kernels/algorithms/index.js';
import { adaptiveMask } from '../kernels/algorithms/asam.js';
import { resolveBase } from '../kernels/config.js';
import type { OracleObjective, Vector } from './objective.js';
import {
  asamPerturbation,
  oracleAscentStep,
  oracleSgdStep,
  samPerturbation,
  usamPerturbation,
  type OracleBase,
  type OracleState,
  type OracleStepResult,
} from './steps.js';

import { oracleMultiStepSam } from './family/multistep.js';
import { oracleXsam } from './family/xsam.js';
import { oracleMSam, oracleNSam, oracleRwSam } from './family/finite_sum.js';

/** How the flat vector splits into parameter tensors: one entry per tensor. */
export interface Layout {
  names: string[];
  sizes: number[];
}

export type OracleAlgorithm = (config: AlgorithmConfig, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState, layout: Layout) => OracleStepResult;

/** Expands per-tensor flags to per-coordinate flags. */
export function perCoordinate(flags: boolean[], layout: Layout): boolean[] {
  return layout.sizes.flatMap((size, i) => Array<boolean>(size).fill(flags[i]));
}

const registry = new Map<string, OracleAlgorithm>();
export function registerOracle(name: string, step: OracleAlgorithm): void {
  registry.set(name, step);
}

registerOracle('sgd', (_c, base, f, theta0, state) => oracleSgdStep(base, f, theta0, state));
registerOracle('sam', (c, base, f, theta0, state) => {
  const s = c as { rho: number; epsilon: number };
  return oracleAscentStep(base, samPerturbation(s.epsilon), s.rho, f, theta0, state);
});
registerOracle('usam', (c, base, f, theta0, state) => oracleAscentStep(base, usamPerturbation(), (c as { rho: number }).rho, f, theta0, state));
registerOracle('asam', (c, base, f, theta0, state, layout) => {
  const a = c as { rho: number; etaT: number; epsilon: number; adaptive: 'all' | 'exclude-biases' | boolean[] };
  const flags = perCoordinate(adaptiveMask(a.adaptive, { names: layout.names }), layout);
  return oracleAscentStep(base, asamPerturbation(a.etaT, a.epsilon, flags), a.rho, f, theta0, state);
});

registerOracle('multistep-sam', (c, base, f, theta0, state) => oracleMultiStepSam(c as never, base, f, theta0, state));
registerOracle('xsam', (c, base, f, theta0, state) => oracleXsam(c as never, base, f, theta0, state));
registerOracle('m-sam', (c, base, f, theta0, state) => oracleMSam(c as never, base, f, theta0, state));
registerOracle('n-sam', (c, base, f, theta0, state) => oracleNSam(c as never, base, f, theta0, state));
registerOracle('rw-sam', (c, base, f, theta0, state) => {
  const r = c as { rho: number; temperature: number | 'infinity'; h: number; epsilon: number };
  return oracleRwSam({ ...r, temperature: r.temperature === 'infinity' ? Infinity : r.temperature }, base, f, theta0, state);
});

export function initialOracleState(): OracleState {
  return { buffer: null };
}

/** One reference step of any registered algorithm; defaults are filled exactly as the kernels fill them. */
export function oracleStep(config: AlgorithmConfig, f: OracleObjective, theta0: Vector, state: OracleState, layout: Layout): OracleStepResult {
  const definition = algorithmDefinition(config.algorithm);
  const base = resolveBase(config);
  const resolved = definition.resolve({ ...config, ...base }) as AlgorithmConfig;
  const run = registry.get(config.algorithm);
  if (run === undefined) throw new Error(`no oracle registered for ${config.algorithm}`);
  return run(resolved, base, f, theta0, state, layout);
}
