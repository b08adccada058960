/**
 * The data-parallel properties (spec/protocol.md §3.2, spec/family.md §4): what N ranks must
 * compute together for the semantics they declare. The expected trajectory is the float64 oracle
 * (`oracleStep`) on the global batch: per-replica perturbation is m-SAM with m = the shard size
 * (rank r's shard is micro-batch r), synced perturbation is SAM, SGD is SGD.
 */
import fc from 'fast-check';
import type { AlgorithmConfig } from '../../algorithms/index.js';
import { initialOracleState, oracleStep } from '../../oracle/algorithms.js';
import { samPerturbation, type OracleStepResult } from '../../oracle/steps.js';
import { PropertyViolation, diff, expectClose, norm } from '../compare.js';
import { finiteSumProblemArbitrary, maxSamples, sampleObjective, sampleOrder, type FiniteSumProblem } from '../finite_sum_problem.js';
import { runSteps } from '../harness.js';
import { configArbitrary, type ConfigConstraints } from '../hyperparameters.js';
import { problemObjective } from '../problem.js';
import { errorScale, hp, type Case, type ConformanceProperty, type PropertyContext } from '../property_support.js';
import type { DistributedDeclaration } from '../types.js';
import type { DistributedStepOutcome } from './group.js';

export type Semantics = DistributedDeclaration['semantics'];

export const SEMANTICS: Record<Semantics, string> = {
  perReplicaPerturbation: 'per-replica perturbation (m-SAM, m = the shard size: each rank ascends along its own shard gradient)',
  synced: 'synced perturbation (SAM over the global batch: every rank ascends along the all-reduced gradient)',
};

export const otherSemantics = (s: Semantics): Semantics => (s === 'synced' ? 'perReplicaPerturbation' : 'synced');

/** Algorithms with a data-parallel oracle: SGD (the same for both semantics) and SAM. */
export const DATA_PARALLEL_ALGORITHMS = ['sgd', 'sam'];
/** Steps per session of the trajectory property: enough for momentum to carry state twice. */
export const DATA_PARALLEL_STEPS = 3;

export interface DataParallelCase extends Case {
  problem: FiniteSumProblem;
  /** The global batch of each step, in batch order (step 0: problem.spec.batch). */
  batches: number[][];
}

/** b = N·s with shard size s ∈ {1, 2}; each step draws a new ordered batch of the same n samples. */
function caseArbitrary(ctx: PropertyContext, worldSize: number, steps: number, constraints: ConfigConstraints = {}): fc.Arbitrary<DataParallelCase> {
  const batchSizes = [worldSize, 2 * worldSize];
  return fc
    .record({
      problem: finiteSumProblemArbitrary({ maxDimension: ctx.maxDimension, batchSizes }),
      config: configArbitrary(ctx.algorithm, ctx.caps, constraints),
      orders: fc.array(sampleOrder(maxSamples(batchSizes)), { minLength: steps - 1, maxLength: steps - 1 }),
    })
    .map(({ problem, config, orders }) => {
      const n = problem.spec.curvature.length;
      const b = problem.spec.batch.length;
      return { problem, config, batches: [problem.spec.batch, ...orders.map((o) => o.filter((i) => i < n).slice(0, b))] };
    });
}

const objectiveAt = (c: DataParallelCase, t: number) => problemObjective({ ...c.problem.spec, batch: c.batches[t] });

/** The oracle's algorithm for a data-parallel run: per-replica SAM is m-SAM with m = b/N. */
export function oracleConfig(config: AlgorithmConfig, semantics: Semantics, worldSize: number, batchSize: number): AlgorithmConfig {
  return config.algorithm === 'sam' && semantics === 'perReplicaPerturbation' ? ({ ...config, algorithm: 'm-sam', m: batchSize / worldSize } as AlgorithmConfig) : config;
}

export function dataParallelTrajectory(c: DataParallelCase, semantics: Semantics, worldSize: number, steps: number): OracleStepResult[] {
  const config = oracleConfig(c.config, semantics, worldSize, c.problem.spec.batch.length);
  const out: OracleStepResult[] = [];
  let theta = c.problem.theta0;
  let state = initialOracleState();
  for (let t = 0; t < steps; t++) {
    const r = oracleStep(config, objectiveAt(c, t), theta, state, c.problem.layout);
    out.push(r);
    theta = r.params;
    state = r.state;
  }
  return out;
}

async function run(c: DataParallelCase, ctx: PropertyContext, steps: number): Promise<DistributedStepOutcome[]> {
  const objectives = Array.from({ length: steps }, (_, t) => objectiveAt(c, t));
  const recorded = await runSteps(ctx.impl, c.config, c.problem.layout, c.problem.theta0, objectives);
  return recorded.map((r) => r.outcome as DistributedStepOutcome);
}

/** The ascent point rank r should request for `semantics`: θ_0 + ρ·g/(‖g‖ + ε), g its shard's gradient or the global one. */
function expectedAscentPoint(c: DataParallelCase, semantics: Semantics, shard: readonly number[]): number[] {
  const { rho, epsilon } = hp(c.config);
  const samples = semantics === 'synced' ? c.batches[0] : shard;
  const theta0 = c.problem.theta0;
  const delta = samPerturbation(epsilon)(sampleObjective(c.problem.spec, samples).gradient(theta0), theta0, rho);
  return theta0.map((x, j) => x + delta[j]);
}

/**
 * The data-parallel suite for `worldSize` ranks, checking the declared semantics or, when given,
 * `semantics` instead (the second opinion on a failure: which semantics the ranks do implement).
 */
export function dataParallelProperties(worldSize: number, semantics?: Semantics): ConformanceProperty[] {
  const semanticsOf = (ctx: PropertyContext): Semantics => semantics ?? ctx.caps.distributed!.semantics;
  const skipReason = (ctx: PropertyContext) =>
    DATA_PARALLEL_ALGORITHMS.includes(ctx.algorithm) ? null : `the data-parallel suite checks ${DATA_PARALLEL_ALGORITHMS.join(' and ')} (the oracles with a per-replica form); ${ctx.algorithm} is not checked across ranks`;

  const gradientRequestsPerRank: ConformanceProperty = {
    id: 'gradient-requests-per-rank',
    claim: 'every rank makes as many gradient requests per step as the algorithm defines (SGD 1, SAM 2), each over its whole shard',
    appliesTo: () => true,
    skipReason,
    arbitrary: (ctx) => caseArbitrary(ctx, worldSize, 1),
    async check(c, ctx) {
      const d = c as DataParallelCase;
      const [outcome] = await run(d, ctx, 1);
      const expected = oracleStep(d.config, objectiveAt(d, 0), d.problem.theta0, initialOracleState(), d.problem.layout).gradientEvaluations;
      outcome.ranks.forEach((rank, r) => {
        const requests = rank.requests.filter((q) => q.want.includes('gradient'));
        if (requests.length !== expected) throw new PropertyViolation(`rank ${r} made ${requests.length} gradient requests in one step, expected ${expected}`);
        const partial = requests.find((q) => q.samples.length !== rank.shard.length);
        if (partial) throw new PropertyViolation(`rank ${r} asked for a gradient over samples ${JSON.stringify(partial.samples)}, not its whole shard ${JSON.stringify(rank.shard)}`);
      });
    },
  };

  const ascentPointPerRank: ConformanceProperty = {
    id: 'ascent-point-per-rank',
    claim: "every rank's last gradient request of a SAM step is at θ_0 + ρ·g/(‖g‖ + ε): g = its own shard gradient (perReplicaPerturbation) or the global-batch gradient (synced). Conditions: weightDecayIn = base",
    appliesTo: (a) => a === 'sam',
    skipReason,
    arbitrary: (ctx) => caseArbitrary(ctx, worldSize, 1, { baseWeightDecayOnly: true }),
    async check(c, ctx) {
      const d = c as DataParallelCase;
      const [outcome] = await run(d, ctx, 1);
      const wanted = semanticsOf(ctx);
      outcome.ranks.forEach((rank, r) => {
        const requests = rank.requests.filter((q) => q.want.includes('gradient'));
        if (requests.length < 2) throw new PropertyViolation(`rank ${r} made ${requests.length} gradient requests: no ascent point`);
        const point = requests[requests.length - 1].point;
        const distance = (s: Semantics) => norm(diff(point, expectedAscentPoint(d, s, rank.shard)));
        const scale = norm(d.problem.theta0) + norm(point) + hp(d.config).rho;
        if (!(distance(wanted) <= ctx.rel * scale)) {
          const other = otherSemantics(wanted);
          throw new PropertyViolation(
            `rank ${r}'s ascent point ${JSON.stringify(point)} is ${distance(wanted).toExponential(3)} from the ${wanted} point (bound ${(ctx.rel * scale).toExponential(3)}) ` +
              `and ${distance(other).toExponential(3)} from the ${other} point`,
          );
        }
      });
    },
  };

  const stepsMatchOracle: ConformanceProperty = {
    id: 'data-parallel-steps-match-oracle',
    claim: `over ${DATA_PARALLEL_STEPS} steps of one session (momentum carried, a new global batch each step) every rank returns identical parameters, equal to the float64 oracle of the declared semantics on the global batch: perReplicaPerturbation ⇒ m-SAM with m = the shard size, synced ⇒ SAM, SGD ⇒ SGD`,
    appliesTo: () => true,
    skipReason,
    arbitrary: (ctx) => caseArbitrary(ctx, worldSize, DATA_PARALLEL_STEPS, { momentum: ctx.caps.options.momentum === true }),
    async check(c, ctx) {
      const d = c as DataParallelCase;
      const outcomes = await run(d, ctx, DATA_PARALLEL_STEPS);
      const wanted = semanticsOf(ctx);
      const expected = dataParallelTrajectory(d, wanted, worldSize, DATA_PARALLEL_STEPS);
      const scale = errorScale(d, expected);
      try {
        outcomes.forEach((o, t) => expectClose(`θ_${t + 1} (every rank) against ${wanted}`, o.params, expected[t].params, scale, ctx.rel));
      } catch (e) {
        // A shrunk counterexample sits just past the bound: say how far the other semantics is.
        const other = otherSemantics(wanted);
        const alternative = dataParallelTrajectory(d, other, worldSize, DATA_PARALLEL_STEPS);
        const gap = Math.max(...outcomes.map((o, t) => norm(diff(o.params, alternative[t].params))));
        throw new PropertyViolation(`${(e as Error).message}; against ${other} the largest ‖actual − expected‖ over the ${DATA_PARALLEL_STEPS} steps is ${gap.toExponential(3)}`);
      }
    },
  };

  return [gradientRequestsPerRank, ascentPointPerRank, stepsMatchOracle];
}

/** The properties whose expectation depends on the semantics (the ones worth a second opinion). */
export const SEMANTIC_PROPERTIES = ['ascent-point-per-rank', 'data-parallel-steps-match-oracle'];
