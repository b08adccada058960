/**
 * `verifyMutants()`: runs the conformance suite against every mutant in the catalog and reports
 * the kill rate, the property that killed each mutant and the dimension of its shrunk
 * counterexample. A surviving mutant means the suite has a blind spot.
 */
import { verify, type VerifyOptions } from '../verify.js';
import { algorithmNames, descriptorOf, descriptors } from '../../algorithms/index.js';
import type { Mutant } from '../reference/mutant.js';
import { referenceImplementation } from '../reference/implementation.js';
import { baseDescriptor, baseNames } from '../../bases/registry.js';
import type { BaseMutant, CommonBaseHyperparameters } from '../../bases/descriptor.js';
import { SamReference } from '../../algorithms/sam/reference.js';

export type { Mutant } from '../reference/mutant.js';
export { ReferenceStep, type CommonHp } from '../reference/step.js';
export { referenceImplementation } from '../reference/implementation.js';

/** A base optimizer's bug, run as SAM over that base (the algorithm reference is correct). */
function overSam(m: BaseMutant): Mutant {
  return {
    id: m.id,
    description: m.description,
    source: m.source,
    algorithm: 'sam',
    base: m.base,
    make: class extends SamReference {
      override makeBaseReference(own: Record<string, unknown>, common: CommonBaseHyperparameters) {
        return m.make(own, common);
      }

      // SGD travels in the flat form; its mutant still runs through the base's reference.
      override baseSpec() {
        const c = this.c;
        return c.base ?? (m.base === 'sgd' ? { name: 'sgd', momentum: c.momentum, dampening: c.dampening, nesterov: c.nesterov } : undefined);
      }
    },
  };
}

/** The whole catalog: every registered algorithm's mutants, then every base's (over SAM). */
export function allMutants(): Mutant[] {
  const bases = baseNames().flatMap((b) => baseDescriptor(b).mutants as readonly BaseMutant[]);
  return [...descriptors().flatMap((d) => [...d.mutants]), ...bases.map(overSam)];
}

export interface MutantResult {
  id: string;
  description: string;
  source: string;
  killed: boolean;
  /** `<algorithm>.<property>` that produced the first counterexample. */
  killedBy?: string;
  dimension?: number;
  message?: string;
  replay?: string;
}

export interface MutantReport {
  seed: number;
  numRuns: number;
  results: MutantResult[];
  killed: number;
  total: number;
  killRate: number;
}

export async function verifyMutants(options: VerifyOptions & { mutants?: Mutant[] } = {}): Promise<MutantReport> {
  const results: MutantResult[] = [];
  // Seed 1 unless one is given (an explicit `seed: undefined` too): the report must be replayable.
  const seed = options.seed ?? 1;
  const numRuns = options.numRuns ?? 100;
  for (const m of options.mutants ?? allMutants()) {
    const impl = referenceImplementation(`mutant ${m.id}`, (c, layout) => new m.make(c, layout), [m.algorithm], m.base ? [m.base] : []);
    const report = await verify(impl, { ...options, seed, numRuns, log: undefined, stopAtFirstFailure: true, replayCommand: `samcheck verify --mutant ${m.id}` });
    const kill = report.verdicts.find((v) => v.status === 'failed');
    results.push({
      id: m.id,
      description: m.description,
      source: m.source,
      killed: kill !== undefined,
      ...(kill ? { killedBy: kill.name, dimension: kill.dimension, message: kill.message, replay: kill.replay } : {}),
    });
    options.log?.(kill ? `KILLED   ${m.id} by ${kill.name} (dimension ${kill.dimension})` : `SURVIVED ${m.id}`);
  }
  const killed = results.filter((r) => r.killed).length;
  return { seed, numRuns, results, killed, total: results.length, killRate: results.length === 0 ? 1 : killed / results.length };
}

/** The unmutated reference: must pass everything (the suite has no false alarms on it). */
export const referenceFloat64 = () =>
  referenceImplementation('float64 reference', (c, layout) => new (descriptorOf(c.algorithm).reference)(c, layout), algorithmNames(), baseNames().filter((b) => b !== 'sgd'));

export function formatMutantReport(r: MutantReport): string {
  const lines = r.results.map((m) =>
    m.killed ? `KILLED   ${m.id.padEnd(32)} by ${m.killedBy} (dimension ${m.dimension})` : `SURVIVED ${m.id.padEnd(32)} ${m.description} (rerun: samcheck verify --mutant ${m.id} --seed ${r.seed} --num-runs ${r.numRuns})`,
  );
  lines.push(`kill rate ${r.killed}/${r.total} (${(100 * r.killRate).toFixed(0)}%), suite seed ${r.seed}, ${r.numRuns} runs per property`);
  return lines.join('\n');
}
