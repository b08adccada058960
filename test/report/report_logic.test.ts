import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { performanceRatios, profileCurve, profileScore } from '../../benchmarks/efficiency/profile.js';
import { runReport } from '../../src/report/index.js';
import { findRegressions } from '../../src/report/regression.js';
import { tInterval95, tQuantile975 } from '../../src/report/stats.js';
import { lineChart, panelChart } from '../../src/report/svg.js';
import type { Metric, SuiteResult } from '../../src/report/types.js';

const suiteWith = (metrics: Metric[]): { suites: SuiteResult[] } => ({
  suites: [{ suite: 's', title: 's', metrics, tables: [], figures: [], notes: [], durationMs: 0 }],
});
const metric = (value: number, noise: number, smallerIsBetter = true): Metric => ({ name: 'm', unit: 'ms', value, noise, smallerIsBetter });

describe('regression detection', () => {
  it('flags a slowdown beyond 3 σ of the combined noise and 5%, and nothing within the noise', () => {
    expect(findRegressions(suiteWith([metric(10, 0.5)]), suiteWith([metric(13, 0.5)]))).toHaveLength(1);
    // 3 ms worse but σ_combined = 1.41 ms → 2.1 σ: noise, not a regression.
    expect(findRegressions(suiteWith([metric(10, 1)]), suiteWith([metric(13, 1)]))).toHaveLength(0);
  });
  it('respects the direction of the metric and ignores improvements', () => {
    expect(findRegressions(suiteWith([metric(90, 0.1, false)]), suiteWith([metric(80, 0.1, false)]))).toHaveLength(1);
    expect(findRegressions(suiteWith([metric(90, 0.1, false)]), suiteWith([metric(95, 0.1, false)]))).toHaveLength(0);
    expect(findRegressions(suiteWith([metric(10, 0.1)]), suiteWith([metric(5, 0.1)]))).toHaveLength(0);
  });
  it('flags deterministic metrics (σ = 0) by the relative rule only', () => {
    expect(findRegressions(suiteWith([metric(100, 0)]), suiteWith([metric(104, 0)]))).toHaveLength(0);
    const [r] = findRegressions(suiteWith([metric(100, 0)]), suiteWith([metric(120, 0)]));
    expect(r.relativeChange).toBeCloseTo(0.2, 12);
  });
});

describe('statistics', () => {
  it('t-interval: the table matches the large-df expansion and shrinks with n', () => {
    expect(Math.abs(tQuantile975(30) - tQuantile975(30.0001))).toBeLessThan(2e-3);
    const wide = tInterval95([1, 2, 3]);
    const narrow = tInterval95([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(wide.mean).toBe(2);
    expect(narrow.halfWidth).toBeLessThan(wide.halfWidth);
    expect(tInterval95([5]).halfWidth).toBe(Infinity);
  });
});

describe('performance profiles', () => {
  it('ratios are relative to the best algorithm per problem; failures never count as solved', () => {
    const costs = new Map([
      ['a', new Map([['p', 10], ['q', 40]])],
      ['b', new Map([['p', 20], ['q', Infinity]])],
    ]);
    const r = performanceRatios(costs);
    expect(r.get('a')).toEqual([1, 1]);
    expect(r.get('b')).toEqual([2, Infinity]);
    expect(profileCurve(r.get('b')!, 8)).toEqual([[1, 0], [2, 0.5], [8, 0.5]]);
    expect(profileScore(r.get('a')!, 8)).toBe(1);
    expect(profileScore(r.get('b')!, 8)).toBeLessThan(0.5);
  });
});

describe('SVG charts', () => {
  it('render axes labels, legends, ticks and one path per finite segment', () => {
    const svg = lineChart({
      title: 'T <&>',
      x: { label: 'step' },
      y: { label: 'value (log)', log: true },
      series: [
        { label: 'a', points: [[0, 1], [1, 10], [2, NaN], [3, 100]] },
        { label: 'b', points: [[0, 2], [3, 3]], dashed: true, errors: [0.5, 0.5], markers: true },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('T &lt;&amp;&gt;');
    expect(svg).toContain('>step</text>');
    expect(svg).toContain('>value (log)</text>');
    expect(svg).toContain('>a</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    // a splits at NaN into a 2-point line and a lone point; b is one line: two paths with a segment.
    expect((svg.match(/<path d="M[^"]*L/g) ?? []).length).toBe(2);
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+"\/>/);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toContain('>100</text>');
  });
});

describe('panel figures', () => {
  it('draw every panel with its own clip path and one shared legend', () => {
    const series = [{ label: 'SGD', points: [[0, 1], [1, 2]] as Array<[number, number]> }, { label: 'SAM', points: [[0, 1], [1, 1.5]] as Array<[number, number]> }];
    const svg = panelChart({ title: 'curves', panels: ['loss', 'accuracy', 'λ'].map((t) => ({ title: t, x: { label: 'epoch' }, y: { label: t }, series })) });
    const ids = [...svg.matchAll(/clipPath id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(svg).toContain(`clip-path="url(#${id})"`);
    expect(svg.match(/>SGD<\/text>/g)).toHaveLength(1);
    expect(svg.match(/>epoch<\/text>/g)).toHaveLength(3);
  });
});

describe('runReport with the fake suite (in process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'samcheck-merge-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes every file, compares with the previous report, and merges shards', async () => {
    const events: string[] = [];
    const first = await runReport({ out: root, date: '2026-01-01', suites: ['fake'], seed: 1, testing: { fakeSuiteMs: 5 }, onProgress: (e) => events.push(e.kind) });
    expect(events).toContain('suite-start');
    expect(events.at(-1)).toBe('written');
    for (const f of ['report.json', 'report.md', 'index.html', 'benchmark.json']) expect(existsSync(join(first.dir, f))).toBe(true);
    expect(first.report.comparedWith).toBeUndefined();
    const bench = JSON.parse(readFileSync(join(first.dir, 'benchmark.json'), 'utf8')) as Array<{ name: string; value: number }>;
    expect(bench).toEqual([expect.objectContaining({ name: 'fake/value', value: 2 })]);

    // fake/value = seed + 1 with σ = 0.1: seed 9 is a clear regression against seed 1.
    const second = await runReport({ out: root, date: '2026-01-02', suites: ['fake'], seed: 9, testing: { fakeSuiteMs: 5 } });
    expect(second.report.comparedWith).toContain('2026-01-01');
    expect(second.report.regressions.map((r) => r.metric)).toEqual(['fake/value']);
    expect(readFileSync(join(second.dir, 'report.md'), 'utf8')).toContain('fake/value');

    const merged = await runReport({ out: root, date: 'merged', merge: [first.dir, second.dir] });
    expect(merged.report.suites.map((s) => s.suite)).toEqual(['fake']);
    expect(merged.report.seed).toBe(9);
  });

  it('rejects unknown suites with a typed error', async () => {
    await expect(runReport({ out: root, date: 'x', suites: ['nope'] })).rejects.toThrow(/UNKNOWN_OPTION/);
  });
});
