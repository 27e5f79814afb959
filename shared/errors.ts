/**
 * Errors are values with a kind. This module is the only place that maps a kind to a
 * JSON-RPC code and to a `paso` exit code (CONTRACT section 5).
 */

export type ErrorKind =
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'dependency'
  | 'storage'
  | 'internal'
  | 'usage'
  | 'unavailable';

/** Application error codes, plus the JSON-RPC ones Paso produces itself. */
export const RpcCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  notFound: -32001,
  validation: -32002,
  conflict: -32003,
  dependency: -32004,
  storage: -32005,
} as const;

const rpcCodeByKind: Record<ErrorKind, number> = {
  not_found: RpcCode.notFound,
  validation: RpcCode.validation,
  conflict: RpcCode.conflict,
  dependency: RpcCode.dependency,
  storage: RpcCode.storage,
  internal: RpcCode.internal,
  usage: RpcCode.methodNotFound,
  unavailable: RpcCode.internal,
};

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  validation: 5,
  dependency: 6,
  unavailable: 7,
  storage: 8,
} as const;

const exitCodeByKind: Record<ErrorKind, number> = {
  internal: ExitCode.internal,
  usage: ExitCode.usage,
  not_found: ExitCode.notFound,
  conflict: ExitCode.conflict,
  validation: ExitCode.validation,
  dependency: ExitCode.dependency,
  unavailable: ExitCode.unavailable,
  storage: ExitCode.storage,
};

export class PasoError extends Error {
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown>;
  /** The error object as the daemon sent it, when this error came over the wire. */
  readonly rpcError?: RpcErrorObject;

  constructor(kind: ErrorKind, message: string, details: Record<string, unknown> = {}, rpcError?: RpcErrorObject) {
    super(message);
    this.name = 'PasoError';
    this.kind = kind;
    this.details = details;
    if (rpcError) this.rpcError = rpcError;
  }

  get rpcCode(): number {
    return this.rpcError?.code ?? rpcCodeByKind[this.kind];
  }

  get exitCode(): number {
    return exitCodeByKind[this.kind];
  }

  /** The JSON-RPC `error` object for this error. */
  toRpcError(): RpcErrorObject {
    return { code: this.rpcCode, message: this.message, data: { ...this.details, kind: this.kind } };
  }
}

export const notFound = (what: string, details: Record<string, unknown> = {}) =>
  new PasoError('not_found', `${what} not found`, details);
export const validation = (message: string, details: Record<string, unknown> = {}) =>
  new PasoError('validation', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new PasoError('conflict', message, details);
export const storage = (message: string, details: Record<string, unknown> = {}) =>
  new PasoError('storage', message, details);
export const dependency = (message: string, details: Record<string, unknown> = {}) =>
  new PasoError('dependency', message, details);
/** Params that do not match the method's schema: JSON-RPC's own -32602, kind validation. */
export const invalidParams = (message: string, details: Record<string, unknown> = {}) =>
  new PasoError('validation', message, details, { code: RpcCode.invalidParams, message });

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** Maps a JSON-RPC error a daemon sent back to the CLI exit code. */
export function exitCodeForRpcError(error: RpcErrorObject): number {
  switch (error.code) {
    case RpcCode.notFound:
      return ExitCode.notFound;
    case RpcCode.conflict:
      return ExitCode.conflict;
    case RpcCode.validation:
    case RpcCode.invalidParams:
      return ExitCode.validation;
    case RpcCode.dependency:
      return ExitCode.dependency;
    case RpcCode.storage:
      return ExitCode.storage;
    case RpcCode.methodNotFound:
    case RpcCode.invalidRequest:
    case RpcCode.parseError:
      return ExitCode.usage;
    default:
      return ExitCode.internal;
  }
}

/** Turns a JSON-RPC error object back into a PasoError (client side). */
export function errorFromRpc(error: RpcErrorObject): PasoError {
  const data = (error.data ?? {}) as { kind?: unknown } & Record<string, unknown>;
  const { kind: _kind, ...details } = data;
  const kind = kindForRpcCode(error.code);
  return new PasoError(kind, error.message, details, error);
}

function kindForRpcCode(code: number): ErrorKind {
  switch (exitCodeForRpcError({ code, message: '' })) {
    case ExitCode.notFound:
      return 'not_found';
    case ExitCode.conflict:
      return 'conflict';
    case ExitCode.validation:
      return 'validation';
    case ExitCode.dependency:
      return 'dependency';
    case ExitCode.storage:
      return 'storage';
    case ExitCode.usage:
      return 'usage';
    default:
      return 'internal';
  }
}
