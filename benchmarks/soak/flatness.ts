import type { SoakSample } from './soak.js';

/** Ordinary least squares y ≈ a + slope·x, with the slope's standard error (0 for 2 points, ∞ for fewer). */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): { slope: number; standardError: number } {
  const n = xs.length;
  if (n < 2) return { slope: 0, standardError: Infinity };
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const slope = sxy / sxx;
  if (n < 3) return { slope, standardError: 0 };
  let residuals = 0;
  for (let i = 0; i < n; i++) residuals += (ys[i] - my - slope * (xs[i] - mx)) ** 2;
  return { slope, standardError: Math.sqrt(residuals / (n - 2) / sxx) };
}

/**
 * What "flat" means per quantity (spec/benchmarks.md, Soak). Tensor count and tensor bytes are
 * exact: every sample must be equal. Heap and RSS (after a full GC) also grow for reasons that are
 * not leaks and that decay (JIT feedback, code, allocator pools), so they are judged by the slope
 * over the second half of the run, against bounds in bytes per step.
 */
export const FLATNESS = {
  /** B/step: below one leaked JS object per step (an empty object takes ≥ 24 bytes on 64-bit V8). */
  heapBytesPerStep: 16,
  /** B/step: below one leaked 4×4 float32 buffer (64 bytes + allocator header) per step. */
  rssBytesPerStep: 64,
  /**
   * RSS moves in allocator/page chunks (jumps of 0.25–0.5 MiB measured): two such jumps inside
   * the judged window are resolution, not slope, so the RSS bound is at least this over the window.
   */
  rssResolutionBytes: 2 * 1024 * 1024,
  /** Fraction of the run excluded from the heap/RSS slope (measured: the growth has decayed by then). */
  warmupFraction: 0.5,
} as const;

export type SoakQuantity = 'numTensors' | 'numBytes' | 'heapUsed' | 'rss';

export interface FlatnessVerdict {
  quantity: SoakQuantity;
  unit: string;
  /** Least-squares slope per step over the judged samples. */
  slope: number;
  standardError: number;
  /** max − min over the judged samples. */
  range: number;
  /** Which samples were judged: first step included. */
  fromStep: number;
  rule: string;
  flat: boolean;
}

export interface FlatnessOptions {
  warmupSteps: number;
  heapBytesPerStep?: number;
  rssBytesPerStep?: number;
}

/** The RSS bound for a judged window of `steps` steps. */
export function rssBound(steps: number, base: number = FLATNESS.rssBytesPerStep): number {
  return Math.max(base, FLATNESS.rssResolutionBytes / Math.max(1, steps));
}

export function assessFlatness(samples: readonly SoakSample[], options: FlatnessOptions): FlatnessVerdict[] {
  const heapBound = options.heapBytesPerStep ?? FLATNESS.heapBytesPerStep;
  const afterWarmup = samples.filter((s) => s.step > options.warmupSteps);
  const window = afterWarmup.length ? afterWarmup[afterWarmup.length - 1].step - options.warmupSteps : 0;
  const rssLimit = Math.round(rssBound(window, options.rssBytesPerStep));
  const judge = (quantity: SoakQuantity, unit: string, judged: readonly SoakSample[], rule: string, isFlat: (slope: number, range: number) => boolean): FlatnessVerdict => {
    const ys = judged.map((s) => s[quantity]);
    const { slope, standardError } = leastSquaresSlope(
      judged.map((s) => s.step),
      ys,
    );
    const range = ys.length ? Math.max(...ys) - Math.min(...ys) : 0;
    return { quantity, unit, slope, standardError, range, fromStep: judged[0]?.step ?? NaN, rule, flat: judged.length >= 2 && isFlat(slope, range) };
  };
  return [
    judge('numTensors', 'tensors', samples, 'every sample equal', (_, range) => range === 0),
    judge('numBytes', 'bytes', samples, 'every sample equal', (_, range) => range === 0),
    judge('heapUsed', 'bytes', afterWarmup, `slope < ${heapBound} B/step after warm-up`, (slope) => slope < heapBound),
    judge('rss', 'bytes', afterWarmup, `slope < ${rssLimit} B/step after warm-up`, (slope) => slope < rssLimit),
  ];
}
