/**
 * The harness side of a step: serves float64 values and gradients of the test problem, counts
 * and logs every request, and runs steps of an implementation in a fresh session.
 */
import { SamcheckError } from '../errors.js';
import type { ProblemObjective } from './problem.js';
import type { AlgorithmConfig, Evaluated, FiniteSumData, GradientOracle, ImplementationUnderTest, Layout, SampleSelection, StepOutcome, Want } from './types.js';

export interface Evaluation {
  point: number[];
  want: Want[];
  gradient?: number[];
  /** Finite sums: the samples the request was over (the batch when it named none) and its weights. */
  samples?: number[];
  weights?: number[];
}

/** An oracle that logs each request; a runaway implementation is stopped after `limit` requests. */
export class RecordingOracle implements GradientOracle {
  readonly log: Evaluation[] = [];

  constructor(
    private readonly f: ProblemObjective,
    private readonly limit = 1000,
  ) {}

  get data(): FiniteSumData | undefined {
    return this.f.data;
  }

  evaluate(point: readonly number[], want: readonly Want[] = ['value', 'gradient'], selection: SampleSelection = {}): Evaluated {
    if (!Array.isArray(point) || point.length !== this.f.dim || point.some((x) => typeof x !== 'number')) {
      throw new SamcheckError('PROTOCOL', 'evaluate.point', point, `expected an array of ${this.f.dim} numbers`);
    }
    if (this.log.length >= this.limit) {
      throw new SamcheckError('PROTOCOL', 'evaluate', this.log.length, `more than ${this.limit} evaluations in one step`);
    }
    const p = [...point];
    const perSampleRequest = selection.samples !== undefined || selection.weights !== undefined || want.includes('perSample');
    if (perSampleRequest && this.f.select === undefined) {
      throw new SamcheckError('PROTOCOL', 'evaluate.samples', selection.samples ?? want, 'a per-sample request (samples, weights or want "perSample") on a single-function problem (no data in the step)');
    }
    const f = this.f.select !== undefined && perSampleRequest ? this.f.select(selection.samples, selection.weights) : this.f;
    const out: Evaluated = {};
    if (want.includes('value')) out.value = f.value(p);
    if (want.includes('gradient')) out.gradient = f.gradient(p);
    if (want.includes('perSample')) out.perSample = (f as { perSample(x: number[]): number[] }).perSample(p);
    const samples = this.f.data ? [...(selection.samples ?? this.f.data.batch)] : undefined;
    this.log.push({ point: p, want: [...want], ...(out.gradient ? { gradient: out.gradient } : {}), ...(samples ? { samples } : {}), ...(selection.weights ? { weights: [...selection.weights] } : {}) });
    return out;
  }

  /** Requests that asked for a gradient: the "gradient evaluations" of the step. */
  get gradientEvaluations(): Evaluation[] {
    return this.log.filter((e) => e.want.includes('gradient'));
  }
}

export interface RecordedStep {
  outcome: StepOutcome;
  oracle: RecordingOracle;
}

/** Runs `objectives.length` consecutive steps in one fresh session (state carries between them). */
export async function runSteps(
  impl: ImplementationUnderTest,
  config: AlgorithmConfig,
  layout: Layout,
  theta0: readonly number[],
  objectives: ProblemObjective[],
): Promise<RecordedStep[]> {
  const session = await impl.createSession(config, layout);
  const steps: RecordedStep[] = [];
  try {
    let params = [...theta0];
    for (const f of objectives) {
      const oracle = new RecordingOracle(f);
      const outcome = await session.step(params, oracle);
      checkOutcome(outcome, theta0.length);
      steps.push({ outcome, oracle });
      params = outcome.params;
    }
  } finally {
    await session.close();
  }
  return steps;
}

function checkOutcome(outcome: StepOutcome, dim: number): void {
  const p = outcome?.params;
  if (!Array.isArray(p) || p.length !== dim || p.some((x) => typeof x !== 'number')) {
    throw new SamcheckError('PROTOCOL', 'result.params', p, `expected an array of ${dim} numbers`);
  }
}
