import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter: python3-torch is visible to it, not to a pyenv `python3` earlier on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface TorchPeerResult {
  torch: string;
  threads: number;
  blas: string;
  /** Per task ("forward+backward", "SGD", "SAM"): the median ms of each round. */
  rounds: Record<string, number[]>;
}

/** The script ships next to this module in the sources; the compiled copy looks for it there too. */
function scriptPath(): string | undefined {
  const candidates = [new URL('./torch_sam_step.py', import.meta.url), new URL('../../../benchmarks/peers/torch_sam_step.py', import.meta.url)];
  return candidates.map((u) => fileURLToPath(u)).find((p) => existsSync(p));
}

/**
 * Runs the PyTorch SAM step benchmark in a child process (no shell, with a timeout) and parses its
 * JSON. Resolves to a note instead when Python or torch is not installed, or the run fails.
 */
export function runTorchPeer(options: { rounds: number; iterations: number; seed: number; timeoutMs?: number }): Promise<TorchPeerResult | { skipped: string }> {
  const script = scriptPath();
  if (!existsSync(SYSTEM_PYTHON)) return Promise.resolve({ skipped: `${SYSTEM_PYTHON} not found (apt-get install python3-torch libopenblas0-pthread)` });
  if (!script) return Promise.resolve({ skipped: 'torch_sam_step.py not found next to the benchmarks' });
  const args = [script, '--rounds', String(options.rounds), '--iterations', String(options.iterations), '--seed', String(options.seed)];
  return new Promise((resolve) => {
    execFile(SYSTEM_PYTHON, args, { timeout: options.timeoutMs ?? 180_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const missing = /No module named ['"]?torch/.test(stderr);
        resolve({ skipped: missing ? 'PyTorch not installed for /usr/bin/python3 (apt-get install python3-torch libopenblas0-pthread)' : `PyTorch peer failed: ${(stderr || err.message).trim().split('\n').slice(-1)[0]}` });
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').slice(-1)[0]) as TorchPeerResult);
      } catch {
        resolve({ skipped: `PyTorch peer printed no JSON: ${stdout.slice(0, 200)}` });
      }
    });
  });
}
