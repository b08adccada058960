import { describe, expect, it } from 'vitest';
import { formatDuration, overallFraction, planSuites, progressBar, timeLeftMs } from '../../src/report/progress.js';
import type { ProgressEvent, SuiteResult } from '../../src/report/types.js';

const suite = (name: string, durationMs: number): SuiteResult => ({ suite: name, title: name, metrics: [], tables: [], figures: [], notes: [], durationMs });
const minutes = (name: string) => ({ a: 1, b: 2, c: 3 })[name] ?? 0;

describe('time estimates from measured history', () => {
  it('takes each suite\'s duration from the previous report of the same mode, else the static estimate', () => {
    const previous = { quick: true, suites: [suite('a', 42_000), suite('b', 7_000)] };
    expect(planSuites(['a', 'b', 'c'], true, minutes, previous)).toEqual([
      { suite: 'a', estimateMs: 42_000, source: 'previous report' },
      { suite: 'b', estimateMs: 7_000, source: 'previous report' },
      { suite: 'c', estimateMs: 180_000, source: 'estimate' },
    ]);
    // A full report's durations say nothing about a quick run.
    expect(planSuites(['a'], false, minutes, previous)).toEqual([{ suite: 'a', estimateMs: 60_000, source: 'estimate' }]);
    expect(planSuites(['a'], true, minutes)).toEqual([{ suite: 'a', estimateMs: 60_000, source: 'estimate' }]);
  });

  it('time left = the current suite\'s remainder (its own pace after 5%) + the later suites\' plan', () => {
    const plan = planSuites(['a', 'b', 'c'], true, minutes);
    // Suite b just started: its estimate (2 min) minus 10 s spent, plus c (3 min).
    expect(timeLeftMs(plan, 1, 0, 10_000)).toBe(110_000 + 180_000);
    // b is 25% done after 60 s: 180 s more at that pace, whatever its estimate said.
    expect(timeLeftMs(plan, 1, 0.25, 60_000)).toBe(180_000 + 180_000);
    expect(timeLeftMs(plan, 2, 1, 5_000)).toBe(0);
    // Over its estimate without progress reports: never negative.
    expect(timeLeftMs(plan, 2, 0, 400_000)).toBe(0);
    expect(overallFraction(plan, 1, 0.5)).toBeCloseTo((60 + 60) / 360, 12);
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

describe('progress line', () => {
  const run = (isTTY: boolean) => {
    let t = 1_000_000;
    const out: string[] = [];
    const bar = progressBar({ isTTY, columns: 200, write: (s) => out.push(s) > 0 }, () => t);
    const events: ProgressEvent[] = [
      { kind: 'plan', suites: planSuites(['a', 'b'], true, minutes, { quick: true, suites: [suite('a', 30_000)] }) },
      { kind: 'suite-start', suite: 'a', index: 0, total: 2 },
    ];
    for (const e of events) bar(e);
    t += 15_000;
    bar({ kind: 'progress', suite: 'a', fraction: 0.5, overall: 0, detail: 'step' });
    t += 15_000;
    bar({ kind: 'suite-end', suite: 'a', durationMs: 30_000 });
    bar({ kind: 'written', dir: '/tmp/x' });
    return out.join('');
  };
  it('shows elapsed and remaining time on a TTY', () => {
    const text = run(true);
    // 15 s into suite a at 50%: 15 s more for a, then b's 2 min estimate.
    expect(text).toContain('0:15 elapsed, ~2:15 left · a: step');
    expect(text).toContain('report written to /tmp/x (0:30)');
  });
  it('prints the plan and one line per suite in logs', () => {
    const text = run(false);
    expect(text).toContain("samcheck report: 2 suites, expected 2:30 (1 of 2 from the previous report's durations)");
    expect(text).toContain('[1/2] a… (0:00 elapsed, expected 0:30, ~2:30 left)');
    expect(text).toContain('a done in 30.0 s');
  });
});
