/**
 * The trajectory properties close the "stepped once unless momentum is declared" loophole: a bug
 * that only shows from the second step on, or across sessions, passed every other property.
 */
import { describe, expect, it } from 'vitest';
import { allMutants } from '../../src/verify/mutants/index.js';
import { referenceImplementation } from '../../src/verify/reference/implementation.js';
import { CONFORMANCE_PROPERTIES } from '../../src/verify/properties.js';
import { trajectoryProperties } from '../../src/verify/trajectory_properties.js';
import { formatReport, verify } from '../../src/verify/verify.js';
import type { ImplementationUnderTest } from '../../src/verify/types.js';

const TRAJECTORY = trajectoryProperties.map((p) => p.id);
const OTHERS = CONFORMANCE_PROPERTIES.map((p) => p.id).filter((id) => !TRAJECTORY.includes(id));

function mutantImpl(id: string, options?: Record<string, unknown>): ImplementationUnderTest {
  const m = allMutants().find((x) => x.id === id)!;
  const impl = referenceImplementation(`mutant ${id}`, (c, layout) => new m.make(c, layout), [m.algorithm]);
  if (options === undefined) return impl;
  return { ...impl, capabilities: async () => ({ ...(await impl.capabilities()), options }) };
}

const statuses = (r: Awaited<ReturnType<typeof verify>>) => Object.fromEntries(r.verdicts.map((v) => [v.property, v.status]));

describe('trajectory properties', () => {
  it('a stale clean gradient in an implementation without momentum passed every single-step property and now fails the trajectory', async () => {
    const impl = mutantImpl('stale-clean-gradient', {});
    const before = await verify(impl, { seed: 1, numRuns: 100, properties: OTHERS });
    expect(before.verdicts.every((v) => v.status === 'passed' || v.status === 'skipped'), formatReport(before)).toBe(true);
    const after = await verify(impl, { seed: 1, numRuns: 100, properties: ['trajectory-matches-oracle'] });
    expect(statuses(after)['trajectory-matches-oracle'], formatReport(after)).toBe('failed');
  });

  it('state shared by two sessions over the same layout passes one session at a time and fails only when sessions interleave', async () => {
    const impl = mutantImpl('state-keyed-by-layout');
    const report = await verify(impl, { seed: 1, numRuns: 100 });
    const s = statuses(report);
    expect(s['interleaved-sessions-independent'], formatReport(report)).toBe('failed');
    for (const id of [...OTHERS, 'trajectory-matches-oracle', 'fresh-session-repeats-trajectory']) expect(s[id] ?? 'skipped', `${id}\n${formatReport(report)}`).not.toBe('failed');
  });
});
