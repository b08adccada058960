import { Bench } from 'tinybench';
import { median, robustSd } from '../../src/report/stats.js';

export interface TimedTask {
  label: string;
  run(): void;
}

export interface TimingOptions {
  /** Interleaved rounds; ratios are computed per round, so slow drifts of a shared machine cancel. */
  rounds: number;
  /** Calls per task per round (the round's value is their median). */
  iterations: number;
  /** Called after each round with the fraction done. */
  onRound?(fraction: number): void;
  /** The clock in ms (default: processCpuMs). A browser page, where GPU work is not this process's CPU time, passes performance.now. */
  now?: () => number;
}

/**
 * The clock: this process's CPU time (user + system, all its threads), in ms. The tfjs wasm and
 * cpu backends compute synchronously on the calling thread, so on an idle machine this equals
 * wall time (plus V8's concurrent GC threads, a real cost of the step); on a shared machine (a
 * niced mutation run on the same 2 cores) it does not count the time other processes took.
 * Measured there: wall-clock SAM/XSAM rounds spread 0.7–1.6×, CPU-time rounds 0.92–1.26×.
 */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Per task: the median latency (ms) of each round. */
export type RoundTimes = Map<string, number[]>;

/**
 * Times every task in interleaved rounds with tinybench (round r runs all tasks once before
 * round r+1 starts), on the process CPU-time clock. Round 0 includes a warm-up call per task
 * (kernel compilation, allocations).
 */
export async function interleavedTimes(tasks: TimedTask[], options: TimingOptions): Promise<RoundTimes> {
  const times: RoundTimes = new Map(tasks.map((t) => [t.label, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({ iterations: options.iterations, time: 0, warmup: round === 0, warmupIterations: 1, warmupTime: 0, throws: true, now: options.now ?? processCpuMs });
    for (const t of tasks) bench.add(t.label, t.run);
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state !== 'completed') throw new Error(`benchmark task ${task.name} ended in state ${r.state}`);
      times.get(task.name)!.push(r.latency.p50);
    }
    options.onRound?.((round + 1) / options.rounds);
  }
  return times;
}

export interface Estimate {
  value: number;
  /** Robust standard deviation over rounds. */
  noise: number;
  /** The per-round values (for the median's order-statistic interval). */
  rounds: number[];
}

export function estimate(xs: number[]): Estimate {
  return { value: median(xs), noise: xs.length > 1 ? robustSd(xs) : 0, rounds: [...xs] };
}

/** Median and spread over rounds of f(round) (a ratio of same-round times). */
export function perRound(times: RoundTimes, f: (get: (label: string) => number) => number): Estimate {
  const rounds = [...times.values()][0]?.length ?? 0;
  const values = Array.from({ length: rounds }, (_, r) => f((label) => times.get(label)![r]));
  return estimate(values);
}
