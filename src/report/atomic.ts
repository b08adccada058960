import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Crash-safe writes. A report directory is built completely in a sibling temp directory and then
 * renamed into place, so a crash (or a kill) at any point leaves either the previous report or the
 * new one, never a half-written mix. Replacing an existing directory takes two renames
 * (old → .old-*, new → final); `recoverInterrupted` undoes a crash between them.
 */
const TMP_PREFIX = '.tmp-';
const OLD_PREFIX = '.old-';

export interface AtomicWriteOptions {
  /** Test hook: wait this long after each file, so a test can kill the process mid-write. */
  delayPerFileMs?: number;
}

function unique(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes one file by writing a temp file next to it and renaming it over the target. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `${TMP_PREFIX}${basename(path)}-${unique()}`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Puts back a directory that was moved aside by a replacement that crashed before finishing. */
export function recoverInterrupted(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const name = basename(target);
  const old = readdirSync(parent).filter((f) => f.startsWith(`${OLD_PREFIX}${name}-`));
  if (!existsSync(target) && old.length > 0) renameSync(join(parent, old.sort().at(-1)!), target);
  for (const f of readdirSync(parent)) {
    if (f.startsWith(`${OLD_PREFIX}${name}-`)) rmSync(join(parent, f), { recursive: true, force: true });
  }
}

/** Removes temp directories and files left by killed writers (never the live report directories). */
export function removeStaleTemps(parent: string, ownPid = process.pid): void {
  if (!existsSync(parent)) return;
  for (const f of readdirSync(parent)) {
    if (f.startsWith(TMP_PREFIX) && !f.includes(`-${ownPid}-`)) rmSync(join(parent, f), { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes `files` (relative name → content) as the directory `target`, atomically. */
export async function writeDirectoryAtomic(target: string, files: Map<string, string | Uint8Array>, options: AtomicWriteOptions = {}): Promise<void> {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  recoverInterrupted(target);
  removeStaleTemps(parent);
  const tmp = join(parent, `${TMP_PREFIX}${basename(target)}-${unique()}`);
  mkdirSync(tmp);
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content);
      if (options.delayPerFileMs) await sleep(options.delayPerFileMs);
    }
    if (existsSync(target)) {
      const aside = join(parent, `${OLD_PREFIX}${basename(target)}-${unique()}`);
      renameSync(target, aside);
      renameSync(tmp, target);
      rmSync(aside, { recursive: true, force: true });
    } else {
      renameSync(tmp, target);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
