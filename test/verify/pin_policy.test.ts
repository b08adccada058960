/**
 * The pin policy and "nothing verified" (spec/protocol.md §2.1): declarations that made a
 * verdict vacuous — an SGD declared as SAM with ρ pinned to 0, an optimizer that never moves
 * with lr pinned to 0, no algorithm at all, every property skipped, a misspelt name, 0 runs —
 * used to report OK and now exit non-zero.
 */
import { describe, expect, it } from 'vitest';
import { runVerifyCommand } from '../../src/verify/cli.js';
import { SgdReference } from '../../src/algorithms/sgd/reference.js';
import { referenceFloat64 } from '../../src/verify/mutants/index.js';
import { referenceImplementation } from '../../src/verify/reference/implementation.js';
import { formatReport, verify } from '../../src/verify/verify.js';
import { checkClaims } from '../../src/analysis/claims.js';
import type { Capabilities, ImplementationUnderTest } from '../../src/verify/types.js';

function declaring(impl: ImplementationUnderTest, edit: (caps: Capabilities) => Capabilities): ImplementationUnderTest {
  return { ...impl, capabilities: async () => edit(await impl.capabilities()) };
}

/** An SGD step under the SAM name: with ρ pinned to 0 it is exactly SAM's step. */
const sgdAsSam = referenceImplementation('sgd declared as sam', (c, layout) => new SgdReference(c, layout), ['sam']);

describe('pin policy', () => {
  it('an SGD declared as SAM with rho pinned to 0 is "not conformant: degenerate pin", and the pin is listed', async () => {
    const impl = declaring(sgdAsSam, (caps) => ({ ...caps, algorithms: { sam: { fixed: { rho: 0, epsilon: 1e-12 } } } }));
    const report = await verify(impl, { seed: 1, numRuns: 20 });
    const text = formatReport(report);
    expect(report.ok, text).toBe(false);
    expect(text).toMatch(/FAILED\s+sam\.pins\s+not conformant: degenerate pin rho = 0/);
    expect(text).toContain('pinned: sam rho = 0, sam epsilon = 1e-12');
  });

  it('a learning rate pinned to 0 is degenerate for every algorithm; k = 1, m ≥ b and τ = ∞ for theirs', async () => {
    const pinned: Record<string, Record<string, unknown>> = { sgd: { learningRate: 0 }, 'multistep-sam': { steps: 1 }, 'm-sam': { m: 4 }, 'rw-sam': { temperature: 'infinity' }, xsam: { rho: 0 } };
    const impl = declaring(referenceFloat64(), (caps) => ({ ...caps, algorithms: Object.fromEntries(Object.entries(pinned).map(([a, fixed]) => [a, { fixed }])) }));
    const report = await verify(impl, { seed: 1, numRuns: 5 });
    expect(report.verdicts.map((v) => `${v.name} ${v.status}`)).toEqual(Object.keys(pinned).map((a) => `${a}.pins failed`));
  });

  it('a non-degenerate pin narrows the draw and still verifies, listed in the report', async () => {
    const impl = declaring(referenceFloat64(), (caps) => ({ ...caps, algorithms: { sam: { fixed: { rho: 0.05 } } } }));
    const report = await verify(impl, { seed: 1, numRuns: 10, properties: ['step-matches-oracle'] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.pins).toEqual([{ scope: 'sam', key: 'rho', value: 0.05 }]);
  });
});

describe('nothing verified exits non-zero', () => {
  it('no algorithm declared', async () => {
    const report = await verify(declaring(referenceFloat64(), (caps) => ({ ...caps, algorithms: {} })), { seed: 1, numRuns: 5 });
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toContain('nothing verified: the implementation declares no algorithm');
  });

  it('a finite-sum algorithm declared without finiteSum (every property skipped)', async () => {
    const impl = declaring(referenceFloat64(), (caps) => ({ ...caps, finiteSum: false, algorithms: { sam: {}, 'm-sam': {} } }));
    const report = await verify(impl, { seed: 1, numRuns: 5, properties: ['step-matches-oracle'] });
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toMatch(/FAILED\s+m-sam\.nothing verified\s+nothing verified for m-sam \(every property skipped: m-sam needs per-sample/);
  });

  it('only undeclared algorithms selected', async () => {
    const impl = referenceImplementation('sgd only', (c, layout) => new SgdReference(c, layout), ['sgd']);
    const report = await verify(impl, { seed: 1, numRuns: 5, algorithms: ['xsam'] });
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toContain('nothing verified: no selected property ran');
  });

  it('a typo in --property or --algorithm, and --num-runs 0, are usage errors (exit 2) listing the known names', async () => {
    for (const argv of [['--property', 'sam.step-matches-orcale'], ['--algorithm', 'smа'], ['--num-runs', '0'], ['--property', 'nope.step-matches-oracle']]) {
      const lines: string[] = [];
      expect(await runVerifyCommand(['--mutant', 'sam-sign-flip', ...argv], (l) => lines.push(l)), argv.join(' ')).toBe(2);
      expect(lines.join('\n'), argv.join(' ')).toMatch(argv[0] === '--num-runs' ? /numRuns = 0/ : /step-matches-oracle.*|sam, usam/);
    }
    const lines: string[] = [];
    expect(await runVerifyCommand(['--algorithm', 'smа'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain('one of sgd, sam, usam, asam');
  });

  it('--claims --ids NOPE and --num-runs 0 are refused', () => {
    expect(() => checkClaims({ ids: ['NOPE'] })).toThrow(/ids = "NOPE".*claim ids among .*E1/);
    expect(() => checkClaims({ ids: ['E1'], numRuns: 0 })).toThrow(/numRuns = 0/);
  });
});
