/**
 * Performance profiles (Dolan & Moré 2002; AlgoPerf uses them to summarize time-to-target):
 * for each problem p and algorithm a, r(p, a) = cost(p, a) / min_a' cost(p, a'), and
 * ρ_a(τ) = fraction of problems with r(p, a) ≤ τ. Failures have r = ∞.
 */
export type Costs = Map<string, Map<string, number>>; // algorithm → problem → cost (Infinity = failed)

export function performanceRatios(costs: Costs): Map<string, number[]> {
  const algorithms = [...costs.keys()];
  const problems = [...new Set([...costs.values()].flatMap((m) => [...m.keys()]))];
  const best = problems.map((p) => Math.min(...algorithms.map((a) => costs.get(a)!.get(p) ?? Infinity)));
  return new Map(algorithms.map((a) => [a, problems.map((p, i) => (Number.isFinite(best[i]) ? (costs.get(a)!.get(p) ?? Infinity) / best[i] : Infinity))]));
}

/** ρ_a(τ) as a staircase: the points where it jumps, from τ = 1 to tauMax. */
export function profileCurve(ratios: number[], tauMax: number): Array<[number, number]> {
  const n = ratios.length;
  const finite = ratios.filter((r) => r <= tauMax).sort((a, b) => a - b);
  const points: Array<[number, number]> = [[1, finite.filter((r) => r <= 1).length / n]];
  finite.forEach((r, i) => {
    if (r > 1) points.push([r, (i + 1) / n]);
  });
  points.push([tauMax, finite.length / n]);
  return points;
}

/** The area-style summary AlgoPerf reports: mean of ρ_a over log-spaced τ in [1, tauMax]. */
export function profileScore(ratios: number[], tauMax: number, samples = 200): number {
  let s = 0;
  for (let i = 0; i < samples; i++) {
    const tau = tauMax ** (i / (samples - 1));
    s += ratios.filter((r) => r <= tau).length / ratios.length;
  }
  return s / samples;
}
