/** What the Python package carries from the npm package is current (`npm run python:sync` regenerates it). */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/verify/protocol.js';
import { writeVectorSet } from '../../src/verify/vectors.js';
import { repoPath } from '../verify/python.js';

const DATA = repoPath('python/samcheck/data/vectors');
const STALE = 'stale: run `npm run python:sync`';
const files = (dir: string) => readdirSync(dir).flatMap((p) => readdirSync(join(dir, p)).map((f) => `${p}/${f}`)).sort();

describe('the Python package data', () => {
  it('the packaged vectors are exactly what the generator writes now, and stay under 4 MB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samcheck-pyvectors-'));
    try {
      writeVectorSet(dir);
      const fresh = files(dir);
      expect(files(DATA), STALE).toEqual(fresh);
      for (const f of fresh) expect(readFileSync(join(DATA, f), 'utf8'), `${f} ${STALE}`).toBe(readFileSync(join(dir, f), 'utf8'));
      const bytes = fresh.reduce((s, f) => s + statSync(join(DATA, f)).size, 0);
      expect(bytes).toBeLessThan(4 * 2 ** 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the package version is package.json\'s and its protocol is the harness\'s', () => {
    const source = readFileSync(repoPath('python/samcheck/_version.py'), 'utf8');
    const { version } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    expect(source.match(/^__version__ = "(.*)"$/m)?.[1], STALE).toBe(version);
    expect(source.match(/^PROTOCOL = "(.*)"$/m)?.[1], STALE).toBe(PROTOCOL_VERSION);
    // The wheel's version is read from that file, not typed again.
    expect(readFileSync(repoPath('python/pyproject.toml'), 'utf8')).toContain('version = { attr = "samcheck._version.__version__" }');
  });
});
