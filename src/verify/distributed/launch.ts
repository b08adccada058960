/**
 * How the N ranks of a data-parallel implementation are started (spec/protocol.md §3.2): the
 * same command N times, each told its rank, the world size and the rendezvous address in
 * torchrun's environment variables and, for launchers that do not forward the environment
 * (ssh to another machine), in `{rank}`-style placeholders in the command line.
 */
import { createServer } from 'node:net';
import { InvalidArgumentError } from '../../errors.js';

/** Where rank 0 listens for the others (torch's MASTER_ADDR / MASTER_PORT). */
export interface Rendezvous {
  host: string;
  port: number;
}

export interface RankLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** Ports this process handed out: concurrent groups of one harness never get the same one. */
const handedOut = new Set<number>();

/** A port nobody listens on right now; the ranks bind it a moment later (a small race, see spec). */
export async function freePort(host: string): Promise<number> {
  for (;;) {
    const port = await unusedPort(host);
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function unusedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (e) => reject(new InvalidArgumentError('rendezvous', host, `a local address to pick a free port on (${e.message}); give HOST:PORT for a remote rendezvous`, 'INVALID_ARGUMENT')));
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `HOST:PORT`, `HOST` (port picked) or `:PORT` (loopback); IPv6 as `[::1]:PORT`. */
export function parseRendezvous(text: string): { host: string; port?: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*))(?::(\d+))?$/.exec(text);
  const host = m ? (m[1] ?? m[2]) || '127.0.0.1' : '';
  const port = m?.[3] !== undefined ? Number(m[3]) : undefined;
  if (!m || (port !== undefined && (port < 1 || port > 65535))) throw new InvalidArgumentError('--rendezvous', text, 'HOST:PORT (port 1–65535), HOST or :PORT', 'INVALID_ARGUMENT');
  return { host, ...(port !== undefined ? { port } : {}) };
}

export async function resolveRendezvous(given: { host: string; port?: number } = { host: '127.0.0.1' }): Promise<Rendezvous> {
  return { host: given.host, port: given.port ?? (await freePort(given.host)) };
}

/**
 * Rank r's command and environment. Placeholders in the arguments: {rank}, {world_size},
 * {master_addr}, {master_port}. OMP_NUM_THREADS defaults to 1, as torchrun does for several
 * processes per host (N ranks × all cores each would oversubscribe the machine).
 */
export function rankLaunch(command: string, args: readonly string[], rank: number, worldSize: number, rendezvous: Rendezvous, baseEnv: NodeJS.ProcessEnv = process.env): RankLaunch {
  const values: Record<string, string> = { rank: String(rank), world_size: String(worldSize), master_addr: rendezvous.host, master_port: String(rendezvous.port) };
  const fill = (s: string) => s.replace(/\{(rank|world_size|master_addr|master_port)\}/g, (_, key: string) => values[key]);
  return {
    command: fill(command),
    args: args.map(fill),
    env: {
      OMP_NUM_THREADS: '1',
      ...baseEnv,
      RANK: values.rank,
      WORLD_SIZE: values.world_size,
      MASTER_ADDR: values.master_addr,
      MASTER_PORT: values.master_port,
    },
  };
}
