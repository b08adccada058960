/**
 * The Python package's own suite (python/tests) under the system interpreter. Without python3 or
 * pytest it is skipped with a note; without torch pytest skips the torch tests and says so.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PYTHON, pythonHas, repoPath } from '../verify/python.js';

const HAS_PYTEST = pythonHas('pytest');
if (!HAS_PYTEST) console.warn(`python/tests skipped: ${PYTHON} has no pytest (Debian: python3-pytest)`);

describe.skipIf(!HAS_PYTEST)('python/tests (pytest)', () => {
  it('passes', () => {
    const run = spawnSync(PYTHON, ['-m', 'pytest', 'python/tests', '-q', '-rs', '-p', 'no:cacheprovider'], { cwd: repoPath(''), encoding: 'utf8', timeout: 170_000 });
    const output = `${run.stdout}${run.stderr}`;
    for (const line of output.split('\n').filter((l) => l.startsWith('SKIPPED'))) console.warn(`python/tests: ${line}`);
    expect(run.status, output).toBe(0);
  }, 180_000);
});
