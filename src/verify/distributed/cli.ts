/** `samcheck verify --impl "cmd" --world-size N [--rendezvous HOST:PORT]`: the data-parallel suite. */
import type { VerifyOptions } from '../verify.js';
import { distributedImplementation } from './group.js';
import { parseRendezvous } from './launch.js';
import { formatDistributedReport, verifyDistributed } from './verify.js';

export interface DistributedCommand {
  argv: string[];
  worldSize: number;
  rendezvous?: string;
  /** Per-message timeout in ms (--timeout). */
  timeout?: number;
}

/** Exit code 0: conformant; 1: a property failed or a rank broke (the verdict names it); 2: a bad --rendezvous. */
export async function runDistributedVerify(command: DistributedCommand, options: VerifyOptions, out: (line: string) => void): Promise<number> {
  const [cmd, ...args] = command.argv;
  let rendezvous: ReturnType<typeof parseRendezvous> | undefined;
  try {
    rendezvous = command.rendezvous !== undefined ? parseRendezvous(command.rendezvous) : undefined;
  } catch (e) {
    out((e as Error).message);
    return 2;
  }
  const group = distributedImplementation({
    command: cmd,
    args,
    worldSize: command.worldSize,
    ...(rendezvous ? { rendezvous } : {}),
    ...(command.timeout !== undefined ? { messageTimeoutMs: command.timeout } : {}),
    // N interpreters importing torch at once on shared cores: more than one process's 20 s.
    handshakeTimeoutMs: 60_000,
  });
  try {
    const report = await verifyDistributed(group, { ...options, log: out });
    out(formatDistributedReport(report).split('\n').slice(report.diagnosis ? -3 : -2).join('\n'));
    return report.ok ? 0 : 1;
  } finally {
    await group.dispose();
  }
}
