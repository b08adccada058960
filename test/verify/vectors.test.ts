import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOf } from '../../src/algorithms/index.js';
import { allMutants, referenceImplementation, type CommonHp, type ReferenceStep } from '../../src/verify/mutants/index.js';

type Hp = CommonHp & Record<string, unknown>;
const reference = (c: Hp, l: Layout) => new (descriptorOf(c.algorithm).reference)(c, l);
import type { Layout } from '../../src/verify/types.js';
import { problemObjective, type ProblemSpec } from '../../src/verify/problem.js';
import { RecordingOracle } from '../../src/verify/harness.js';
import { writeVectors } from '../../src/verify/vectors.js';

interface VectorFile {
  algorithm: string;
  vectors: Array<{ function: ProblemSpec; layout: { names: string[]; sizes: number[] }; config: never; params: number[]; expected: { params: number[] }; tolerance: { relative: number } }>;
}

/** What a vector consumer does: step from `params`, compare with `expected.params`. */
async function worstError(file: VectorFile, make: (c: Hp, l: Layout) => ReferenceStep<CommonHp>): Promise<number> {
  let worst = 0;
  for (const v of file.vectors) {
    const session = await referenceImplementation('x', make, [file.algorithm]).createSession(v.config, v.layout);
    const { params } = await session.step(v.params, new RecordingOracle(problemObjective(v.function)));
    worst = Math.max(worst, Math.hypot(...params.map((x, i) => x - v.expected.params[i])) / (1e-300 + Math.hypot(...v.expected.params) + Math.hypot(...v.params)));
  }
  return worst;
}

describe('writeVectors', () => {
  it('writes one JSON file per algorithm that a correct implementation reproduces and a buggy one does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samcheck-vectors-'));
    try {
      const paths = writeVectors(dir, { seed: 4, count: 20, algorithms: ['sgd', 'sam'], precision: 'float64' });
      expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['sgd.json', 'sam.json']);
      const sam = JSON.parse(readFileSync(paths[1], 'utf8')) as VectorFile;
      expect(sam.vectors).toHaveLength(20);
      expect(await worstError(sam, reference)).toBeLessThan(1e-12);
      const buggy = allMutants().find((m) => m.id === 'weights-not-restored')!;
      expect(await worstError(sam, (c: Hp, l: Layout) => new buggy.make(c, l))).toBeGreaterThan(1e-6);
      // Finite sums: the vector states the per-sample problem; a consumer serves its means.
      const [mSamPath] = writeVectors(dir, { seed: 4, count: 20, algorithms: ['m-sam'], precision: 'float64' });
      const mSam = JSON.parse(readFileSync(mSamPath, 'utf8')) as VectorFile;
      expect(mSam.vectors[0].function).toMatchObject({ kind: 'sample-quadratics' });
      expect(await worstError(mSam, reference)).toBeLessThan(1e-12);
      const summed = allMutants().find((m) => m.id === 'msam-summed-micro-batches')!;
      expect(await worstError(mSam, (c: Hp, l: Layout) => new summed.make(c, l))).toBeGreaterThan(1e-6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
