/**
 * How a claim is checked outside vitest: a per-case property through fast-check's fc.check
 * (returning the counterexample, seed and path for replay), or a rate over a seeded sample with a
 * stated threshold (for claims that hold only on average, never asserted per case).
 */
import fc from 'fast-check';

export type ClaimStatus = 'always' | 'on average' | 'counter-case';

export interface ClaimRunOptions {
  seed?: number;
  /** fast-check runs for per-case claims; sample size for rates (defaults are each claim's own). */
  numRuns?: number;
}

export interface ClaimResult {
  passed: boolean;
  seed: number;
  numRuns: number;
  /** The shrunk failing case, as JSON. */
  counterexample?: string;
  /** fast-check replay path (per-case claims). */
  path?: string;
  /** e.g. "rate 0.48 ≥ 0.25 over 300 cases". */
  detail?: string;
  error?: string;
}

export interface Claim {
  id: string;
  claim: string;
  source: string;
  conditions: string;
  status: ClaimStatus;
  /** The property's name (as in spec/claims.md and the test file). */
  property: string;
  run(options?: ClaimRunOptions): ClaimResult;
}

const DEFAULT_SEED = 20260311;

/** A per-case check: every generated case must satisfy `holds`. */
export function perCase<T>(arb: fc.Arbitrary<T>, holds: (t: T) => boolean, defaultRuns: number) {
  return (options: ClaimRunOptions = {}): ClaimResult => {
    const seed = options.seed ?? DEFAULT_SEED;
    const numRuns = options.numRuns ?? defaultRuns;
    const details = fc.check(fc.property(arb, holds), { seed, numRuns });
    if (!details.failed) return { passed: true, seed, numRuns };
    return {
      passed: false,
      seed,
      numRuns,
      counterexample: details.counterexample ? safeJson(details.counterexample[0]) : undefined,
      path: details.counterexamplePath ?? undefined,
      error: details.errorInstance ? String(details.errorInstance) : undefined,
    };
  };
}

export interface RateSpec<T> {
  arb: fc.Arbitrary<T>;
  /** true when the case shows the effect. */
  shows: (t: T) => boolean;
  /** The rate must be ≥ min (and ≤ max when given). */
  min: number;
  max?: number;
  cases: number;
}

/** The fraction of a seeded sample that shows the effect, against a stated threshold. */
export function rate<T>(spec: RateSpec<T>) {
  return (options: ClaimRunOptions = {}): ClaimResult => {
    const seed = options.seed ?? DEFAULT_SEED;
    const numRuns = options.numRuns ?? spec.cases;
    const sample = fc.sample(spec.arb, { seed, numRuns });
    const hits = sample.filter(spec.shows);
    const observed = hits.length / sample.length;
    const passed = observed >= spec.min && (spec.max === undefined || observed <= spec.max);
    const bound = spec.max === undefined ? `≥ ${spec.min}` : `in [${spec.min}, ${spec.max}]`;
    const detail = `rate ${observed.toFixed(3)} (${hits.length}/${sample.length}), required ${bound}`;
    const misses = sample.filter((t) => !spec.shows(t));
    return { passed, seed, numRuns, detail, ...(passed ? {} : { counterexample: safeJson(observed < spec.min ? misses[0] : hits[0]) }) };
  };
}

export function safeJson(value: unknown): string {
  try {
    const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return s.length > 2000 ? s.slice(0, 1997) + '...' : s;
  } catch {
    return String(value);
  }
}
