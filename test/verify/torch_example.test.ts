import { afterAll, describe, expect, it } from 'vitest';
import { subprocessImplementation } from '../../src/verify/adapters/subprocess.js';
import { formatReport, verify } from '../../src/verify/verify.js';
import { PYTHON, pythonHas, repoPath } from './python.js';

const HAS_TORCH = pythonHas('torch');
if (!HAS_TORCH) console.warn(`[samcheck] ${PYTHON} cannot import torch: the PyTorch example is SKIPPED (apt-get install python3-torch libopenblas0-pthread)`);

describe.skipIf(!HAS_TORCH)('python/examples/torch_sam.py (davda54-style SAM) over samcheck-protocol/1', () => {
  const impls: Array<ReturnType<typeof subprocessImplementation>> = [];
  afterAll(async () => Promise.all(impls.map((i) => i.dispose())));

  for (const dtype of ['float32', 'float64']) {
    it(`passes every declared property in ${dtype} (no false alarms)`, async () => {
      const impl = subprocessImplementation({ command: PYTHON, args: [repoPath('python/examples/torch_sam.py'), '--dtype', dtype], handshakeTimeoutMs: 60_000 });
      impls.push(impl);
      const report = await verify(impl, { seed: 11, numRuns: dtype === 'float32' ? 30 : 15 });
      expect(report.ok, formatReport(report)).toBe(true);
      expect(report.verdicts.map((v) => v.algorithm)).toEqual(expect.arrayContaining(['sgd', 'sam', 'asam']));
    });
  }
});
