/**
 * Finite sums f = (1/m)·Σ_{i∈batch} f_i: per-sample mathjs expressions (the oracle) and a
 * vectorized float32 per-sample loss (the twin, wired through the kernels' finiteSumObjective).
 */
import * as math from 'mathjs';
import { tf, type Scalar } from '../../tf.js';

type Tensor1D = tf.Tensor1D;
import { InvalidArgumentError } from '../../errors.js';
import { finiteSumObjective } from '../../kernels/finite_sum.js';
import { affineExpression, checkLayout, flatten, smoothFunction } from './smooth.js';
import { lazy, literal, sum, symbolic, variable } from './symbolic.js';
import type { AnalyticFunction, FiniteSumFunction, Layout, Vector } from './types.js';

export interface FiniteSumDefinition {
  name: string;
  dim: number;
  /** f_i as a mathjs expression, for every data row i = 0..n−1. */
  terms: string[];
  /** float32 f_i(θ) for data rows [start, end), shape [end − start]. */
  tfPerSample: (theta: Tensor1D, start: number, end: number) => Tensor1D;
  /** The batch is rows [0, batch); default n. */
  batch?: number;
  layout?: Layout;
}

const parenthesized = (terms: string[]) => terms.map((t) => `(${t})`);

export function finiteSumFunction(def: FiniteSumDefinition): FiniteSumFunction {
  const n = def.terms.length;
  const batch = def.batch ?? n;
  if (!Number.isInteger(batch) || batch < 1 || batch > n) throw new InvalidArgumentError('batch', batch, `an integer in [1, ${n}]`, 'INVALID_ARGUMENT');
  return rows(def, 0, batch);
}

function rows(def: FiniteSumDefinition, start: number, end: number): FiniteSumFunction {
  const m = end - start;
  const all = def.terms.length;
  const layout = checkLayout(def.layout ?? { names: ['x'], sizes: [def.dim] }, def.dim);
  const terms = def.terms.slice(start, end);
  const expression = `(${sum(parenthesized(terms))}) / ${m}`;
  const oracle = symbolic(expression, def.dim);
  const termValues = lazy(() => terms.map((t) => math.compile(t)));
  const scope = (x: Vector) => Object.fromEntries(x.map((v, i) => [variable(i), v]));
  const perSampleLoss = (params: tf.Tensor[], s: number, e: number) => def.tfPerSample(flatten(params), s, e);
  const affine = (c: number, s: number, name: string) =>
    rows(
      {
        ...def,
        name,
        terms: def.terms.map((t) => affineExpression(t, c, s)),
        tfPerSample: (theta, a, b) => tf.add(tf.mul(def.tfPerSample(theta, a, b), c), s) as Tensor1D,
      },
      start,
      end,
    );
  const self: FiniteSumFunction = {
    name: start === 0 && (end === all || end === def.batch) ? def.name : `${def.name}[${start}:${end}]`,
    dim: def.dim,
    expression,
    layout,
    batchSize: m,
    value: oracle.value,
    gradient: oracle.gradient,
    hessian: oracle.hessian,
    perSample: (x) => {
      const s = scope(x);
      return termValues().map((c) => Number(c.evaluate(s)));
    },
    slice: (s, e) => {
      if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= m)) {
        throw new InvalidArgumentError('slice', [s, e], `0 <= start < end <= ${m}`, 'INVALID_ARGUMENT');
      }
      return rows(def, start + s, start + e);
    },
    weighted: (weights) => weightedFunction(def, start, end, weights),
    full: () => rows(def, 0, all),
    tfObjective: () =>
      finiteSumObjective((params, s, e) => perSampleLoss(params, start + s, start + e), m, {
        full: finiteSumObjective(perSampleLoss, all),
      }),
    scaled: (c) => affine(c, 0, `${c}·${def.name}`),
    shifted: (s) => affine(1, s, `${def.name} + ${s}`),
    withLayout: (l) => rows({ ...def, layout: l }, start, end),
  };
  return self;
}

function weightedFunction(def: FiniteSumDefinition, start: number, end: number, weights: Vector): AnalyticFunction {
  if (weights.length !== end - start || weights.some((w) => !Number.isFinite(w))) {
    throw new InvalidArgumentError('weights', weights, `${end - start} finite numbers`, 'INVALID_ARGUMENT');
  }
  const terms = parenthesized(def.terms.slice(start, end)).map((t, i) => `${literal(weights[i])} * ${t}`);
  return smoothFunction({
    name: `weighted ${def.name}[${start}:${end}]`,
    dim: def.dim,
    expression: sum(terms),
    tfLoss: (theta) => tf.sum(tf.mul(def.tfPerSample(theta, start, end), tf.tensor1d(weights))) as Scalar,
    ...(def.layout ? { layout: def.layout } : {}),
  });
}
