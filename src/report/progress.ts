import type { ProgressEvent, Report, SuitePlan } from './types.js';

interface Stream {
  write(s: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Each suite's expected duration: its measured duration in the previous report of the same mode
 * (quick or full) when there is one, else the static estimate its registration carries.
 */
export function planSuites(names: string[], quick: boolean, estimateMinutes: (name: string) => number, previous?: Pick<Report, 'quick' | 'suites'>): SuitePlan[] {
  const measured = new Map(previous && previous.quick === quick ? previous.suites.map((s) => [s.suite, s.durationMs]) : []);
  return names.map((suite) => {
    const ms = measured.get(suite);
    return ms !== undefined && Number.isFinite(ms) ? { suite, estimateMs: ms, source: 'previous report' as const } : { suite, estimateMs: 60_000 * estimateMinutes(suite), source: 'estimate' as const };
  });
}

/**
 * Time left, in ms: the current suite's remainder plus the plan of the suites after it. The
 * remainder extrapolates the suite's own pace once it has reported 5% progress; before that (or
 * when a suite reports no progress) it is the plan's estimate minus the time spent, never < 0.
 */
export function timeLeftMs(plan: SuitePlan[], index: number, fraction: number, suiteElapsedMs: number): number {
  const later = plan.slice(index + 1).reduce((s, p) => s + p.estimateMs, 0);
  const f = Math.min(1, Math.max(0, fraction));
  const current = f >= 0.05 ? (suiteElapsedMs * (1 - f)) / f : Math.max(0, (plan[index]?.estimateMs ?? 0) - suiteElapsedMs);
  return current + later;
}

/** Overall fraction done, weighting suites by their planned durations. */
export function overallFraction(plan: SuitePlan[], index: number, fraction: number): number {
  const total = plan.reduce((s, p) => s + p.estimateMs, 0);
  if (total <= 0) return plan.length ? (index + fraction) / plan.length : 1;
  const before = plan.slice(0, index).reduce((s, p) => s + p.estimateMs, 0);
  return Math.min(1, (before + Math.min(1, Math.max(0, fraction)) * (plan[index]?.estimateMs ?? 0)) / total);
}

/** "1:05" (m:ss) or "1:02:05" (h:mm:ss). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/**
 * A progress line on stderr with the time elapsed and the time left (from the plan: the previous
 * report's durations). On a TTY it redraws one line (at most every 100 ms); otherwise (CI logs) it
 * prints one line per suite start and end, so logs stay readable.
 */
export function progressBar(stream: Stream = process.stderr, now: () => number = Date.now): (e: ProgressEvent) => void {
  let last = 0;
  let drawn = false;
  const started = now();
  let plan: SuitePlan[] = [];
  let index = 0;
  let suiteStarted = started;
  const left = (fraction: number) => timeLeftMs(plan, index, fraction, now() - suiteStarted);
  return (e) => {
    if (e.kind === 'plan') {
      plan = e.suites;
      if (!stream.isTTY) {
        const total = plan.reduce((s, p) => s + p.estimateMs, 0);
        const fromHistory = plan.filter((p) => p.source === 'previous report').length;
        stream.write(`samcheck report: ${plan.length} suites, expected ${formatDuration(total)} (${fromHistory} of ${plan.length} from the previous report's durations)\n`);
      }
      return;
    }
    if (e.kind === 'suite-start') {
      index = plan.findIndex((p) => p.suite === e.suite);
      if (index === -1) index = e.index;
      suiteStarted = now();
      if (!stream.isTTY) {
        const estimate = plan[index] ? `, expected ${formatDuration(plan[index].estimateMs)}` : '';
        stream.write(`[${e.index + 1}/${e.total}] ${e.suite}… (${formatDuration(now() - started)} elapsed${estimate}, ~${formatDuration(left(0))} left)\n`);
      }
      return;
    }
    if (!stream.isTTY) {
      if (e.kind === 'suite-end') stream.write(`    ${e.suite} done in ${(e.durationMs / 1000).toFixed(1)} s\n`);
      else if (e.kind === 'written') stream.write(`report written to ${e.dir} (${formatDuration(now() - started)})\n`);
      return;
    }
    if (e.kind === 'progress') {
      const t = now();
      if (t - last < 100 && e.fraction < 1) return;
      last = t;
      const width = 30;
      const overall = plan.length ? overallFraction(plan, index, e.fraction) : e.overall;
      const filled = Math.round(Math.min(1, Math.max(0, overall)) * width);
      const time = `${formatDuration(t - started)} elapsed${plan.length ? `, ~${formatDuration(left(e.fraction))} left` : ''}`;
      const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(overall * 100).toFixed(0).padStart(3)}% ${time} · ${e.suite}${e.detail ? `: ${e.detail}` : ''}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1)}`);
      drawn = true;
    } else if (e.kind === 'written') {
      if (drawn) stream.write('\n');
      stream.write(`report written to ${e.dir} (${formatDuration(now() - started)})\n`);
    }
  };
}
