/**
 * A data-parallel implementation under test: N ranks of one command, each a samcheck-protocol/1
 * peer in its own process group, seen by the property suite as one implementation. A step sends
 * the same parameters to every rank, serves each rank its shard of the global batch, waits for
 * all of them and requires bitwise identical results (spec/protocol.md §3.2). The first failure
 * of any rank ends the run: the cause is named, every rank's process group is killed and reaped.
 */
import { SamcheckError } from '../../errors.js';
import { subprocessImplementation, type SubprocessImplementation, type SubprocessOptions } from '../adapters/subprocess.js';
import { PropertyViolation, diff, norm } from '../compare.js';
import type { AlgorithmConfig, Capabilities, GradientOracle, ImplementationSession, ImplementationUnderTest, Layout, StepOutcome } from '../types.js';
import { RankFailure, gatherRanks } from './failures.js';
import { rankLaunch, resolveRendezvous, type Rendezvous } from './launch.js';
import { ShardOracle, shardsOf, type RankRequest } from './shards.js';

export interface DistributedOptions extends Omit<SubprocessOptions, 'command' | 'args' | 'env'> {
  command: string;
  args?: string[];
  worldSize: number;
  /** Rank 0's address for torch's rendezvous (default 127.0.0.1 and a free port). */
  rendezvous?: { host: string; port?: number };
  env?: NodeJS.ProcessEnv;
  /** How long the other ranks may take to report their own failure after the first one (default 1000 ms). */
  graceMs?: number;
}

/** One rank's part of a step: what it returned and every request it made. */
export interface RankStep {
  params: number[];
  requests: RankRequest[];
  shard: number[];
}

export interface DistributedStepOutcome extends StepOutcome {
  ranks: RankStep[];
}

export interface DistributedImplementation extends ImplementationUnderTest {
  readonly worldSize: number;
  /** The rank processes' pids (after the handshake started them). */
  readonly pids: number[];
  /** The rendezvous the ranks were told (after the handshake started them). */
  readonly rendezvous: Rendezvous | null;
  dispose(): Promise<void>;
}

/** Bitwise equality (NaN equals NaN): an all-reduce delivers the same bytes to every rank. */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function expectReplicasIdentical(outcomes: StepOutcome[], step: number): void {
  const reference = outcomes[0].params;
  outcomes.forEach((o, r) => {
    const j = o.params.findIndex((x, i) => !same(x, reference[i]));
    if (j >= 0) {
      throw new PropertyViolation(
        `replicas diverged at step ${step}: rank ${r} ≠ rank 0 from coordinate ${j} on, ‖θ_rank${r} − θ_rank0‖ = ${norm(diff(o.params, reference)).toExponential(3)} ` +
          `(rank 0: ${JSON.stringify(reference)}, rank ${r}: ${JSON.stringify(o.params)})`,
      );
    }
  });
}

export function distributedImplementation(options: DistributedOptions): DistributedImplementation {
  const { worldSize, graceMs = 1000 } = options;
  if (!Number.isInteger(worldSize) || worldSize < 1) throw new SamcheckError('INVALID_ARGUMENT', 'worldSize', worldSize, 'a positive integer (the number of ranks)');
  let ranks: SubprocessImplementation[] | null = null;
  let rendezvous: Rendezvous | null = null;
  let handshake: Promise<Capabilities> | null = null;
  let failure: RankFailure | null = null;
  let disposed: Promise<void> | null = null;
  let nextStep = 0;

  /** After a failure nothing is worth a graceful shutdown: SIGKILL every rank's group, then reap. */
  const stopAll = async (kill = false) => {
    for (const pid of kill ? pids() : []) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* the group is gone already */
      }
    }
    await Promise.all((ranks ?? []).map((r) => r.dispose()));
  };
  const pids = () => (ranks ?? []).map((r) => r.pid).filter((p): p is number => p !== undefined);

  /** Every rank's result, or the run's (latched) failure after every rank was stopped. */
  const gather = async <T>(what: string, tasks: (r: SubprocessImplementation, rank: number) => Promise<T>, progress?: (rank: number) => string): Promise<T[]> => {
    if (failure) throw failure;
    try {
      return await gatherRanks(ranks!.map(tasks), { worldSize, what, graceMs, progress });
    } catch (e) {
      failure = e as RankFailure;
      await stopAll(true);
      throw failure;
    }
  };

  const start = async (): Promise<Capabilities> => {
    rendezvous = await resolveRendezvous(options.rendezvous);
    const where = rendezvous;
    ranks = Array.from({ length: worldSize }, (_, r) => {
      const { command, args, env } = rankLaunch(options.command, options.args ?? [], r, worldSize, where, options.env ?? process.env);
      return subprocessImplementation({ ...options, command, args, env });
    });
    const declared = await gather('the hello handshake', (r) => r.capabilities());
    for (let r = 0; r < worldSize; r++) {
      const problem = declarationProblem(declared[r], r, worldSize, declared[0]);
      if (problem !== null) {
        failure = new RankFailure(r, 'PROTOCOL', `rank ${r} of ${worldSize}: protocol.invalid-message: ${problem}`);
        await stopAll(true);
        throw failure;
      }
    }
    return declared[0];
  };
  const capabilities = () => (handshake ??= start());

  return {
    name: `${options.command}${options.args?.length ? ' ' + options.args.join(' ') : ''} (${worldSize} ranks)`,
    worldSize,
    get pids() {
      return pids();
    },
    get rendezvous() {
      return rendezvous;
    },
    capabilities,
    async createSession(config: AlgorithmConfig, layout: Layout): Promise<ImplementationSession> {
      await capabilities();
      const sessions = await gather('session creation', (r) => r.createSession(config, layout));
      let step = 0;
      return {
        async step(params: readonly number[], oracle: GradientOracle): Promise<DistributedStepOutcome> {
          step++;
          const id = nextStep++;
          if (!oracle.data) throw new SamcheckError('INVALID_ARGUMENT', 'oracle.data', undefined, 'a data-parallel step needs a finite-sum problem: its global batch is what the ranks share');
          const shards = shardsOf(oracle.data.batch, worldSize);
          const served = shards.map((shard, r) => new ShardOracle(oracle, r, shard));
          const progress = (r: number) => `${served[r].gradientRequests.length} gradient requests in this step`;
          const outcomes = await gather(`step ${step} of the session (step id ${id})`, (_r, rank) => sessions[rank].step(params, served[rank]), progress);
          expectReplicasIdentical(outcomes, step);
          return {
            params: outcomes[0].params,
            ...(outcomes[0].diagnostics ? { diagnostics: outcomes[0].diagnostics } : {}),
            ranks: outcomes.map((o, r) => ({ params: o.params, requests: served[r].log, shard: shards[r] })),
          };
        },
        async close() {
          if (!failure) await Promise.all(sessions.map((s) => s.close()));
        },
      };
    },
    dispose() {
      disposed ??= stopAll(false);
      return disposed;
    },
  };
}

/** Each rank declares its rank and the world size it was told, and all declare the same capabilities. */
function declarationProblem(caps: Capabilities, rank: number, worldSize: number, first: Capabilities): string | null {
  const d = caps.distributed;
  if (!d) return 'its hello declares no capabilities.distributed {semantics, rank, worldSize}: it is not a data-parallel rank (spec/protocol.md §3.2)';
  if (d.rank !== rank || d.worldSize !== worldSize) return `it declares rank ${d.rank} of ${d.worldSize}; it was started as rank ${rank} of ${worldSize} (RANK, WORLD_SIZE)`;
  const { distributed: _mine, ...mine } = caps;
  const { distributed: _theirs, ...theirs } = first;
  if (d.semantics !== first.distributed?.semantics || JSON.stringify(mine) !== JSON.stringify(theirs)) {
    return `its capabilities differ from rank 0's: ${JSON.stringify(caps)} vs ${JSON.stringify(first)}`;
  }
  return null;
}
