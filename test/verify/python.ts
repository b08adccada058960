/** Test helpers: the system interpreter (Debian's torch is visible only to it) and paths. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
