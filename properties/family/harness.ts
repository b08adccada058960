/** Runs the float32 kernel and the float64 oracle side by side over a few steps. */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import type { AlgorithmConfig } from '../../src/kernels/algorithms/index.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';
import { toFlat } from '../../src/kernels/tree.js';
import { initialOracleState, oracleStep } from '../../src/oracle/algorithms.js';
import type { OracleState } from '../../src/oracle/steps.js';
import { kernelObjective, layoutOf, oracleObjective, paramsOf, type Problem } from './problems.js';

/**
 * Normalization turns a gradient of norm ~float32 noise into a full-length random direction
 * (spec/algorithms.md §2, tiny ‖g‖), so float32 and float64 agree only when every gradient that
 * gets normalized is well away from 0. Checked at θ for every micro-batch of size 1 and 2 of the
 * batch, the batch and the full data (spec/family.md, condition G).
 */
export const MIN_NORMALIZED_GRADIENT = 1e-2;

function wellConditioned(p: Problem, theta: number[]): boolean {
  const f = oracleObjective(p);
  const views = [f, f.full!()];
  for (const m of [1, 2]) for (let s = 0; s + m <= p.batch; s += m) views.push(f.slice!(s, s + m));
  return views.every((v) => Math.hypot(...v.gradient(theta)) >= MIN_NORMALIZED_GRADIENT);
}

export interface SideBySide {
  kernel: Float64Array;
  oracle: number[];
  kernelScalars: Record<string, number>;
  oracleExtras: Record<string, unknown>;
}

/**
 * `steps` outer iterations from θ_0; after each, the oracle continues from the kernel's iterate so
 * errors do not compound. `align` may rewrite the oracle config for a step (XSAM near-tied probes).
 */
export function sideBySide(
  config: AlgorithmConfig,
  p: Problem,
  steps: number,
  align?: (kernelScalars: Record<string, number>, oracleExtras: Record<string, unknown>) => AlgorithmConfig | null,
): SideBySide[] {
  const layout = layoutOf(p);
  const alg = createAlgorithm(config, { names: layout.names });
  const f = oracleObjective(p);
  const objective = kernelObjective(p);
  let params = paramsOf(p);
  let state = initState(alg, params);
  let oState: OracleState = initialOracleState();
  const out: SideBySide[] = [];
  for (let t = 0; t < steps; t++) {
    const theta = Array.from(toFlat(params));
    fc.pre(wellConditioned(p, theta));
    const r = step(alg, params, objective, state);
    let o = oracleStep(config, f, theta, oState, layout) as ReturnType<typeof oracleStep> & Record<string, unknown>;
    const scalars = r.info.scalars ?? {};
    const realigned = align?.(scalars, o);
    // The realigned oracle step uses the kernel's α (a static step reads α from the state).
    if (realigned) o = oracleStep(realigned, f, theta, { ...oState, alpha: scalars.alpha } as OracleState, layout) as typeof o;
    out.push({ kernel: toFlat(r.params), oracle: o.params, kernelScalars: scalars, oracleExtras: o });
    tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(r.info)]);
    params = r.params;
    state = r.state;
    // Continue from the kernel iterate (same θ for both), with the oracle's own momentum buffer.
    oState = { ...o.state, ...(realigned ? { alpha: scalars.alpha } : {}) } as OracleState;
  }
  tf.dispose([...params, ...tensorsIn(state)]);
  return out;
}
