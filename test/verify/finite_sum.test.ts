import { afterAll, describe, expect, it } from 'vitest';
import { subprocessImplementation } from '../../src/verify/adapters/subprocess.js';
import { RecordingOracle } from '../../src/verify/harness.js';
import { parseMessage } from '../../src/verify/protocol.js';
import { problemObjective, quadratic } from '../../src/verify/problem.js';
import { formatReport, verify } from '../../src/verify/verify.js';
import { PYTHON, repoPath } from './python.js';

const FIXTURE = repoPath('test/verify/fixtures/finite_sum_adapter.py');
const FAMILY = ['m-sam', 'n-sam', 'rw-sam'];

describe('finite-sum requests (samples, weights, perSample) over samcheck-protocol/1', () => {
  const impls: Array<ReturnType<typeof subprocessImplementation>> = [];
  afterAll(async () => Promise.all(impls.map((i) => i.dispose())));
  const adapter = (...args: string[]) => {
    const impl = subprocessImplementation({ command: PYTHON, args: [FIXTURE, ...args], handshakeTimeoutMs: 20_000 });
    impls.push(impl);
    return impl;
  };

  it('a plain-Python m-SAM / n-SAM / RW-SAM passes every property it can be asked (float64)', async () => {
    const report = await verify(adapter(), { seed: 4, numRuns: 15 });
    expect(report.ok, formatReport(report)).toBe(true);
    const passed = report.verdicts.filter((v) => v.status === 'passed').map((v) => v.name);
    for (const a of FAMILY) expect(passed).toContain(`${a}.step-matches-oracle`);
    expect(passed).toContain('rw-sam.sample-weights-are-a-distribution');
  });

  it('the same program without the finiteSum capability: every property of those algorithms is SKIPPED, never passed, and the verdict is "nothing verified"', async () => {
    const report = await verify(adapter('no-finite-sum'), { seed: 4, numRuns: 5 });
    const properties = report.verdicts.filter((v) => v.property !== 'nothing verified');
    expect(properties.length).toBeGreaterThan(0);
    for (const v of properties) {
      expect(v.status, v.name).toBe('skipped');
      expect(v.message).toMatch(/does not declare finiteSum/);
    }
    expect(report.ok).toBe(false);
  });
});

describe('RecordingOracle on finite sums', () => {
  const spec = { kind: 'sample-quadratics' as const, curvature: [[1, 2], [3, 4], [5, 6]], center: [[0, 1], [1, 0], [2, 2]], batch: [2, 0], scale: 1 };

  it('serves the batch mean by default, a selection as its mean, weights as a weighted sum, and per-sample losses', () => {
    const oracle = new RecordingOracle(problemObjective(spec));
    expect(oracle.data).toEqual({ batch: [2, 0], full: [0, 1, 2] });
    const x = [1, -1];
    const f = [0.5 * (1 * 1 + 2 * 4), 0.5 * (3 * 0 + 4 * 1), 0.5 * (5 * 1 + 6 * 9)];
    expect(oracle.evaluate(x, ['value']).value).toBeCloseTo((f[2] + f[0]) / 2, 12);
    expect(oracle.evaluate(x, ['value'], { samples: [1] }).value).toBeCloseTo(f[1], 12);
    expect(oracle.evaluate(x, ['value'], { samples: [0, 1], weights: [0.25, 0.75] }).value).toBeCloseTo(0.25 * f[0] + 0.75 * f[1], 12);
    expect(oracle.evaluate(x, ['perSample']).perSample).toEqual([f[2], f[0]]);
    expect(oracle.gradientEvaluations).toHaveLength(0);
    expect(oracle.log.map((e) => e.samples)).toEqual([[2, 0], [1], [0, 1], [2, 0]]);
  });

  it('rejects bad selections with a PROTOCOL error naming the field and the value', () => {
    const oracle = new RecordingOracle(problemObjective(spec));
    expect(() => oracle.evaluate([0, 0], ['value'], { samples: [3] })).toThrow(/evaluate\.samples[\s\S]*\[0, 3\)/);
    expect(() => oracle.evaluate([0, 0], ['value'], { samples: [1, 1] })).toThrow(/evaluate\.samples/);
    expect(() => oracle.evaluate([0, 0], ['value'], { samples: [0, 1], weights: [1] })).toThrow(/evaluate\.weights/);
    const single = new RecordingOracle(quadratic({ kind: 'quadratic', curvature: [1], coupling: [0], couplingScale: 0, center: [0], scale: 1 }));
    expect(() => single.evaluate([0], ['perSample'])).toThrow(/single-function problem/);
  });
});

describe('finite-sum fields in messages', () => {
  it('parses samples, weights and want "perSample"; rejects ill-typed ones as invalid-message naming the field', () => {
    const m = parseMessage('{"type":"evaluate","id":1,"point":[0],"want":["perSample"],"samples":[2,0],"weights":[0.5,"NaN"]}');
    expect(m).toMatchObject({ type: 'evaluate', want: ['perSample'], samples: [2, 0] });
    expect((m as { weights: number[] }).weights[1]).toBeNaN();
    expect(() => parseMessage('{"type":"evaluate","id":1,"point":[0],"samples":[0.5]}')).toThrow(/evaluate\.samples/);
    expect(() => parseMessage('{"type":"evaluate","id":1,"point":[0],"want":["hessian"]}')).toThrow(/evaluate\.want/);
    expect(() => parseMessage('{"type":"hello","protocol":"samcheck-protocol/1","capabilities":{"algorithms":{},"policies":{"zeroGradient":"guard"},"precision":"float64","finiteSum":"yes"}}')).toThrow(/capabilities\.finiteSum/);
  });
});
