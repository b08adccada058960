/**
 * `verify(implementation, options)`: runs every applicable conformance property against an
 * implementation under test with plain `fc.check` (no test runner needed) and returns one
 * verdict per (algorithm, property), each failure with its shrunk counterexample and a replay
 * command.
 */
import fc from 'fast-check';
import { InvalidArgumentError, SamcheckError } from '../errors.js';
import { algorithmNames } from '../algorithms/index.js';
import { relativeTolerance } from './compare.js';
import { conformanceProperties, finiteSumSkipReason, type Case, type ConformanceProperty, type PropertyContext } from './properties.js';
import type { Capabilities, ImplementationUnderTest } from './types.js';
import { degeneratePin, formatPins, pinsOf, type Pin } from './pins.js';

export type VerdictStatus = 'passed' | 'failed' | 'skipped' | 'error' | 'not-run';

export interface PropertyVerdict {
  /** `<algorithm>.<property>`, the name `--property` takes. */
  name: string;
  algorithm: string;
  property: string;
  claim: string;
  status: VerdictStatus;
  /** Failure message, skip reason or infrastructure error. */
  message?: string;
  counterexample?: Case;
  /** Dimension of the shrunk counterexample. */
  dimension?: number;
  seed: number;
  path?: string;
  numRuns: number;
  replay?: string;
}

export interface VerifyReport {
  implementation: string;
  capabilities: Capabilities | null;
  seed: number;
  verdicts: PropertyVerdict[];
  /** Every value the implementation pins (spec/protocol.md §2.1). */
  pins: Pin[];
  /** True iff something passed and nothing failed or errored (skips are reported, never counted as passes). */
  ok: boolean;
}

export interface VerifyOptions {
  /** Suite seed; each property runs with a seed derived from it and its name. */
  seed?: number;
  numRuns?: number;
  /** Restrict to these names (`sam.step-matches-oracle`) or property ids (`step-matches-oracle`). */
  properties?: string[];
  algorithms?: string[];
  /** fast-check replay path (only meaningful with a single property). */
  path?: string;
  maxDimension?: number;
  /** Printed before the replay flags, e.g. `samcheck verify --impl "python3 adapter.py"`. */
  replayCommand?: string;
  /** Progress lines (e.g. console.log). */
  log?: (line: string) => void;
  /** Stop at the first failing property (mutant runs). */
  stopAtFirstFailure?: boolean;
  /** false: report a failure's first counterexample unshrunk (fast-check `endOnFailure`; tests). */
  shrink?: boolean;
  /** The properties to run (default: the conformance suite; `--world-size`: the data-parallel one). */
  suite?: readonly ConformanceProperty[];
  /** Time shrinking may take per property after the first failure (default 20 s; 0 with a replay path). */
  shrinkBudgetMs?: number;
}

/** Successful shrink steps per failure: each is one segment of the printed --path, so this caps it. */
export const MAX_SHRINK_STEPS = 300;

/** Errors that mean the implementation cannot be talked to any more (not a counterexample). */
function isInfrastructureError(e: unknown): boolean {
  return e instanceof SamcheckError && (e.code === 'PROTOCOL' || e.code === 'TIMEOUT');
}

export function propertySeed(seed: number, name: string): number {
  let h = seed | 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Unknown names and a run count below 1 would verify nothing: refused before anything runs. */
function validateOptions(options: VerifyOptions): void {
  const numRuns = options.numRuns ?? 100;
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new InvalidArgumentError('numRuns', numRuns, 'an integer ≥ 1 (0 runs verify nothing)', 'INVALID_ARGUMENT');
  const algorithms = algorithmNames();
  for (const a of options.algorithms ?? []) {
    if (!algorithms.includes(a)) throw new InvalidArgumentError('algorithm', a, `one of ${algorithms.join(', ')}`, 'INVALID_ARGUMENT');
  }
  const ids = (options.suite ?? conformanceProperties()).map((p) => p.id);
  for (const name of options.properties ?? []) {
    const dot = name.indexOf('.');
    const [a, id] = dot < 0 ? [undefined, name] : [name.slice(0, dot), name.slice(dot + 1)];
    if ((a !== undefined && !algorithms.includes(a)) || !ids.includes(id)) {
      throw new InvalidArgumentError('property', name, `a property id or <algorithm>.<id>; algorithms: ${algorithms.join(', ')}; ids: ${ids.join(', ')}`, 'INVALID_ARGUMENT');
    }
  }
}

const NOTHING_VERIFIED = 'nothing verified';

export async function verify(impl: ImplementationUnderTest, options: VerifyOptions = {}): Promise<VerifyReport> {
  validateOptions(options);
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const numRuns = options.numRuns ?? 100;
  const log = options.log ?? (() => {});
  const base = { implementation: impl.name, seed };
  let caps: Capabilities;
  try {
    caps = await impl.capabilities();
  } catch (e) {
    const verdict: PropertyVerdict = { name: 'handshake', algorithm: '-', property: 'handshake', claim: 'the implementation declares its capabilities', status: 'error', message: String((e as Error)?.message ?? e), seed, numRuns: 0 };
    log(formatVerdict(verdict));
    return { ...base, capabilities: null, verdicts: [verdict], pins: [], ok: false };
  }
  const verdicts: PropertyVerdict[] = [];
  const pins = pinsOf(caps);
  const report = (): VerifyReport => ({ ...base, capabilities: caps, verdicts, pins, ok: verdicts.some((v) => v.status === 'passed') && verdicts.every((v) => v.status === 'passed' || v.status === 'skipped') });
  const record = (verdict: PropertyVerdict) => {
    verdicts.push(verdict);
    log(formatVerdict(verdict));
    return options.stopAtFirstFailure === true && verdict.status === 'failed';
  };
  const policy = (algorithm: string, property: string, claim: string, message: string): PropertyVerdict => ({ name: `${algorithm}.${property}`, algorithm, property, claim, status: 'failed', message, seed, numRuns: 0 });
  let fatal: string | null = null;
  for (const algorithm of options.algorithms ?? Object.keys(caps.algorithms)) {
    const declared = algorithm in caps.algorithms;
    const degenerate = declared ? degeneratePin(algorithm, caps) : null;
    if (degenerate !== null) {
      if (record(policy(algorithm, 'pins', 'no pinned value reduces the algorithm to a simpler one', `not conformant: degenerate pin ${degenerate}`))) return report();
      continue;
    }
    const start = verdicts.length;
    for (const property of options.suite ?? conformanceProperties()) {
      if (!property.appliesTo(algorithm)) continue;
      const name = `${algorithm}.${property.id}`;
      if (options.properties && !options.properties.some((p) => p === name || p === property.id)) continue;
      const ctx: PropertyContext = { algorithm, caps, impl, rel: relativeTolerance(caps.precision), maxDimension: options.maxDimension ?? 6 };
      const common = { name, algorithm, property: property.id, claim: property.claim, seed: propertySeed(seed, name), numRuns };
      let verdict: PropertyVerdict;
      if (fatal !== null) verdict = { ...common, status: 'not-run', message: `not run: ${fatal}` };
      else if (!declared) verdict = { ...common, status: 'skipped', message: `the implementation does not declare ${algorithm}` };
      else {
        const reason = finiteSumSkipReason(algorithm, caps) ?? property.skipReason(ctx);
        verdict = reason !== null ? { ...common, status: 'skipped', message: reason } : await runProperty(property, ctx, common, options);
      }
      if (verdict.status === 'error') fatal = verdict.message ?? 'error';
      verdict.replay = replayOf(verdict, options, seed);
      if (record(verdict)) return report();
    }
    // A declared algorithm whose every selected property was skipped was not verified at all.
    const own = verdicts.slice(start);
    if (declared && fatal === null && own.length > 0 && own.every((v) => v.status === 'skipped')) {
      if (record(policy(algorithm, NOTHING_VERIFIED, `something about ${algorithm} is verified`, `${NOTHING_VERIFIED} for ${algorithm} (every property skipped: ${own[0].message})`))) return report();
    }
  }
  if (!verdicts.some((v) => v.status === 'passed') && !verdicts.some((v) => v.status === 'failed' || v.status === 'error')) {
    record({ name: NOTHING_VERIFIED, algorithm: '-', property: NOTHING_VERIFIED, claim: 'at least one property runs and passes', status: 'failed', message: `${NOTHING_VERIFIED}: ${Object.keys(caps.algorithms).length === 0 ? 'the implementation declares no algorithm' : 'no selected property ran'}`, seed, numRuns: 0 });
  }
  return report();
}

async function runProperty(
  property: ConformanceProperty,
  ctx: PropertyContext,
  common: Omit<PropertyVerdict, 'status'>,
  options: VerifyOptions,
): Promise<PropertyVerdict> {
  // An infrastructure error ends the property: later runs (and shrinking) are skipped through
  // fc.pre, so a dead or hung implementation is not retried hundreds of times.
  let infrastructure: unknown = null;
  // Bounded shrinking: once the budget or the step cap is spent, every further shrink candidate is
  // skipped, so the last failure is the counterexample. A replay (path given) does not shrink
  // past its path, so it reproduces exactly the printed counterexample.
  const budget = options.path !== undefined ? 0 : (options.shrinkBudgetMs ?? 20_000);
  let failures = 0;
  let firstFailureAt: number | null = null;
  const spent = () => firstFailureAt !== null && (Date.now() - firstFailureAt > budget || failures > MAX_SHRINK_STEPS);
  const predicate = fc.asyncProperty(property.arbitrary(ctx), async (c) => {
    fc.pre(infrastructure === null && !spent());
    try {
      await property.check(c, ctx);
    } catch (e) {
      if (isInfrastructureError(e)) infrastructure = e;
      else if (!fc.PreconditionFailure.isFailure(e)) {
        failures++;
        firstFailureAt ??= Date.now();
      }
      throw e;
    }
  });
  const details = await fc.check(predicate, {
    seed: common.seed,
    numRuns: common.numRuns,
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.shrink === false ? { endOnFailure: true } : {}),
  });
  if (infrastructure !== null) return { ...common, status: 'error', message: (infrastructure as Error).message };
  if (!details.failed) return { ...common, status: 'passed' };
  const counterexample = details.counterexample?.[0] as Case | undefined;
  if (counterexample === undefined) {
    return { ...common, status: 'error', message: `no counterexample (${details.numSkips} runs skipped by preconditions)` };
  }
  const error = details.errorInstance;
  return {
    ...common,
    status: 'failed',
    message: (error instanceof Error ? error.message : String(error)) + (spent() && budget > 0 ? ` (shrinking stopped after ${failures - 1} steps: budget ${budget} ms / ${MAX_SHRINK_STEPS} steps)` : ''),
    counterexample,
    dimension: counterexample.problem.theta0.length,
    path: details.counterexamplePath ?? undefined,
  };
}

/** Replays with the suite seed: the property's own seed is derived from it and the name. */
function replayOf(v: PropertyVerdict, options: VerifyOptions, suiteSeed: number): string | undefined {
  if (v.status !== 'failed') return undefined;
  const pathFlag = v.path !== undefined ? ` --path ${v.path}` : '';
  return `${options.replayCommand ?? 'samcheck verify'} --property ${v.name} --seed ${suiteSeed}${pathFlag}`;
}

export function formatVerdict(v: PropertyVerdict): string {
  const head = `${v.status.toUpperCase().padEnd(7)} ${v.name}`;
  if (v.status === 'passed') return `${head} (${v.numRuns} runs, seed ${v.seed})`;
  const lines = [head, `        ${v.message ?? ''}`];
  if (v.counterexample) lines.push(`        counterexample (dimension ${v.dimension}): ${JSON.stringify(v.counterexample)}`);
  if (v.replay) lines.push(`        replay: ${v.replay}`);
  return lines.join('\n');
}

export function formatReport(report: VerifyReport): string {
  const count = (s: VerdictStatus) => report.verdicts.filter((v) => v.status === s).length;
  const summary = `${report.implementation}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped, ${count('error')} errors, ${count('not-run')} not run (suite seed ${report.seed})`;
  const pins = report.capabilities ? [formatPins(report.capabilities)] : [];
  return [...report.verdicts.map(formatVerdict), ...pins, summary, report.ok ? 'OK' : 'NOT CONFORMANT'].join('\n');
}
