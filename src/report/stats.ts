/** Statistics for the report (float64, plain arrays): intervals that respect their domain, paired comparisons, verdicts. */
import { InvalidArgumentError } from '../errors.js';

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Robust spread: 1.4826 × median absolute deviation (≈ σ for normal data). */
export function robustSd(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

/** Two-sided 97.5% quantiles of Student's t for df = 1..30 (standard table values). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1];
  // Cornish–Fisher style expansion around the normal quantile; error < 1e-3 for df > 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

export interface Interval {
  mean: number;
  /** Half-width of the 95% t-interval (Infinity for a single sample). */
  halfWidth: number;
  n: number;
}

/** Mean ± the 95% Student-t interval half-width. */
export function tInterval95(xs: readonly number[]): Interval {
  const n = xs.length;
  return { mean: mean(xs), halfWidth: n < 2 ? Infinity : (tQuantile975(n - 1) * sampleSd(xs)) / Math.sqrt(n), n };
}

export function formatInterval(i: Interval, digits = 3): string {
  return Number.isFinite(i.halfWidth) ? `${i.mean.toFixed(digits)} ± ${i.halfWidth.toFixed(digits)}` : `${i.mean.toFixed(digits)} (n=1)`;
}

/** A point estimate with a two-sided interval [lo, hi] of (at least) `level` coverage. */
export interface Bounds {
  value: number;
  lo: number;
  hi: number;
  n: number;
  /** Nominal coverage of [lo, hi] (0.95 unless the sample is too small for it, see `medianInterval`). */
  level: number;
}

function requireSample(name: string, xs: readonly number[]): void {
  if (xs.length === 0) throw new InvalidArgumentError(name, xs, 'at least one value');
  const bad = xs.find((x) => !Number.isFinite(x));
  if (bad !== undefined) throw new InvalidArgumentError(name, bad, 'finite numbers');
}

/**
 * The mean with its 95% t-interval intersected with the domain [min, max] of the quantity (an
 * accuracy lies in [0, 1], a difference of accuracies in [−1, 1]). Intersecting with the parameter
 * space keeps the coverage: the true mean lies in the domain, so it lies in the intersection
 * exactly when it lies in the t-interval.
 */
export function meanInterval(xs: readonly number[], domain: [number, number] = [-Infinity, Infinity]): Bounds {
  requireSample('values', xs);
  const t = tInterval95(xs);
  return { value: t.mean, lo: Math.max(domain[0], t.mean - t.halfWidth), hi: Math.min(domain[1], t.mean + t.halfWidth), n: t.n, level: 0.95 };
}

/**
 * For a positive quantity (a Hessian eigenvalue, a time): the geometric mean with the 95%
 * t-interval of the mean log, mapped back, so the interval is positive and multiplicative.
 */
export function geometricInterval(xs: readonly number[]): Bounds {
  requireSample('values', xs);
  const bad = xs.find((x) => !(x > 0));
  if (bad !== undefined) throw new InvalidArgumentError('values', bad, 'positive numbers (a log-scale interval)');
  const t = tInterval95(xs.map(Math.log));
  return { value: Math.exp(t.mean), lo: Math.exp(t.mean - t.halfWidth), hi: Math.exp(t.mean + t.halfWidth), n: t.n, level: 0.95 };
}

/** Paired per-seed values of one algorithm and its baseline (same seed, data order and initialization). */
function requirePairs(a: readonly number[], b: readonly number[]): void {
  requireSample('values', a);
  requireSample('baseline', b);
  if (a.length !== b.length) throw new InvalidArgumentError('baseline', b.length, `${a.length} paired values (one per seed)`);
}

/**
 * Paired difference a − b: the t-interval of the per-seed differences. Pairing removes what the
 * two runs of a seed share (initialization, data order), which is most of the seed-to-seed spread.
 */
export function pairedDifference(a: readonly number[], b: readonly number[], domain: [number, number] = [-Infinity, Infinity]): Bounds {
  requirePairs(a, b);
  return meanInterval(a.map((x, i) => x - b[i]), domain);
}

/** Paired ratio a / b of positive quantities: the geometric mean of per-seed ratios with its log-scale interval. */
export function pairedRatio(a: readonly number[], b: readonly number[]): Bounds {
  requirePairs(a, b);
  return geometricInterval(a.map((x, i) => x / b[i]));
}

export type Direction = 'higher' | 'lower' | 'not resolved';

/** Whether an interval of a difference (reference 0) or a ratio (reference 1) excludes the reference. */
export function direction(b: Bounds, reference = 0): Direction {
  return b.lo > reference ? 'higher' : b.hi < reference ? 'lower' : 'not resolved';
}

/** P(Binomial(n, ½) ≤ k). */
function binomialHalfCdf(n: number, k: number): number {
  let term = 0.5 ** n;
  let sum = k >= 0 ? term : 0;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * Distribution-free interval for a median: the order statistics x_(l) and x_(n+1−l) with the
 * largest l whose coverage 1 − 2·P(B ≤ l − 1), B ~ Binomial(n, ½), is at least 95%. Below 6 values
 * no pair reaches 95%; then [min, max] with its actual coverage 1 − 2^(1−n) is returned.
 */
export function medianInterval(xs: readonly number[]): Bounds {
  requireSample('values', xs);
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  let l = 1;
  while (l + 1 <= (n + 1) / 2 && 1 - 2 * binomialHalfCdf(n, l) >= 0.95) l++;
  const level = 1 - 2 * binomialHalfCdf(n, l - 1);
  return { value: median(s), lo: s[l - 1], hi: s[n - l], n, level };
}

/**
 * The verdict on a smaller-is-better target (a cost ratio) with a physical floor: the true ratio
 * cannot be below the floor (SAM takes two gradient evaluations: SAM/SGD ≥ 2), so an estimate
 * below it is noise, never a pass.
 * - "measurement problem: below floor": the whole interval lies below the floor;
 * - "at floor within noise": the estimate is below the floor, the interval reaches it;
 * - "met": the whole interval is at or below the target; "missed": the whole interval is above it;
 * - "not resolved": the interval contains the target.
 */
export type TargetVerdict = 'met' | 'missed' | 'not resolved' | 'at floor within noise' | 'measurement problem: below floor';

export function judgeTarget(b: Pick<Bounds, 'value' | 'lo' | 'hi'>, target: number, floor = -Infinity): TargetVerdict {
  if (b.hi < floor) return 'measurement problem: below floor';
  if (b.value < floor) return 'at floor within noise';
  if (b.hi <= target) return 'met';
  if (b.lo > target) return 'missed';
  return 'not resolved';
}

/** "value [lo, hi]" with `digits` decimals (and the coverage when it is not 95%). */
export function formatBounds(b: Bounds, digits = 3, scale = 1): string {
  const f = (x: number) => (Number.isFinite(x) ? (x * scale).toFixed(digits) : x > 0 ? '∞' : '−∞');
  const level = b.level < 0.95 - 1e-9 ? ` (${(100 * b.level).toFixed(0)}%)` : '';
  return `${f(b.value)} [${f(b.lo)}, ${f(b.hi)}]${level}`;
}

/** "+1.23 [0.40, 2.06]": a difference, signed. */
export function formatDifference(b: Bounds, digits = 2, scale = 1): string {
  const f = (x: number) => {
    if (!Number.isFinite(x)) return x > 0 ? '+∞' : '−∞';
    const text = Math.abs(x * scale).toFixed(digits);
    // No sign on a value that rounds to zero ("−0.00" would claim a direction it does not show).
    return Number(text) === 0 ? text : `${x > 0 ? '+' : '−'}${text}`;
  };
  return `${f(b.value)} [${f(b.lo)}, ${f(b.hi)}]`;
}

/** Log-spaced grid: `count` points from lo to hi inclusive. */
export function logSpace(lo: number, hi: number, count: number): number[] {
  if (count === 1) return [lo];
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}
