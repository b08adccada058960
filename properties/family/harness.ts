/** Runs the float32 kernel and the float64 oracle side by side over a few steps. */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';
import { toFlat } from '../../src/kernels/tree.js';
import { initialOracleState, oracleStep } from '../../src/oracle/algorithms.js';
import type { OracleState } from '../../src/oracle/steps.js';
import { sampleMatrix } from '../../src/oracle/functions/index.js';
import type { GradientEstimator, Objective } from '../../src/kernels/types.js';
import { kernelObjective, layoutOf, oracleObjective, paramsOf, problemArb, type Problem } from './problems.js';

/**
 * Normalization turns a gradient of norm ~float32 noise into a full-length random direction
 * (spec/algorithms.md §2, tiny ‖g‖), so float32 and float64 agree only when every gradient that
 * gets normalized is well away from 0. Checked at θ for every micro-batch of size 1 and 2 of the
 * batch, the batch and the full data (spec/family.md, condition G).
 */
export const MIN_NORMALIZED_GRADIENT = 1e-2;

export function wellConditioned(p: Problem, theta: number[]): boolean {
  // From the spec directly (∇f_i = A_i(θ − c_i)): compiling symbolic gradients per view is slow.
  const perSample = p.centers.map((c, i) => {
    const a = sampleMatrix(p.factors[i], p.shifts[i]);
    return a.map((row) => row.reduce((s, v, k) => s + v * (theta[k] - c[k]), 0));
  });
  const meanNorm = (rows: number[][]) => Math.hypot(...rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length));
  const views = [perSample.slice(0, p.batch), perSample];
  for (const m of [1, 2]) for (let s = 0; s + m <= p.batch; s += m) views.push(perSample.slice(s, s + m));
  return views.every((v) => meanNorm(v) >= MIN_NORMALIZED_GRADIENT);
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

export interface KernelRun {
  params: Float64Array;
  applied: Float64Array;
  clean: Float64Array;
  perturbation: Float64Array | null;
  scalars: Record<string, number>;
}

/** One recorded kernel step of `config` from θ_0 of `p` (or an explicit estimator in place of the config's). */
export function kernelRun(config: AlgorithmConfig, p: Problem, objective: Objective = kernelObjective(p), estimator?: GradientEstimator): KernelRun {
  return scoped(() => {
    const layout = layoutOf(p);
    const created = createAlgorithm(config, { names: layout.names });
    const alg = estimator === undefined ? created : { ...created, estimator };
    const params = paramsOf(p);
    const r = step(alg, params, objective, initState(alg, params), { record: true });
    return {
      params: toFlat(r.params),
      applied: toFlat(r.info.appliedGradient!),
      clean: toFlat(r.info.cleanGradient!),
      perturbation: r.info.perturbation ? toFlat(r.info.perturbation) : null,
      scalars: r.info.scalars ?? {},
    };
  });
}

/** Does fast-check find a counterexample? Used to show each property catches its broken variant. */
export function findsCounterexample<T>(arb: fc.Arbitrary<T>, holds: (x: T) => boolean, numRuns = 60): boolean {
  // endOnFailure: one counterexample is the evidence; shrinking it would only cost time.
  return fc.check(fc.property(arb, holds), { numRuns, seed: 42, endOnFailure: true }).failed;
}

/** Runs fn in a tfjs scope that frees every tensor it made (fn returns plain numbers). */
export function scoped<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

/** Problems satisfying condition G at θ_0 (see wellConditioned). */
export const conditionedProblemArb = (options?: Parameters<typeof problemArb>[0]) => problemArb(options).filter((p) => wellConditioned(p, p.theta0));
