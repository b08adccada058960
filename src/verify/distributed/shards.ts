/**
 * Shard assignment and the loss oracle each rank is served (spec/protocol.md §3.2): rank r holds
 * the contiguous slice globalBatch[r·s, (r+1)·s) of the global batch (s = b/N), so m-SAM's
 * micro-batch j is rank j's shard, and it may only ask for samples of its own shard.
 */
import { SamcheckError } from '../../errors.js';
import type { Evaluated, FiniteSumData, GradientOracle, SampleSelection, Want } from '../types.js';

export function shardsOf(batch: readonly number[], worldSize: number): number[][] {
  if (batch.length % worldSize !== 0 || batch.length === 0) {
    throw new SamcheckError('INVALID_ARGUMENT', 'data.batch', batch.length, `a global batch of b samples splits into ${worldSize} equal shards only when ${worldSize} divides b`);
  }
  const s = batch.length / worldSize;
  return Array.from({ length: worldSize }, (_, r) => batch.slice(r * s, (r + 1) * s));
}

/** One request a rank made: the samples it was over (its shard when it named none). */
export interface RankRequest {
  point: number[];
  want: Want[];
  samples: number[];
}

/** The global step's oracle seen from one rank: its shard is its whole world. */
export class ShardOracle implements GradientOracle {
  readonly log: RankRequest[] = [];

  constructor(
    private readonly global: GradientOracle,
    readonly rank: number,
    readonly shard: readonly number[],
  ) {}

  /** `batch` and `full` are both the shard: the samples this rank holds and may request. */
  get data(): FiniteSumData {
    return { batch: [...this.shard], full: [...this.shard] };
  }

  evaluate(point: readonly number[], want: readonly Want[] = ['value', 'gradient'], selection: SampleSelection = {}): Evaluated {
    const samples = selection.samples ?? this.shard;
    const foreign = Array.isArray(samples) ? samples.find((i) => !this.shard.includes(i)) : undefined;
    if (foreign !== undefined) {
      throw new SamcheckError('PROTOCOL', 'evaluate.samples', selection.samples, `rank ${this.rank} holds samples ${JSON.stringify(this.shard)} (its shard); sample ${foreign} is not one of them`);
    }
    const out = this.global.evaluate(point, want, { samples, ...(selection.weights !== undefined ? { weights: selection.weights } : {}) });
    this.log.push({ point: [...point], want: [...want], samples: [...samples] });
    return out;
  }

  get gradientRequests(): RankRequest[] {
    return this.log.filter((e) => e.want.includes('gradient'));
  }
}
