import type { TestRunRecord } from './test_run.js';

/**
 * The report's data model. Everything a suite measures ends up as metrics (numbers with a unit,
 * a direction and a noise estimate, for regression detection), tables and figures (SVG files).
 */
export interface Metric {
  /** Stable id, e.g. "kernels/wasm/mlp/sam/step_ms". */
  name: string;
  unit: string;
  value: number;
  /** One standard deviation of the measurement, in `unit` (0 when deterministic). */
  noise: number;
  smallerIsBetter: boolean;
}

export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Shown under the table. */
  caption?: string;
}

export interface Figure {
  /** File name inside the report directory, e.g. "sam-edge.svg". */
  file: string;
  title: string;
  caption: string;
  svg: string;
}

/** One judged claim, for the report's summary: a cost target, or a comparison with a baseline. */
export interface Verdict {
  kind: 'target' | 'comparison';
  /** Comparisons of one question share a group ("synthetic: test accuracy vs SGD"); the summary lists them on one line. */
  group?: string;
  /** The compared algorithm within its group ("SAM"). */
  label?: string;
  /** What is judged, e.g. "wasm, MLP 784-256-256-10, batch 128: SAM / SGD". */
  subject: string;
  /** The estimate with its interval, formatted ("2.010 [1.95, 2.07]"). */
  estimate: string;
  /** What the estimate is judged against ("≤ 2.1, floor 2"; "SGD, paired over 5 seeds"). */
  criterion: string;
  /** A TargetVerdict for targets; 'higher' | 'lower' | 'not resolved' for comparisons. */
  verdict: string;
}

/** Per-epoch measurements of one algorithm on one task, every seed (kept in report.json for re-analysis). */
export interface TrainingCurve {
  task: string;
  algorithm: string;
  seeds: number[];
  /** Epochs at which the values were taken (0 = at initialization). */
  epochs: number[];
  /** Quantity (e.g. "test accuracy") → values[seed index][epoch index]. */
  values: Record<string, number[][]>;
}

export interface SuiteResult {
  suite: string;
  title: string;
  metrics: Metric[];
  tables: Table[];
  figures: Figure[];
  /** Skips, substitutions and missed targets, in plain words. */
  notes: string[];
  durationMs: number;
  /** What the run expected this suite to take (the previous report's duration, or the static estimate). */
  estimatedMs?: number;
  /** Targets and comparisons, shown in the report's summary. */
  verdicts?: Verdict[];
  curves?: TrainingCurve[];
}

/** What a suite gets: the options and a progress callback (fraction 0..1 within the suite). */
export interface SuiteContext {
  quick: boolean;
  seed: number;
  backends: string[];
  progress(fraction: number, detail?: string): void;
}

export interface Suite {
  name: string;
  title: string;
  run(ctx: SuiteContext): Promise<Omit<SuiteResult, 'suite' | 'durationMs'>>;
}

export interface Environment {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  commit?: string;
}

/** report.json. Figures are stored as files next to it; `figures[].svg` is omitted there. */
export interface Report {
  schema: 1;
  date: string;
  createdAt: string;
  quick: boolean;
  seed: number;
  environment: Environment;
  suites: SuiteResult[];
  regressions: Regression[];
  /** Which report the regressions were computed against. */
  comparedWith?: string;
  /** The last full npm test run in the checkout the report ran in (src/report/test_run.ts). */
  testRun?: TestRunRecord | { missing: string };
}

export interface Regression {
  metric: string;
  unit: string;
  previous: number;
  current: number;
  /** (current − previous) in units of the combined noise. */
  sigmas: number;
  relativeChange: number;
}

/** A suite's expected duration, and where the number comes from. */
export interface SuitePlan {
  suite: string;
  estimateMs: number;
  source: 'previous report' | 'estimate';
}

export type ProgressEvent =
  | { kind: 'plan'; suites: SuitePlan[] }
  | { kind: 'suite-start'; suite: string; index: number; total: number }
  | { kind: 'progress'; suite: string; fraction: number; overall: number; detail?: string }
  | { kind: 'suite-end'; suite: string; durationMs: number }
  | { kind: 'written'; dir: string };
