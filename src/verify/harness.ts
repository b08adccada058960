/**
 * The harness side of a step: serves float64 values and gradients of the test problem, counts
 * and logs every request, and runs steps of an implementation in a fresh session.
 */
import type { OracleObjective } from '../oracle/objective.js';
import { SamcheckError } from '../errors.js';
import type { AlgorithmConfig, GradientOracle, ImplementationUnderTest, Layout, StepOutcome, Want } from './types.js';

export interface Evaluation {
  point: number[];
  want: Want[];
  gradient?: number[];
}

/** An oracle that logs each request; a runaway implementation is stopped after `limit` requests. */
export class RecordingOracle implements GradientOracle {
  readonly log: Evaluation[] = [];

  constructor(
    private readonly f: OracleObjective,
    private readonly limit = 1000,
  ) {}

  evaluate(point: readonly number[], want: readonly Want[] = ['value', 'gradient']): { value?: number; gradient?: number[] } {
    if (!Array.isArray(point) || point.length !== this.f.dim || point.some((x) => typeof x !== 'number')) {
      throw new SamcheckError('PROTOCOL', 'evaluate.point', point, `expected an array of ${this.f.dim} numbers`);
    }
    if (this.log.length >= this.limit) {
      throw new SamcheckError('PROTOCOL', 'evaluate', this.log.length, `more than ${this.limit} evaluations in one step`);
    }
    const p = [...point];
    const out: { value?: number; gradient?: number[] } = {};
    if (want.includes('value')) out.value = this.f.value(p);
    if (want.includes('gradient')) out.gradient = this.f.gradient(p);
    this.log.push({ point: p, want: [...want], ...(out.gradient ? { gradient: out.gradient } : {}) });
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
  objectives: OracleObjective[],
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
