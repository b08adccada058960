/**
 * Finite-sum test problems for m-SAM, n-SAM and RW-SAM: n per-sample quadratics
 *   f_i(θ) = s·½ Σ_j λ_ij (θ_j − c_ij)²,
 * a batch of b of them (given by index, in batch order) and the full data set of n ≥ b. The
 * batch loss is the mean over the batch, L_n the mean over all n (spec/protocol.md §3.1).
 */
import fc from 'fast-check';
import { SamcheckError } from '../errors.js';
import type { OracleObjective, Vector } from '../oracle/objective.js';
import { f32, layoutOf, type LayoutDraw } from './layout.js';
import type { FiniteSumData, Layout } from './types.js';

export interface SampleQuadraticsSpec {
  kind: 'sample-quadratics';
  /** curvature[i][j] = λ_ij of sample i (data index), coordinate j. */
  curvature: number[][];
  center: number[][];
  /** The batch's sample indices in batch order. */
  batch: number[];
  /** Loss multiplier s (loss scaling property). */
  scale: number;
}

/** An objective over a selection of samples: the mean (default) or Σ w_k f_{samples[k]}. */
export interface SampleObjective extends OracleObjective {
  perSample(x: Vector): Vector;
}

export function sampleObjective(spec: SampleQuadraticsSpec, samples: readonly number[], weights?: readonly number[]): SampleObjective {
  const { curvature: l, center: c, scale: s } = spec;
  const w = weights ?? samples.map(() => 1 / samples.length);
  const f = (i: number, x: Vector) => s * 0.5 * x.reduce((acc, xj, j) => acc + l[i][j] * (xj - c[i][j]) ** 2, 0);
  const all = spec.curvature.map((_, i) => i);
  return {
    dim: l[0].length,
    batchSize: samples.length,
    value: (x) => samples.reduce((acc, i, k) => acc + w[k] * f(i, x), 0),
    gradient: (x) => x.map((xj, j) => samples.reduce((acc, i, k) => acc + w[k] * s * l[i][j] * (xj - c[i][j]), 0)),
    perSample: (x) => samples.map((i) => f(i, x)),
    slice: (start, end) => sampleObjective(spec, samples.slice(start, end)),
    weighted: (p) => sampleObjective(spec, samples, p),
    full: () => sampleObjective(spec, all),
  };
}

export interface FiniteSumObjective extends SampleObjective {
  lipschitz: number;
  data: FiniteSumData;
  /** The objective an evaluate request with `samples`/`weights` asks for (checked: clear PROTOCOL errors). */
  select(samples: readonly number[] | undefined, weights: readonly number[] | undefined): SampleObjective;
}

export function sampleQuadratics(spec: SampleQuadraticsSpec): FiniteSumObjective {
  const full = spec.curvature.map((_, i) => i);
  const maxCurvature = Math.max(...spec.curvature.flat().map(Math.abs));
  return {
    ...sampleObjective(spec, spec.batch),
    lipschitz: Math.abs(spec.scale) * maxCurvature,
    data: { batch: [...spec.batch], full },
    select(samples, weights) {
      const chosen = samples ?? spec.batch;
      if (!Array.isArray(chosen) || chosen.length === 0 || chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= full.length) || new Set(chosen).size !== chosen.length) {
        throw new SamcheckError('PROTOCOL', 'evaluate.samples', samples, `expected distinct sample indices in [0, ${full.length}) (the step's data.full)`);
      }
      if (weights !== undefined && (!Array.isArray(weights) || weights.length !== chosen.length || weights.some((x) => typeof x !== 'number' || !Number.isFinite(x)))) {
        throw new SamcheckError('PROTOCOL', 'evaluate.weights', weights, `expected ${chosen.length} finite numbers, one per selected sample`);
      }
      return sampleObjective(spec, chosen, weights);
    },
  };
}

export interface FiniteSumProblem {
  spec: SampleQuadraticsSpec;
  layout: Layout;
  theta0: number[];
}

/** Each coordinate carries its value for every sample (so arrays shrink toward dimension 1). */
const coordinate = (samples: number) =>
  fc.record({
    theta: f32(-2, 2),
    samples: fc.array(fc.record({ curvature: f32(0.1, 10), center: f32(-2, 2) }), { minLength: samples, maxLength: samples }),
    newTensor: fc.boolean(),
    bias: fc.boolean(),
  });

/** The most samples a problem with these batch sizes can have: n = b + 0..2. */
export const maxSamples = (batchSizes: readonly number[]): number => Math.max(...batchSizes) + 2;

export interface FiniteSumProblemOptions {
  maxDimension?: number;
  /** An interpolating minimum: every f_i is stationary at θ_0 (all centers at θ_0). */
  stationary?: boolean;
  /** The batch sizes b drawn from (default {2, 4}, so m ∈ {1, 2} divides b; data-parallel: N·{1, 2}). */
  batchSizes?: readonly number[];
}

/** b ∈ {2, 4} (or `batchSizes`), n = b + 0..2, the batch a random ordered subset. */
export function finiteSumProblemArbitrary(options: FiniteSumProblemOptions = {}): fc.Arbitrary<FiniteSumProblem> {
  const batchSizes = options.batchSizes ?? [2, 4];
  const samples = maxSamples(batchSizes);
  return fc
    .record({
      coords: fc.array(coordinate(samples), { minLength: 1, maxLength: options.maxDimension ?? 6 }),
      batchSize: fc.constantFrom(...batchSizes),
      extra: fc.integer({ min: 0, max: 2 }),
      order: sampleOrder(samples),
    })
    .map(({ coords, batchSize, extra, order }) => {
      const n = batchSize + extra;
      const theta0 = coords.map((d) => d.theta);
      const rows = Array.from({ length: n }, (_, i) => coords.map((d) => d.samples[i]));
      return {
        spec: {
          kind: 'sample-quadratics',
          curvature: rows.map((r) => r.map((x) => x.curvature)),
          center: rows.map((r) => r.map((x, j) => (options.stationary ? theta0[j] : x.center))),
          batch: order.filter((i) => i < n).slice(0, batchSize),
          scale: 1,
        },
        layout: layoutOf(coords as LayoutDraw[]),
        theta0,
      };
    });
}

/** A random order of the sample indices 0..samples−1 (a batch is its first b indices below n). */
export const sampleOrder = (samples: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(
    Array.from({ length: samples }, (_, i) => i),
    { minLength: samples, maxLength: samples },
  );
