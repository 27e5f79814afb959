/**
 * JSON-RPC dispatch for one line: parse, batch, method lookup (json-rpc-2.0), then our
 * dispatcher. Commits made while handling a line are published only after that line's
 * response has been written, so a caller always sees its reply before the db_changed.
 */
import {
  JSONRPCErrorException,
  JSONRPCServer,
  type JSONRPCErrorResponse,
  type JSONRPCID,
  type JSONRPCRequest,
  type JSONRPCResponse,
} from 'json-rpc-2.0';
import { PasoError, RpcCode } from '../shared/errors.js';
import type { ParamsOf } from '../shared/protocol/params.js';
import type { Change } from './change-set.js';
import type { ClientConnection } from './client-connection.js';
import { backupDatabase } from './database-backup.js';
import { isDataMethod, type Dispatcher } from './dispatcher.js';
import type { DaemonLog } from './logger.js';
import { describeMethods, validateParams } from './param-validation.js';
import type { DataMethodName } from './services/data-method.js';
import { methodSpecs } from '../shared/protocol/params.js';
import { PASO_VERSION } from '../shared/version.js';
import type BetterSqlite3 from 'better-sqlite3';

/** Per line: which connection sent it and what it committed. */
interface LineContext {
  connection: ClientConnection;
  changes: Change[];
  shutdownRequested: boolean;
}

export interface RpcHost {
  dispatcher: Dispatcher;
  /** The daemon's one connection, for `daemon.backup` (which must read through it). */
  sqlite: BetterSqlite3.Database;
  log: DaemonLog;
  status(): unknown;
  currentSeq(): number;
  publish(change: Change): void;
  requestShutdown(reason: string): void;
}

export function createLineHandler(host: RpcHost): (line: string, connection: ClientConnection) => Promise<void> {
  const server = new JSONRPCServer<LineContext>({
    // Expected errors (not found, validation, ...) are answers, not incidents worth a log line.
    errorListener: (message, data) => {
      if (!(data instanceof PasoError) && !(data instanceof JSONRPCErrorException)) host.log.error(`json-rpc: ${message}`, data);
    },
  });
  server.mapErrorToJSONRPCErrorResponse = (id: JSONRPCID, error: unknown): JSONRPCErrorResponse =>
    errorResponse(id, error, host.log);

  const methods = describeMethods();
  server.addMethod('rpc.discover', (params) => {
    validateParams('rpc.discover', params);
    return { methods };
  });
  server.addMethod('daemon.status', (params) => {
    validateParams('daemon.status', params);
    return host.status();
  });
  server.addMethod('daemon.shutdown', (params, context) => {
    validateParams('daemon.shutdown', params);
    context.shutdownRequested = true;
    return { ok: true };
  });
  server.addMethod('hello', (params, context) => {
    const { actor, client } = validateParams('hello', params) as ParamsOf<'hello'>;
    context.connection.identity = { actor: actor ?? null, client: client ?? null };
    return { version: PASO_VERSION, seq: host.currentSeq() };
  });
  server.addMethod('daemon.backup', (params) => {
    const { path } = validateParams('daemon.backup', params) as ParamsOf<'daemon.backup'>;
    return backupDatabase(host.sqlite, path);
  });
  server.addMethod('subscribe', (params, context) => {
    const { projectId } = validateParams('subscribe', params) as ParamsOf<'subscribe'>;
    // A typo'd project id would otherwise wait silently forever.
    if (projectId != null) host.dispatcher.call('project.get', { id: projectId });
    context.connection.subscription = { projectId: projectId ?? null };
    return { seq: host.currentSeq() };
  });
  server.addMethod('unsubscribe', (params, context) => {
    validateParams('unsubscribe', params);
    context.connection.subscription = null;
    return { ok: true };
  });
  server.addMethod('atomic', (params, context) => record(context, host.dispatcher.atomic(params, context.connection.identity)));
  for (const name of Object.keys(methodSpecs)) {
    if (!isDataMethod(name)) continue;
    const method: DataMethodName = name;
    server.addMethod(method, (params, context) => record(context, host.dispatcher.call(method, params, context.connection.identity)));
  }

  return async (line, connection) => {
    const context: LineContext = { connection, changes: [], shutdownRequested: false };
    try {
      const response = await respond(server, line, context);
      if (response !== null) connection.send(response);
    } catch (error) {
      // Nothing a client sends may take the daemon down; answer and log instead.
      host.log.error('unexpected error while handling a line', error);
      connection.send(errorReply(null, RpcCode.internal, 'internal error (details in daemon.log)', { kind: 'internal' }));
    }
    for (const change of context.changes) host.publish(change);
    if (context.shutdownRequested) host.requestShutdown('daemon.shutdown');
  };
}

type Reply = JSONRPCResponse | JSONRPCResponse[] | null;

/** Parses here rather than in json-rpc-2.0 so ids are checked before anything echoes them. */
async function respond(server: JSONRPCServer<LineContext>, line: string, context: LineContext): Promise<Reply> {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch (error) {
    return errorReply(null, RpcCode.parseError, `Parse error: ${(error as Error).message.slice(0, 200)}`, { kind: 'validation' });
  }
  const requests = Array.isArray(message) ? message : [message];
  if (requests.length === 0) return errorReply(null, RpcCode.invalidRequest, 'Invalid Request: empty batch', { kind: 'validation' });
  // JSON-RPC ids are strings, numbers or null; anything else (say, a deeply nested array)
  // would be echoed back into our reply.
  if (!requests.every(hasValidId)) {
    return errorReply(null, RpcCode.invalidRequest, 'Invalid Request: id must be a string, a number or null', { kind: 'validation' });
  }
  const response = await server.receive(message as JSONRPCRequest | JSONRPCRequest[], context);
  if (Array.isArray(response)) return response.length === 0 ? null : response.map(withErrorKind);
  return response === null ? null : withErrorKind(response);
}

function hasValidId(request: unknown): boolean {
  if (typeof request !== 'object' || request === null || !('id' in request)) return true;
  const { id } = request as { id: unknown };
  return id === null || typeof id === 'string' || typeof id === 'number';
}

/** json-rpc-2.0's own errors (parse, invalid request, method not found) carry no data.kind. */
function withErrorKind(response: JSONRPCResponse): JSONRPCResponse {
  if (!('error' in response) || !response.error || response.error.data !== undefined) return response;
  const kind = response.error.code === RpcCode.methodNotFound ? 'not_found' : 'validation';
  return { ...response, error: { ...response.error, data: { kind } } };
}

function errorReply(id: JSONRPCID, code: number, message: string, data: unknown): JSONRPCErrorResponse {
  return { jsonrpc: '2.0', id, error: { code, message, data } };
}

function record(context: LineContext, outcome: { result: unknown; change?: Change }): unknown {
  if (outcome.change) context.changes.push(outcome.change);
  return outcome.result;
}

/** Expected errors keep their kind; anything else is logged and becomes a bare -32603. */
function errorResponse(id: JSONRPCID, error: unknown, log: DaemonLog): JSONRPCErrorResponse {
  if (error instanceof PasoError) {
    return { jsonrpc: '2.0', id, error: error.toRpcError() };
  }
  if (error instanceof JSONRPCErrorException) {
    return { jsonrpc: '2.0', id, error: { code: error.code, message: error.message, data: error.data } };
  }
  log.error('unexpected error while handling a call', error);
  return {
    jsonrpc: '2.0',
    id,
    error: { code: RpcCode.internal, message: 'internal error (details in daemon.log)', data: { kind: 'internal' } },
  };
}
