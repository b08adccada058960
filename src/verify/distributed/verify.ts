/**
 * `verifyDistributed(group, options)`: the data-parallel suite against N ranks, and on a failure
 * of a semantics-dependent property the same cases (same seeds) against the other semantics, so
 * the verdict says which semantics the ranks implement when it is not the declared one.
 */
import { formatReport, verify, type PropertyVerdict, type VerifyOptions, type VerifyReport } from '../verify.js';
import type { DistributedImplementation } from './group.js';
import { SEMANTICS, SEMANTIC_PROPERTIES, dataParallelProperties, otherSemantics, type Semantics } from './properties.js';

export interface DistributedVerifyReport extends VerifyReport {
  worldSize: number;
  declared: Semantics | null;
  /** After a semantic failure: what the ranks implement instead (null: nothing failed on semantics). */
  actual: Semantics | 'neither' | null;
  /** One sentence for the user; null when nothing failed on semantics. */
  diagnosis: string | null;
}

const isSemanticFailure = (v: PropertyVerdict) => v.status === 'failed' && v.algorithm === 'sam' && SEMANTIC_PROPERTIES.includes(v.property);

export async function verifyDistributed(group: DistributedImplementation, options: VerifyOptions = {}): Promise<DistributedVerifyReport> {
  const report = await verify(group, { ...options, suite: dataParallelProperties(group.worldSize) });
  const declared = report.capabilities?.distributed?.semantics ?? null;
  const failed = report.verdicts.filter(isSemanticFailure);
  const base = { ...report, worldSize: group.worldSize, declared };
  if (declared === null || failed.length === 0) return { ...base, actual: null, diagnosis: null };

  const other = otherSemantics(declared);
  const log = options.log;
  const second = await verify(group, {
    ...options,
    suite: dataParallelProperties(group.worldSize, other),
    algorithms: ['sam'],
    properties: failed.map((v) => v.name),
    ...(log ? { log: (line: string) => log(`[against ${other}] ${line}`) } : {}),
  });
  const passed = second.verdicts.length === failed.length && second.verdicts.every((v) => v.status === 'passed');
  const names = failed.map((v) => v.property).join(' and ');
  const runs = second.verdicts.map((v) => `${v.numRuns} runs`).join(', ');
  const diagnosis = passed
    ? `declared ${declared}, but the ranks implement ${other} — ${SEMANTICS[other]}: ${names} fail as declared and pass against ${other} on the same cases (${runs})`
    : `declared ${declared}, and the ranks match neither semantics: against ${other} too, ${second.verdicts.find((v) => v.status !== 'passed')?.message?.split('\n')[0] ?? 'no verdict'}`;
  for (const v of failed) v.message = `${v.message ?? ''}\n        against ${other} on the same cases: ${passed ? 'passed' : 'failed too'}`;
  return { ...base, actual: passed ? other : 'neither', diagnosis };
}

export function formatDistributedReport(report: DistributedVerifyReport): string {
  const lines = formatReport(report).split('\n');
  const head = `${report.worldSize} ranks, declared semantics: ${report.declared ? `${report.declared} — ${SEMANTICS[report.declared]}` : 'none'}`;
  return [head, ...lines.slice(0, -2), ...(report.diagnosis ? [`diagnosis: ${report.diagnosis}`] : []), ...lines.slice(-2)].join('\n');
}
