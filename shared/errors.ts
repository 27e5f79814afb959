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

/**
 * The one table (CONTRACT section 5): each kind's JSON-RPC code and `paso` exit code. The
 * daemon sends the code and `data.kind`; clients read the kind back and take the exit code
 * from here. `usage` and `unavailable` never come from a daemon's data method: they are the
 * client's own (bad arguments, an unknown method; no daemon to talk to).
 */
export const ERROR_KINDS: Record<ErrorKind, { rpcCode: number; exitCode: number }> = {
  not_found: { rpcCode: RpcCode.notFound, exitCode: ExitCode.notFound },
  validation: { rpcCode: RpcCode.validation, exitCode: ExitCode.validation },
  conflict: { rpcCode: RpcCode.conflict, exitCode: ExitCode.conflict },
  dependency: { rpcCode: RpcCode.dependency, exitCode: ExitCode.dependency },
  storage: { rpcCode: RpcCode.storage, exitCode: ExitCode.storage },
  internal: { rpcCode: RpcCode.internal, exitCode: ExitCode.internal },
  usage: { rpcCode: RpcCode.methodNotFound, exitCode: ExitCode.usage },
  unavailable: { rpcCode: RpcCode.internal, exitCode: ExitCode.unavailable },
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
    return this.rpcError?.code ?? ERROR_KINDS[this.kind].rpcCode;
  }

  get exitCode(): number {
    return ERROR_KINDS[this.kind].exitCode;
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

/** The JSON-RPC protocol's own errors mean a malformed call, whatever kind the data names. */
const PROTOCOL_USAGE_CODES: readonly number[] = [RpcCode.methodNotFound, RpcCode.invalidRequest, RpcCode.parseError];

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(ERROR_KINDS, value);
}

/**
 * The kind of an error a daemon sent: `data.kind` as the daemon wrote it (it knows best);
 * by code only when the data carries none (an error from an older or foreign server).
 */
export function kindOfRpcError(error: RpcErrorObject): ErrorKind {
  if (PROTOCOL_USAGE_CODES.includes(error.code)) return 'usage';
  const kind = (error.data as { kind?: unknown } | undefined)?.kind;
  if (isErrorKind(kind)) return kind;
  if (error.code === RpcCode.invalidParams) return 'validation';
  const byCode = (Object.keys(ERROR_KINDS) as ErrorKind[]).find((k) => k !== 'usage' && k !== 'unavailable' && ERROR_KINDS[k].rpcCode === error.code);
  return byCode ?? 'internal';
}

/** The `paso` exit code for a JSON-RPC error a daemon sent back. */
export function exitCodeForRpcError(error: RpcErrorObject): number {
  return ERROR_KINDS[kindOfRpcError(error)].exitCode;
}

/** Turns a JSON-RPC error object back into a PasoError (client side). */
export function errorFromRpc(error: RpcErrorObject): PasoError {
  const data = error.data !== null && typeof error.data === 'object' ? (error.data as Record<string, unknown>) : {};
  const { kind: _kind, ...details } = data;
  return new PasoError(kindOfRpcError(error), error.message, details, error);
}
