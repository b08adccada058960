/** Shared assertions: a claim's runner must pass (printing seed, path and counterexample if not), a wrong variant must fail. */
import { expect } from 'vitest';
import type { Claim, ClaimResult } from '../../src/analysis/claims.js';
import { claims } from '../../src/analysis/claims.js';

export const claimById = (id: string): Claim => {
  const c = claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

const describeResult = (r: ClaimResult): string =>
  `seed=${r.seed} numRuns=${r.numRuns} path=${r.path ?? '-'} ${r.detail ?? ''} counterexample=${r.counterexample ?? '-'} ${r.error ?? ''}`;

export function expectClaimHolds(id: string): void {
  const r = claimById(id).run();
  expect(r.passed, `${id}: ${describeResult(r)}`).toBe(true);
}

/** The wrong variant (or wrong condition) must be caught. */
export function expectCaught(result: ClaimResult): void {
  expect(result.passed, `wrong variant not caught: ${describeResult(result)}`).toBe(false);
}
