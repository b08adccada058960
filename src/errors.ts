/**
 * Every error samcheck raises on purpose is a SamcheckError with a stable `code`
 * (listed in spec/errors.md), the offending parameter's name and the value it had.
 */
export type ErrorCode =
  | 'INVALID_HYPERPARAMETER'
  | 'INVALID_ARGUMENT'
  | 'NON_FINITE'
  | 'SHAPE_MISMATCH'
  | 'UNKNOWN_ALGORITHM'
  | 'UNKNOWN_BASE'
  | 'UNKNOWN_OPTION'
  | 'UNSUPPORTED_BACKEND'
  | 'BACKEND_UNAVAILABLE'
  | 'PROTOCOL'
  | 'TIMEOUT';

export class SamcheckError extends Error {
  override readonly name: string = 'SamcheckError';
  constructor(
    readonly code: ErrorCode,
    readonly parameter: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${code}: ${parameter} = ${describeValue(value)}: ${message}`);
  }
}

/** A hyperparameter or argument outside its domain. */
export class InvalidArgumentError extends SamcheckError {
  override readonly name = 'InvalidArgumentError';
  constructor(parameter: string, value: unknown, expected: string, code: ErrorCode = 'INVALID_HYPERPARAMETER') {
    super(code, parameter, value, `expected ${expected}`);
  }
}

/** A NaN or ±Infinity met in parameters, a loss or a gradient. */
export class NonFiniteError extends SamcheckError {
  override readonly name = 'NonFiniteError';
  constructor(parameter: string, value: unknown, where: string) {
    super('NON_FINITE', parameter, value, `non-finite value ${where}`);
  }
}

export class BackendError extends SamcheckError {
  override readonly name = 'BackendError';
}

export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    const s = JSON.stringify(value);
    return s.length > 120 ? s.slice(0, 117) + '...' : s;
  } catch {
    return String(value);
  }
}
