/**
 * Finite sums (least squares, logistic, quadratic per-sample losses; batch 1..6 of n ≤ 8 rows):
 * the mean of perSample, slice(0, b) and weighted(1/b, …, 1/b) all equal value, to
 * TOL_SUM·u64·(1 + Σ|f_i|).
 */
import { describe, test } from 'vitest';
import fc from 'fast-check';
import { finiteSumFunction, point } from '../arbitraries/index.js';
import type { FiniteSumFunction } from '../../src/oracle/functions/index.js';
import { finiteSumErrors, within } from './claims.js';
import { failsOn, sliceOffByOne, sumInsteadOfMean, weightsTimesBatch } from './broken.js';

/** Summing ≤ 8 terms in different orders: at most ~8 roundings of Σ|f_i| each; observed ≤ 0.5. */
const TOL_SUM = 16;

const withPoint = (fns: fc.Arbitrary<FiniteSumFunction>) => fns.chain((f) => fc.tuple(fc.constant(f), point(f.dim)));
type Case = [FiniteSumFunction, number[]];
const sums = withPoint(finiteSumFunction());
/** Sums with rows beyond the batch, so that an offset slice is visible. */
const sumsWithMoreRows = withPoint(finiteSumFunction({ extraRows: fc.integer({ min: 1, max: 2 }) }));

const meanClaim = ([f, x]: Case) => within('mean of perSample vs value', finiteSumErrors(f, x).mean, TOL_SUM);
const sliceClaim = ([f, x]: Case) => within('slice(0, b) vs value', finiteSumErrors(f, x).slice, TOL_SUM);
const weightedClaim = ([f, x]: Case) => within('weighted(uniform) vs value', finiteSumErrors(f, x).weighted, TOL_SUM);

describe('finite sums', () => {
  test('the mean of perSample equals value', () => fc.assert(fc.property(sums, meanClaim), { numRuns: 60 }));
  test('slice(0, batchSize) equals the whole batch', () => fc.assert(fc.property(sums, sliceClaim), { numRuns: 40 }));
  test('weighted with uniform weights 1/b equals value', () => fc.assert(fc.property(sums, weightedClaim), { numRuns: 40 }));
  test('caught: the batch loss as a sum instead of a mean', () => failsOn(sums.map(([f, x]): Case => [sumInsteadOfMean(f), x]), meanClaim));
  test('caught: slice offset by one row', () => failsOn(sumsWithMoreRows.map(([f, x]): Case => [sliceOffByOne(f), x]), sliceClaim));
  test('caught: weights multiplied by the batch size', () => failsOn(sums.map(([f, x]): Case => [weightsTimesBatch(f), x]), weightedClaim));
});
