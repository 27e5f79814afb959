/**
 * JSON-RPC 2.0 for one parsed line: each call looked up, run and answered on its own, so a
 * batch element never affects the others. What a line committed, and what must follow its
 * reply (db_changed, shutdown), is collected in a FlushOutcome that the group commit acts on
 * only after the commit. No I/O here, so it runs over any connection, socket or not.
 */
import { PasoError, RpcCode } from '../shared/errors.js';
import type { ParamsOf } from '../shared/protocol/params.js';
import { methodSpecs } from '../shared/protocol/params.js';
import type { DbChanged } from '../shared/protocol/entities.js';
import { PASO_VERSION } from '../shared/version.js';
import type { Change } from './change-set.js';
import type BetterSqlite3 from 'better-sqlite3';
import { backupDatabase } from './database-backup.js';
import { GroupAborted, isDataMethod, type Dispatcher } from './dispatcher.js';
import type { DaemonLog } from './logger.js';
import { describeMethods, validateParams } from './param-validation.js';
import { errorReply, type ParsedCall, type ParsedLine, type RpcId } from './request-parser.js';

/** What the RPC layer needs to know of a connection. */
export interface RpcPeer {
  subscription: { projectId: number | null } | null;
  identity: { actor: string | null; client: string | null };
  notify(change: DbChanged): void;
  send(message: unknown): void;
}

/**
 * A handler's result that is work to start only after the group has committed (an online
 * backup must read committed pages, and must not hold the group's replies back).
 */
class AfterCommit {
  constructor(readonly start: () => Promise<unknown>) {}
}

export interface RpcHost {
  dispatcher: Dispatcher;
  /** The daemon's one connection, for `daemon.backup` (which must read through it). */
  sqlite: BetterSqlite3.Database;
  log: DaemonLog;
  status(): unknown;
  requestShutdown(reason: string): void;
}

/** What a group of lines committed and owes once the commit is durable and replies are out. */
export interface FlushOutcome {
  changes: Change[];
  /** Run after the replies, in order (subscribe's sinceSeq db_changed). */
  followUps: (() => void)[];
  shutdownRequested: boolean;
}

export const newFlushOutcome = (): FlushOutcome => ({ changes: [], followUps: [], shutdownRequested: false });

type Handler = (params: unknown, peer: RpcPeer, outcome: FlushOutcome) => unknown;

export interface RpcSuccess {
  jsonrpc: '2.0';
  id: RpcId;
  result: unknown;
}
export interface RpcFailure {
  jsonrpc: '2.0';
  id: RpcId;
  error: { code: number; message: string; data?: unknown };
}
export type RpcResponse = RpcSuccess | RpcFailure;

export class RpcServer {
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly host: RpcHost) {
    const { dispatcher } = host;
    let methods: ReturnType<typeof describeMethods> | null = null;
    this.handlers.set('rpc.discover', (params) => {
      validateParams('rpc.discover', params);
      return { methods: (methods ??= describeMethods()) };
    });
    this.handlers.set('daemon.status', (params) => {
      validateParams('daemon.status', params);
      return host.status();
    });
    this.handlers.set('daemon.shutdown', (params, _peer, outcome) => {
      validateParams('daemon.shutdown', params);
      outcome.shutdownRequested = true;
      return { ok: true };
    });
    this.handlers.set('hello', (params, peer) => {
      const { actor, client } = validateParams('hello', params) as ParamsOf<'hello'>;
      peer.identity = { actor: actor ?? null, client: client ?? null };
      return { version: PASO_VERSION, seq: dispatcher.seq };
    });
    this.handlers.set('daemon.backup', (params) => {
      const { path } = validateParams('daemon.backup', params) as ParamsOf<'daemon.backup'>;
      return new AfterCommit(() => backupDatabase(host.sqlite, path));
    });
    this.handlers.set('subscribe', (params, peer, outcome) => {
      const { projectId, sinceSeq } = validateParams('subscribe', params) as ParamsOf<'subscribe'>;
      // A typo'd project id would otherwise wait silently forever.
      if (projectId != null) dispatcher.call('project.get', { id: projectId });
      peer.subscription = { projectId: projectId ?? null };
      const seq = dispatcher.seq;
      if (sinceSeq !== undefined && seq > sinceSeq) {
        // What changed while the client was away is unknown here, so the project is null.
        outcome.followUps.push(() => {
          if (peer.subscription) peer.notify({ seq, projectId: null, at: new Date().toISOString() });
        });
      }
      return { seq };
    });
    this.handlers.set('unsubscribe', (params, peer) => {
      validateParams('unsubscribe', params);
      peer.subscription = null;
      return { ok: true };
    });
    this.handlers.set('atomic', (params, peer, outcome) => record(outcome, dispatcher.atomic(params, peer.identity)));
    for (const name of Object.keys(methodSpecs)) {
      if (!isDataMethod(name)) continue;
      this.handlers.set(name, (params, peer, outcome) => record(outcome, dispatcher.call(name, params, peer.identity)));
    }
  }

  /**
   * Runs every call of the line in order; returns what to send back (null: nothing, e.g. only
   * notifications). Rethrows GroupAborted: the whole group is then retried call by call.
   */
  runLine(parsed: ParsedLine, peer: RpcPeer, outcome: FlushOutcome): RpcResponse | RpcResponse[] | null {
    const replies: (RpcResponse | (() => Promise<RpcResponse>))[] = [];
    for (const entry of parsed.entries) {
      if ('reply' in entry) replies.push(entry.reply);
      else {
        const reply = this.runCall(entry.call, peer, outcome);
        if (entry.call.id !== undefined) replies.push(reply);
      }
    }
    if (replies.every((reply) => typeof reply !== 'function')) {
      const ready = replies as RpcResponse[];
      if (parsed.batch) return ready.length === 0 ? null : ready;
      return ready[0] ?? null;
    }
    // Some call's work starts after the commit: the line is answered, whole, once it is done.
    outcome.followUps.push(() => {
      void Promise.all(replies.map((reply) => (typeof reply === 'function' ? reply() : reply))).then((done) =>
        peer.send(parsed.batch ? done : done[0]),
      );
    });
    return null;
  }

  private runCall(call: ParsedCall, peer: RpcPeer, outcome: FlushOutcome): RpcResponse | (() => Promise<RpcResponse>) {
    const id = call.id ?? null;
    const handler = this.handlers.get(call.method);
    if (!handler) return errorReply(id, RpcCode.methodNotFound, `Method not found: ${call.method.slice(0, 100)}`, 'not_found');
    try {
      const result = handler(call.params, peer, outcome);
      if (result instanceof AfterCommit) {
        return () =>
          result.start().then(
            (value): RpcResponse => ({ jsonrpc: '2.0', id, result: value }),
            (error: unknown): RpcResponse => ({ jsonrpc: '2.0', id, error: this.errorObject(error) }),
          );
      }
      return { jsonrpc: '2.0', id, result };
    } catch (error) {
      if (error instanceof GroupAborted) throw error;
      return { jsonrpc: '2.0', id, error: this.errorObject(error) };
    }
  }

  /** Expected errors keep their kind; anything else is logged and becomes a bare -32603. */
  private errorObject(error: unknown): RpcFailure['error'] {
    if (error instanceof PasoError) {
      if (error.kind === 'storage') this.host.log.error('a change was not saved', error.message);
      return error.toRpcError();
    }
    this.host.log.error('unexpected error while handling a call', error);
    return { code: RpcCode.internal, message: 'internal error (details in daemon.log)', data: { kind: 'internal' } };
  }
}

function record(outcome: FlushOutcome, call: { result: unknown; change?: Change }): unknown {
  if (call.change) outcome.changes.push(call.change);
  return call.result;
}
