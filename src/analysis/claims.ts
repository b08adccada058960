/**
 * The registry of the papers' claims samcheck checks (spec/claims.md): each with its source,
 * exact conditions, status and a runner that works outside vitest (fast-check fc.check, or a
 * seeded rate). Kernel-level claims need a tf backend set first (useBackend).
 */
import { InvalidArgumentError } from '../errors.js';
import { directionClaims } from './checks/directions.js';
import { edgeClaims } from './checks/edges.js';
import { mSharpnessClaims } from './checks/msharpness.js';
import { sharpnessClaims } from './checks/sharpness.js';
import { maximizerClaims } from './checks/maximizer.js';
import type { Claim, ClaimResult, ClaimRunOptions } from './checks/registry.js';

export type { Claim, ClaimResult, ClaimRunOptions, ClaimStatus } from './checks/registry.js';

export const claims: readonly Claim[] = [...directionClaims, ...edgeClaims, ...mSharpnessClaims, ...sharpnessClaims, ...maximizerClaims];

export interface ClaimReport extends ClaimResult {
  id: string;
  claim: string;
  source: string;
  conditions: string;
  status: Claim['status'];
  property: string;
  milliseconds: number;
}

/** Runs the selected claims (all by default); a runner that throws is reported as a failure. */
export function checkClaims(options: ClaimRunOptions & { ids?: string[] } = {}): ClaimReport[] {
  // An unknown id would select nothing and report a vacuous pass.
  const unknown = (options.ids ?? []).filter((id) => !claims.some((c) => c.id === id));
  if (unknown.length > 0) throw new InvalidArgumentError('ids', unknown.join(','), `claim ids among ${claims.map((c) => c.id).join(', ')}`, 'INVALID_ARGUMENT');
  if (options.numRuns !== undefined && !(Number.isInteger(options.numRuns) && options.numRuns >= 1)) throw new InvalidArgumentError('numRuns', options.numRuns, 'an integer ≥ 1 (0 runs verify nothing)', 'INVALID_ARGUMENT');
  const selected = options.ids ? claims.filter((c) => options.ids!.includes(c.id)) : claims;
  return selected.map((c) => {
    const start = Date.now();
    let result: ClaimResult;
    try {
      result = c.run(options);
    } catch (e) {
      result = { passed: false, seed: options.seed ?? NaN, numRuns: options.numRuns ?? NaN, error: String(e) };
    }
    const { run: _run, ...meta } = c;
    return { ...meta, ...result, milliseconds: Date.now() - start };
  });
}
