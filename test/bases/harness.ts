/**
 * Runs a base's kernel, oracle and reference over the same float32-rounded sequence of
 * (θ_0, g_1..g_T) and measures kernel/oracle and reference/oracle gaps against the tolerance of
 * spec/bases.md §8 (the oracle's own sensitivity to float32-sized input perturbations).
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { createRandom } from '../../src/data/random.js';
import { fromFlat, toFlat } from '../../src/kernels/tree.js';
import type { BaseDescriptor, CommonBaseHyperparameters, ReferenceBase, WeightDecayPlacement } from '../../src/bases/descriptor.js';
import { length as norm, minus as sub } from '../../src/oracle/vector.js';

export const U32 = 2 ** -24;
export const U64 = 2 ** -53;
/** The tolerance constant of spec/bases.md §8. */
export const K = 8;

export type Own = Record<string, unknown>;
export interface Case {
  own: Own;
  common: CommonBaseHyperparameters;
  shapes: number[][];
  theta0: number[];
  /** g_1..g_T, the gradients the base applies. */
  grads: number[][];
  /** The clean gradients g_0 of each step, which `observe` sees (mutants only). */
  cleans: number[][];
  /** Seeds the relative perturbations of the sensitivity runs. */
  noiseSeed: number;
}

const f32 = (v: number[]): number[] => v.map(Math.fround);

/**
 * Exact zeros, and magnitudes 10^lo..10^hi of either sign — never float32 subnormals, whose lost
 * relative precision the tolerance does not model (spec/bases.md §8: seen with θ_0 = 2.1e-41).
 */
const coordinate = (lo: number, hi: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.tuple(fc.boolean(), fc.double({ min: lo, max: hi, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * 10 ** e) },
  );
const gradientCoordinate = coordinate(-3, 1);
const parameterCoordinate = coordinate(-3, 0.7);
const relativeOffset = coordinate(-7, -1);

/** Own options with the tfjs forms too (the descriptor's arbitrary draws the torch forms only). */
export function withForms(d: BaseDescriptor): fc.Arbitrary<Own> {
  return (d.arbitrary() as fc.Arbitrary<Own>).chain((own) => {
    if ('biasCorrection' in own) return fc.constantFrom('float64', 'float32').map((biasCorrection) => ({ ...own, biasCorrection }));
    if ('epsilonPlacement' in own) return fc.constantFrom('outside', 'inside').map((epsilonPlacement) => ({ ...own, epsilonPlacement }));
    return fc.constant(own);
  });
}

export interface CaseOptions {
  placement?: WeightDecayPlacement;
  own?: fc.Arbitrary<Own>;
  maxSteps?: number;
  /**
   * Gradients that nearly cancel the coupled decay: g = −λθ_0·(1 + η), |η| ∈ [1e-7, 1e-1] — the
   * float32-ill-conditioned inputs of spec/bases.md §8 (weightDecay > 0 is forced).
   */
  cancelling?: boolean;
}

export function caseArbitrary(d: BaseDescriptor, options: CaseOptions = {}): fc.Arbitrary<Case> {
  const placement = options.placement !== undefined ? fc.constant(options.placement) : fc.constantFrom(...d.placements);
  const common = fc.record({
    learningRate: fc.double({ min: -4, max: -0.3, noNaN: true }).map((e) => 10 ** e),
    weightDecay: options.cancelling ? fc.double({ min: -3, max: -1, noNaN: true }).map((e) => 10 ** e) : fc.oneof(fc.constant(0), fc.double({ min: -4, max: -1, noNaN: true }).map((e) => 10 ** e)),
    weightDecayIn: placement,
  });
  return fc
    .record({
      dim: fc.integer({ min: 1, max: 4 }),
      steps: fc.integer({ min: 1, max: options.maxSteps ?? 6 }),
      split: fc.boolean(),
      own: options.own ?? withForms(d),
      common,
      noiseSeed: fc.integer(),
    })
    .chain(({ dim, steps, split, own, common, noiseSeed }) =>
      fc
        .record({
          theta0: fc.array(parameterCoordinate, { minLength: dim, maxLength: dim }),
          grads: fc.array(fc.array(options.cancelling ? relativeOffset : gradientCoordinate, { minLength: dim, maxLength: dim }), { minLength: steps, maxLength: steps }),
          cleans: fc.array(fc.array(gradientCoordinate, { minLength: dim, maxLength: dim }), { minLength: steps, maxLength: steps }),
        })
        .map(({ theta0, grads, cleans }) => ({
          grads: options.cancelling ? grads.map((g) => g.map((eta, j) => -common.weightDecay * theta0[j] * (1 + eta))) : grads,
          theta0,
          cleans,
        }))
        .map(({ theta0, grads, cleans }) => ({
          own,
          common,
          shapes: split && dim > 1 ? [[1], [dim - 1]] : [[dim]],
          theta0: f32(theta0),
          grads: grads.map(f32),
          cleans: cleans.map(f32),
          noiseSeed,
        })),
    );
}

/** θ_0..θ_T from the float64 oracle (optionally on other inputs). */
export function oracleTrajectory(d: BaseDescriptor, c: Case, theta0 = c.theta0, grads = c.grads): number[][] {
  const oracle = d.oracle(c.own, c.common);
  let state = oracle.init(theta0.length);
  const out = [theta0];
  for (const g of grads) {
    const next = oracle.update(out[out.length - 1], g, state);
    state = next.state;
    out.push(next.params);
  }
  return out;
}

/** θ_0..θ_T from a reference (the clean gradient of each step observed first). */
export function referenceTrajectory(reference: ReferenceBase, c: Case): number[][] {
  const out = [c.theta0];
  c.grads.forEach((g, t) => {
    reference.observe?.(c.cleans[t]);
    out.push(reference.step(out[out.length - 1], g));
  });
  return out;
}

/** θ_0..θ_T from the tfjs kernel (state carried, replaced tensors disposed). */
export function kernelTrajectory(d: BaseDescriptor, c: Case, own = c.own, common = c.common): number[][] {
  const kernel = d.kernel(own, common);
  let params = fromFlat(c.theta0, c.shapes);
  let state = kernel.init(params);
  const out = [c.theta0];
  for (const g of c.grads) {
    const grads = fromFlat(g, c.shapes);
    const next = kernel.update(grads, state, params, out.length - 1);
    disposeReplaced(state, next.state);
    tf.dispose([...grads, ...params]);
    params = next.params;
    state = next.state;
    out.push(Array.from(toFlat(params)));
  }
  tf.dispose([...params, ...tensorsOf(state)]);
  return out;
}

export function tensorsOf(value: unknown, out: tf.Tensor[] = []): tf.Tensor[] {
  if (value instanceof tf.Tensor) out.push(value);
  else if (Array.isArray(value)) for (const v of value) tensorsOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) tensorsOf(v, out);
  return out;
}

export function disposeReplaced(previous: unknown, next: unknown): void {
  const keep = new Set(tensorsOf(next));
  for (const t of tensorsOf(previous)) if (!keep.has(t) && !t.isDisposed) t.dispose();
}

/**
 * S_{t,j} = max over 3 runs of |θ_{t,j}(perturbed) − θ_{t,j}|: every gradient scaled by
 * (1 + 2⁻²⁴); θ_0 scaled by (1 + 2⁻²⁴); every input scaled by (1 ± 2⁻²⁴) with random signs. The
 * first two cannot cancel each other where g ≈ −λθ (spec/bases.md §8).
 */
export function sensitivity(d: BaseDescriptor, c: Case, base: number[][]): number[][] {
  const random = createRandom(c.noiseSeed);
  const up = (v: number[]) => v.map((x) => x * (1 + U32));
  const signs = (v: number[]) => v.map((x) => x * (1 + (random.uniform() < 0.5 ? -U32 : U32)));
  const runs = [oracleTrajectory(d, c, c.theta0, c.grads.map(up)), oracleTrajectory(d, c, up(c.theta0), c.grads), oracleTrajectory(d, c, signs(c.theta0), c.grads.map(signs))];
  return base.map((theta, t) => theta.map((x, j) => Math.max(...runs.map((run) => Math.abs(run[t][j] - x)))));
}

/** Per coordinate: |θ_0| + Σ_{s≤t}(|θ_s| + |θ_s − θ_{s−1}|), and Σ_{s≤t}|θ_s − θ_{s−1}|. */
function scales(base: number[][]): { floor: number[][]; moved: number[][] } {
  const floor = [base[0].map(Math.abs)];
  const moved = [base[0].map(() => 0)];
  for (let t = 1; t < base.length; t++) {
    const step = base[t].map((x, j) => Math.abs(x - base[t - 1][j]));
    floor.push(floor[t - 1].map((f, j) => f + Math.abs(base[t][j]) + step[j]));
    moved.push(moved[t - 1].map((m, j) => m + step[j]));
  }
  return { floor, moved };
}

/** spec/bases.md §8: tol_t = K·‖u·floor_t + (u/2⁻²⁴)·S_t‖ (per-coordinate scales, global norm). */
export function tolerances(u: number, base: number[][], sens: number[][]): number[] {
  const { floor } = scales(base);
  return floor.map((f, t) => K * norm(f.map((x, j) => u * x + (u / U32) * sens[t][j])));
}

/**
 * The condition of spec/bases.md §8: the oracle is finite and float32-well-conditioned — at every
 * step and coordinate, its response to 2⁻²⁴ input perturbations beyond the 2⁻²⁴·floor that
 * rounding θ alone gives stays below 1% of how far that coordinate moved.
 */
export function wellConditioned(base: number[][], sens: number[][]): boolean {
  const { floor, moved } = scales(base);
  return base.every((theta, t) => theta.every((x, j) => Number.isFinite(x) && Number.isFinite(sens[t][j]) && sens[t][j] <= 1e-2 * moved[t][j] + U32 * floor[t][j]));
}

export interface Gap {
  /** max_t ‖other_t − oracle_t‖ / tol_t (≤ 1 passes). */
  ratio: number;
  step: number;
}

export function gap(base: number[][], other: number[][], tol: number[]): Gap {
  let worst: Gap = { ratio: 0, step: 0 };
  base.forEach((theta, t) => {
    const e = norm(sub(other[t], theta));
    const ratio = e === 0 ? 0 : e / tol[t];
    if (!(ratio <= worst.ratio)) worst = { ratio: Number.isNaN(ratio) ? Infinity : ratio, step: t };
  });
  return worst;
}


/**
 * The counterexample of a property that was refuted by returning false — not by throwing, which
 * would mean the check broke rather than told the variant apart.
 */
export function refutation<T>(result: fc.RunDetails<[T]>): T {
  if (!result.failed || result.counterexample === null) throw new Error(`never refuted in ${result.numRuns} runs (${result.numSkips} skipped)`);
  if (result.errorInstance instanceof Error && result.errorInstance.message !== 'Property failed by returning false') throw result.errorInstance;
  return result.counterexample[0];
}

/** The reference (or a mutant of it) stays within the float64 tolerance of the oracle. */
export function referenceFollowsOracle(d: BaseDescriptor, c: Case, reference: ReferenceBase): boolean {
  const base = oracleTrajectory(d, c);
  const sens = sensitivity(d, c, base);
  fc.pre(wellConditioned(base, sens));
  return gap(base, referenceTrajectory(reference, c), tolerances(U64, base, sens)).ratio <= 1;
}
