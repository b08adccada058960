/**
 * Runs a (possibly broken) kernel and the float64 oracle side by side for a few steps, state
 * carried, and measures each step against the tolerance policy (spec/tolerances.md).
 */
import { tf } from '../../src/tf.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { adaptiveMask } from '../../src/algorithms/asam/kernel.js';
import { initState, step, tensorsIn } from '../../src/kernels/step.js';
import { fromFlat, toFlat } from '../../src/kernels/tree.js';
import type { Objective } from '../../src/kernels/types.js';
import { initialOracleState, oracleStep, perCoordinate, type Layout } from '../../src/oracle/algorithms.js';
import type { OracleObjective, Vector } from '../../src/oracle/objective.js';
import type { OracleState, OracleStepResult } from '../../src/oracle/steps.js';
import type { Build } from './broken.js';
import { distance, sensitivity, stepTolerance, type Differentiable } from './tolerance.js';

/** What the core properties need of a test function (the shared library's AnalyticFunction has it all). */
export interface CoreFunction extends OracleObjective, Differentiable {
  readonly layout: Layout;
  tfObjective(): Objective;
}

export const shapesOf = (layout: Layout): number[][] => layout.sizes.map((s) => [s]);

/** The kernel's view of θ: float32 tensors shaped by the layout. */
export const paramsOf = (layout: Layout, theta: ArrayLike<number>) => fromFlat(theta, shapesOf(layout));

/** θ rounded to float32, as the kernel sees it; the oracle starts from the same values. */
export const float32 = (theta: Vector): Vector => Array.from(Float32Array.from(theta));

/**
 * −0 → +0 (x + 0), for claims of numeric equality: fl(−0 + 0) = +0 and θ − 0·d turn a −0 into +0,
 * so "equal" there means −0 = +0, not equal bits (spec/tolerances.md, exact comparisons).
 */
export const unsigned = (v: ArrayLike<number>): number[] => Array.from(v, (x) => x + 0);

/** With weightDecayIn = 'loss' the function every pass sees includes wd/2·‖θ‖² (for the tolerance). */
function effective(f: CoreFunction, config: AlgorithmConfig): Differentiable {
  const wd = config.weightDecayIn === 'loss' ? (config.weightDecay ?? 0) : 0;
  if (wd === 0) return f;
  return {
    gradient: (x) => f.gradient(x).map((g, j) => g + wd * x[j]),
    hessian: (x) => f.hessian(x).map((row, i) => row.map((h, j) => h + (i === j ? wd : 0))),
  };
}

export interface ComparedStep {
  theta0: Vector;
  kernel: Float64Array;
  oracle: OracleStepResult;
  error: number;
  tolerance: number;
}

/** `steps` steps from θ₀; after each, the oracle continues from the kernel's iterate with its own momentum buffer. */
export function compareSteps(build: Build, config: AlgorithmConfig, f: CoreFunction, theta0: Vector, steps: number): ComparedStep[] {
  const alg = build(config, f.layout.names);
  const resolved = alg.config as AlgorithmConfig & { rho?: number; etaT?: number; adaptive?: 'all' | 'exclude-biases' | boolean[] };
  const flags = perCoordinate(resolved.algorithm === 'asam' ? adaptiveMask(resolved.adaptive!, f.layout) : f.layout.names.map(() => false), f.layout);
  const objective = f.tfObjective();
  const g = effective(f, config);
  let params = paramsOf(f.layout, theta0);
  let state = initState(alg, params);
  let oState: OracleState = initialOracleState();
  const out: ComparedStep[] = [];
  for (let t = 1; t <= steps; t++) {
    const theta = Array.from(toFlat(params));
    const r = step(alg, params, objective, state);
    const o = oracleStep(config, f, theta, oState, f.layout);
    const kernel = toFlat(r.params);
    const terms = {
      learningRate: alg.config.learningRate,
      momentum: alg.config.momentum ?? 0,
      weightDecay: alg.config.weightDecay,
      sensitivity: sensitivity(resolved, theta, o.cleanGradient, flags),
      stepIndex: t,
    };
    out.push({ theta0: theta, kernel, oracle: o, error: distance(kernel, o.params), tolerance: stepTolerance(g, theta, o, terms) });
    tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(r.info)]);
    params = r.params;
    state = r.state;
    oState = o.state;
  }
  tf.dispose([...params, ...tensorsIn(state)]);
  return out;
}

/** Box of the bounded-trajectory condition: a quartic term at ‖θ‖∞ = 100 is ~1e9, far inside float32's range. */
export const TRAJECTORY_BOX = 100;

/**
 * The bounded-trajectory condition of P1, P2 and P10 (spec/properties.md): the float64 oracle's own iterates θ_t and ascent points
 * θ_t + δ_t stay in ‖·‖∞ ≤ TRAJECTORY_BOX for the first `steps` steps. Outside it the step size is
 * unstable for the drawn function (η·λ ≫ 2 on Rosenbrock or quartic walls) and the iterates run to
 * float32 overflow, which T1's rounding model does not describe. Decided by the oracle alone.
 */
export function oracleStaysBounded(config: AlgorithmConfig, f: CoreFunction, theta0: Vector, steps: number): boolean {
  const inBox = (x: Vector) => x.every((v) => Math.abs(v) <= TRAJECTORY_BOX);
  let theta = theta0;
  let state = initialOracleState();
  for (let t = 0; t < steps; t++) {
    const o = oracleStep(config, f, theta, state, f.layout);
    if (!o.ascentPoints.every(inBox) || !inBox(o.params)) return false;
    theta = o.params;
    state = o.state;
  }
  return true;
}

/** The largest error/tolerance ratio over the steps (≤ 1 passes). */
export const worstRatio = (steps: ComparedStep[]): number => Math.max(...steps.map((s) => (s.error === 0 ? 0 : s.error / s.tolerance)));
