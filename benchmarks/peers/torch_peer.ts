import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter: python3-torch is visible to it, not to a pyenv `python3` earlier on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install python3-torch python3-numpy libopenblas0-pthread';

export interface TorchPeerResult {
  torch: string;
  threads: number;
  blas: string;
  /** Per task ("forward+backward", "SGD", "SAM"): the median ms of each round. */
  rounds: Record<string, number[]>;
}

/** The scripts ship next to this module in the sources; the compiled copy looks for them there too. */
function scriptPath(name: string): string | undefined {
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../../../benchmarks/peers/${name}`, import.meta.url)];
  return candidates.map((u) => fileURLToPath(u)).find((p) => existsSync(p));
}

/**
 * Runs a peer script of this directory with Debian's Python in a child process (no shell, with a
 * timeout) and parses the JSON object on its last line. Resolves to a note instead when Python or
 * torch is not installed, or the run fails.
 */
export function runPeerScript<T>(name: string, args: string[], timeoutMs: number): Promise<T | { skipped: string }> {
  const script = scriptPath(name);
  if (!existsSync(SYSTEM_PYTHON)) return Promise.resolve({ skipped: `${SYSTEM_PYTHON} not found (${INSTALL})` });
  if (!script) return Promise.resolve({ skipped: `${name} not found next to the benchmarks` });
  return new Promise((resolve) => {
    execFile(SYSTEM_PYTHON, [script, ...args], { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const missing = stderr.match(/No module named ['"]?(\w+)/);
        resolve({ skipped: missing ? `${missing[1]} is not installed for ${SYSTEM_PYTHON} (${INSTALL})` : `PyTorch peer failed: ${(stderr || err.message).trim().split('\n').slice(-1)[0]}` });
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').slice(-1)[0]) as T);
      } catch {
        resolve({ skipped: `PyTorch peer printed no JSON: ${stdout.slice(0, 200)}` });
      }
    });
  });
}

/** The PyTorch SAM step benchmark (torch_sam_step.py): interleaved rounds of forward+backward, SGD and SAM. */
export function runTorchPeer(options: { rounds: number; iterations: number; seed: number; timeoutMs?: number }): Promise<TorchPeerResult | { skipped: string }> {
  const args = ['--rounds', String(options.rounds), '--iterations', String(options.iterations), '--seed', String(options.seed)];
  return runPeerScript<TorchPeerResult>('torch_sam_step.py', args, options.timeoutMs ?? 180_000);
}
