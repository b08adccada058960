/**
 * Waiting for N ranks at once, and naming the rank to blame when one breaks. A crashed rank
 * leaves its peers waiting in a collective (or failing in it: "connection closed by peer"), so
 * the first error to arrive is not always the cause: every rank's failure within a grace window
 * is collected and the cause is chosen by kind, then by time (spec/protocol.md §3.2).
 */
import { SamcheckError } from '../../errors.js';
import { ImplementationError, ProtocolError } from '../protocol.js';

/** The failure of a data-parallel run, naming the rank it is blamed on (`value` = the rank). */
export class RankFailure extends SamcheckError {
  override readonly name = 'RankFailure';
  constructor(
    readonly rank: number,
    code: 'PROTOCOL' | 'TIMEOUT',
    message: string,
  ) {
    super(code, 'rank', rank, message);
  }
}

interface Failed {
  rank: number;
  error: unknown;
  at: number;
}

/**
 * A crash or protocol violation is a cause; a reported error is often a peer's crash seen
 * through the collective; a timeout is the least specific (everyone waiting looks the same).
 */
function blame(error: unknown): number {
  if (error instanceof ProtocolError) return error.reason === 'timeout' ? 2 : 0;
  return 1;
}

/** One line per other rank: a reported error's last line (a Python traceback ends with the exception). */
function summary(e: unknown): string {
  const lines = String((e as Error)?.message ?? e).split('\n').filter((l) => l.trim() !== '');
  return e instanceof ImplementationError ? `reported ${lines[lines.length - 1]?.trim() ?? ''}` : (lines[0] ?? '');
}

export interface GatherContext {
  worldSize: number;
  /** What the ranks were doing: "the hello handshake", "step 3". */
  what: string;
  graceMs: number;
  /** Per-rank progress for the message (e.g. "2 gradient requests"). */
  progress?: (rank: number) => string;
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });

/**
 * Every rank's value, or a RankFailure: after the first failure the others get `graceMs` to
 * report their own; the cause is the most specific failure, the earliest among equals.
 */
export async function gatherRanks<T>(tasks: Array<Promise<T>>, ctx: GatherContext): Promise<T[]> {
  const values: Array<{ value: T } | undefined> = tasks.map(() => undefined);
  const failures: Failed[] = [];
  let signal!: () => void;
  const failed = new Promise<void>((resolve) => (signal = resolve));
  const all = Promise.all(
    tasks.map((task, rank) =>
      task.then(
        (value) => void (values[rank] = { value }),
        (error: unknown) => {
          failures.push({ rank, error, at: Date.now() });
          signal();
        },
      ),
    ),
  );
  await Promise.race([all, failed]);
  if (failures.length === 0) return values.map((v) => v!.value);
  await Promise.race([all, delay(ctx.graceMs)]);
  throw attribute([...failures], values, ctx);
}

function attribute<T>(failures: Failed[], values: Array<{ value: T } | undefined>, ctx: GatherContext): RankFailure {
  failures.sort((a, b) => blame(a.error) - blame(b.error) || a.at - b.at);
  const [cause, ...others] = failures;
  const progress = (r: number) => (ctx.progress ? ` (${ctx.progress(r)})` : '');
  const kind = cause.error instanceof ImplementationError ? 'reported an error' : 'failed';
  const lines = [`rank ${cause.rank} of ${ctx.worldSize} ${kind} during ${ctx.what}${progress(cause.rank)}: ${String((cause.error as Error)?.message ?? cause.error)}`];
  const failedRanks = new Set(failures.map((f) => f.rank));
  const rest: string[] = others.map((f) => `rank ${f.rank}${progress(f.rank)}: ${summary(f.error)}`);
  for (let r = 0; r < ctx.worldSize; r++) {
    if (failedRanks.has(r)) continue;
    rest.push(`rank ${r}${progress(r)}: ${values[r] ? 'finished' : `no answer ${ctx.graceMs} ms after rank ${cause.rank} failed (stopped by the harness)`}`);
  }
  if (rest.length > 0) lines.push(`other ranks: ${rest.join('; ')}`);
  if (blame(cause.error) === 2 && rest.some((l) => !l.endsWith('finished'))) {
    lines.push('(a rank that stops answering leaves its peers waiting in a collective, silent too: the rank silent longest is named)');
  }
  return new RankFailure(cause.rank, blame(cause.error) === 2 ? 'TIMEOUT' : 'PROTOCOL', lines.join('\n'));
}
