/**
 * samcheck-protocol/1: JSON lines over stdin/stdout between the harness and an implementation
 * under test in any language (spec/protocol.md). This file holds the message shapes, their
 * validation and the typed error every protocol failure becomes.
 */
import { SamcheckError, describeValue } from '../errors.js';
import type { Capabilities, DistributedDeclaration, StepOutcome, Want } from './types.js';

export const PROTOCOL_VERSION = 'samcheck-protocol/1';

export type ProtocolFailure =
  | 'spawn-failed'
  | 'malformed-json'
  | 'invalid-message'
  | 'unexpected-message'
  | 'oversized-line'
  | 'partial-line'
  | 'version-mismatch'
  | 'exited'
  | 'timeout';

/** Every way the conversation with a subprocess can break; `stderr` is the tail it printed. */
export class ProtocolError extends SamcheckError {
  override readonly name = 'ProtocolError';
  constructor(
    readonly reason: ProtocolFailure,
    detail: string,
    value: unknown = null,
    readonly stderr = '',
  ) {
    super(reason === 'timeout' ? 'TIMEOUT' : 'PROTOCOL', `protocol.${reason}`, value, detail + (stderr ? `\n--- implementation stderr (tail) ---\n${stderr.trimEnd()}` : ''));
  }
}

/** The implementation reported that it could not take a step (a property failure, not a broken pipe). */
export class ImplementationError extends Error {
  override readonly name = 'ImplementationError';
}

export type IncomingMessage =
  | { type: 'hello'; protocol: string; name: string; capabilities: Capabilities }
  | { type: 'evaluate'; id: number | string; point: number[]; want: Want[]; samples?: number[]; weights?: number[] }
  | { type: 'result'; id: number; params: number[]; diagnostics?: StepOutcome['diagnostics'] }
  | { type: 'error'; id?: number; message: string };

const TYPES = ['hello', 'evaluate', 'result', 'error'];
const WANTS: unknown[] = ['value', 'gradient', 'perSample'];

function invalid(field: string, value: unknown, expected: string): ProtocolError {
  return new ProtocolError('invalid-message', `${field} = ${describeValue(value)}: expected ${expected}`, value);
}

/** JSON has no NaN/Infinity: the protocol sends them as the strings "NaN", "Infinity", "-Infinity". */
export function decodeNumber(field: string, v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw invalid(field, v, 'a number (or "NaN", "Infinity", "-Infinity")');
}

export function decodeVector(field: string, v: unknown, length?: number): number[] {
  if (!Array.isArray(v) || (length !== undefined && v.length !== length)) throw invalid(field, v, `an array of ${length ?? 'N'} numbers`);
  return v.map((x, i) => decodeNumber(`${field}[${i}]`, x));
}

export const encodeNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
export const encodeVector = (v: readonly number[]): Array<number | string> => v.map(encodeNumber);

/** Parses one line into a checked message. */
export function parseMessage(line: string): IncomingMessage {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    throw new ProtocolError('malformed-json', `not a JSON line: ${describeValue(line.slice(0, 200))}`, line.slice(0, 200));
  }
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw invalid('message', m, 'a JSON object');
  const msg = m as Record<string, unknown>;
  if (!TYPES.includes(msg.type as string)) throw invalid('type', msg.type, TYPES.map((t) => JSON.stringify(t)).join(' | '));
  switch (msg.type) {
    case 'hello':
      if (msg.protocol !== PROTOCOL_VERSION) {
        throw new ProtocolError('version-mismatch', `protocol ${describeValue(msg.protocol)}; this harness speaks ${JSON.stringify(PROTOCOL_VERSION)}`, msg.protocol);
      }
      return { type: 'hello', protocol: PROTOCOL_VERSION, name: typeof msg.name === 'string' ? msg.name : 'subprocess', capabilities: checkCapabilities(msg.capabilities) };
    case 'evaluate': {
      const want = msg.want ?? ['value', 'gradient'];
      if (!Array.isArray(want) || want.length === 0 || !want.every((w) => WANTS.includes(w))) throw invalid('evaluate.want', want, 'a non-empty subset of ["value", "gradient", "perSample"]');
      if (typeof msg.id !== 'number' && typeof msg.id !== 'string') throw invalid('evaluate.id', msg.id, 'a number or string');
      if (msg.samples !== undefined && (!Array.isArray(msg.samples) || !msg.samples.every((i) => Number.isInteger(i)))) throw invalid('evaluate.samples', msg.samples, 'an array of sample indices (integers)');
      return {
        type: 'evaluate',
        id: msg.id,
        point: decodeVector('evaluate.point', msg.point),
        want,
        ...(msg.samples !== undefined ? { samples: msg.samples as number[] } : {}),
        ...(msg.weights !== undefined ? { weights: decodeVector('evaluate.weights', msg.weights) } : {}),
      };
    }
    case 'result': {
      if (typeof msg.id !== 'number') throw invalid('result.id', msg.id, 'the id of the step request');
      const d = (msg.diagnostics ?? {}) as Record<string, unknown>;
      const diagnostics = {
        ...(d.perturbation !== undefined ? { perturbation: decodeVector('diagnostics.perturbation', d.perturbation) } : {}),
        ...(d.appliedGradient !== undefined ? { appliedGradient: decodeVector('diagnostics.appliedGradient', d.appliedGradient) } : {}),
      };
      return { type: 'result', id: msg.id, params: decodeVector('result.params', msg.params), diagnostics };
    }
    default:
      return { type: 'error', ...(typeof msg.id === 'number' ? { id: msg.id } : {}), message: String(msg.message ?? 'no message') };
  }
}

function checkCapabilities(c: unknown): Capabilities {
  const caps = c as Capabilities;
  if (caps === null || typeof caps !== 'object') throw invalid('hello.capabilities', c, 'an object');
  if (caps.algorithms === null || typeof caps.algorithms !== 'object' || Array.isArray(caps.algorithms)) {
    throw invalid('capabilities.algorithms', caps.algorithms, 'an object such as {"sam": {}}');
  }
  const zg = caps.policies?.zeroGradient;
  if (zg !== 'guard' && zg !== 'nan') throw invalid('capabilities.policies.zeroGradient', zg, '"guard" or "nan"');
  if (caps.precision !== 'float32' && caps.precision !== 'float64') throw invalid('capabilities.precision', caps.precision, '"float32" or "float64"');
  if (caps.finiteSum !== undefined && typeof caps.finiteSum !== 'boolean') throw invalid('capabilities.finiteSum', caps.finiteSum, 'true or false');
  if (caps.bases !== undefined && (caps.bases === null || typeof caps.bases !== 'object' || Array.isArray(caps.bases))) {
    throw invalid('capabilities.bases', caps.bases, 'an object such as {"adamw": {}}');
  }
  const distributed = caps.distributed === undefined ? undefined : checkDistributed(caps.distributed);
  return {
    algorithms: caps.algorithms,
    options: caps.options ?? {},
    policies: { zeroGradient: zg },
    precision: caps.precision,
    ...(caps.finiteSum ? { finiteSum: true } : {}),
    ...(caps.bases ? { bases: caps.bases } : {}),
    ...(distributed ? { distributed } : {}),
  };
}

/** §3.2: a data-parallel rank's declaration. */
function checkDistributed(d: unknown): DistributedDeclaration {
  const decl = d as DistributedDeclaration;
  if (decl === null || typeof decl !== 'object') throw invalid('capabilities.distributed', d, 'an object {semantics, rank, worldSize}');
  if (decl.semantics !== 'perReplicaPerturbation' && decl.semantics !== 'synced') throw invalid('capabilities.distributed.semantics', decl.semantics, '"perReplicaPerturbation" or "synced"');
  if (!Number.isInteger(decl.worldSize) || decl.worldSize < 1) throw invalid('capabilities.distributed.worldSize', decl.worldSize, 'a positive integer');
  if (!Number.isInteger(decl.rank) || decl.rank < 0 || decl.rank >= decl.worldSize) throw invalid('capabilities.distributed.rank', decl.rank, `an integer in [0, ${decl.worldSize})`);
  return { semantics: decl.semantics, rank: decl.rank, worldSize: decl.worldSize };

}
