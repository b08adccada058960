import type { Metric, Regression, Report } from './types.js';

export interface RegressionOptions {
  /** Flag only changes beyond this many combined standard deviations (default 3). */
  sigmas?: number;
  /** …and beyond this relative change (default 0.05), so tiny noise estimates do not flag jitter. */
  minRelative?: number;
}

function metricsOf(report: Pick<Report, 'suites'>): Map<string, Metric> {
  return new Map(report.suites.flatMap((s) => s.metrics).map((m) => [m.name, m]));
}

/**
 * Metrics that got worse than the previous report by more than the measured noise. The noise of
 * a difference is √(σ_prev² + σ_cur²); deterministic metrics (σ = 0) are flagged by the relative rule alone.
 */
export function findRegressions(previous: Pick<Report, 'suites'>, current: Pick<Report, 'suites'>, options: RegressionOptions = {}): Regression[] {
  const sigmas = options.sigmas ?? 3;
  const minRelative = options.minRelative ?? 0.05;
  const before = metricsOf(previous);
  const out: Regression[] = [];
  for (const cur of metricsOf(current).values()) {
    const prev = before.get(cur.name);
    if (!prev || prev.unit !== cur.unit || !Number.isFinite(prev.value) || !Number.isFinite(cur.value)) continue;
    const worse = cur.smallerIsBetter ? cur.value - prev.value : prev.value - cur.value;
    const noise = Math.sqrt(prev.noise ** 2 + cur.noise ** 2);
    const relative = prev.value !== 0 ? worse / Math.abs(prev.value) : worse > 0 ? Infinity : 0;
    if (worse > sigmas * noise && relative > minRelative) {
      out.push({
        metric: cur.name,
        unit: cur.unit,
        previous: prev.value,
        current: cur.value,
        sigmas: noise > 0 ? worse / noise : Infinity,
        relativeChange: relative,
      });
    }
  }
  return out.sort((a, b) => b.relativeChange - a.relativeChange);
}
