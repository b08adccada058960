/** Test helpers: the system interpreter (Debian's torch is visible only to it) and paths. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PYTHON = process.env.SAMCHECK_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
export const repoPath = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export function pythonHas(module: string): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import importlib.util, sys; sys.exit(importlib.util.find_spec('${module}') is None)`], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** True while a process with this pid (or, negative, process group) exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pids of live processes whose environment contains `tag` (Linux /proc; [] elsewhere): catches
 * descendants that left their process group, which a group check cannot see.
 */
export function processesTagged(tag: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // A zombie (state Z) is dead: only its parent's wait() is missing.
      if (env.includes(tag) && !/^\d+ \(.*\) Z/.test(stat)) found.push(Number(entry));
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return found;
}
