/**
 * Validated params -> service -> savepoint -> commit. Calls that arrive together run inside
 * one transaction (`group`), each in its own SAVEPOINT: a failing call rolls back only itself,
 * and the group commits with one fsync. Each call that changed data bumps the persisted seq
 * inside its own savepoint, so a call, its seq and its history entry stand or fall together.
 * Outside a group (seeding at start, the one-by-one retry after a storage failure) a call is
 * its own transaction.
 */
import { invalidParams, PasoError } from '../shared/errors.js';
import type { ParamsOf } from '../shared/protocol/params.js';
import { ChangeSet, notifiedProjectId, type Change } from './change-set.js';
import { SeqStore } from './db/change-seq.js';
import type { SyncDb } from './db/sync-db.js';
import { recordChange } from './history/record-change.js';
import { isMethodName, validateParams } from './param-validation.js';
import type { ServiceContext } from './services/context.js';
import { TRANSPORT_METHODS, type DataMethod, type DataMethodName } from './services/data-method.js';
import { dataMethods } from './services/data-methods.js';
import { isStorageFailure, storageError } from './storage-errors.js';
import { SqlTransaction } from './db/sql-transaction.js';

const transportMethods: ReadonlySet<string> = new Set(TRANSPORT_METHODS);

export function isDataMethod(name: string): name is DataMethodName {
  return isMethodName(name) && !transportMethods.has(name);
}

export interface CallOutcome {
  result: unknown;
  /** Present when the call changed data (committed once the enclosing transaction commits). */
  change?: Change;
}

/** Who a call acts for: the connection's `hello` identity. */
export interface CallOrigin {
  actor: string | null;
  client: string | null;
}

const NO_ORIGIN: CallOrigin = { actor: null, client: null };
/** Changes the daemon makes on its own (the first run's project). */
const DAEMON_ORIGIN: CallOrigin = { actor: null, client: 'daemon' };

/** One call that changed data, as the per-call hook sees it, inside the call's savepoint. */
export interface RecordedCall {
  /** The data method, or `atomic` for an atomic call as a whole. */
  method: DataMethodName | 'atomic' | 'seed';
  params: unknown;
  result: unknown;
  change: Change;
  origin: CallOrigin;
}

/**
 * Runs inside the call's savepoint, after the call and its seq: what it writes commits with
 * the call, and if it throws, the call is rolled back and answered with that error.
 */
export type CallRecorder = (call: RecordedCall, ctx: ServiceContext) => void;

/** The change log (daemon/history/): one entry per change, in the change's own savepoint. */
const recordInChangeLog: CallRecorder = ({ change }, ctx) =>
  recordChange(ctx.db, { seq: change.seq, at: change.at, projectId: notifiedProjectId(change) }, ctx.origin);

/** Thrown out of a group when the disk failed: the group is rolled back and must be retried call by call. */
export class GroupAborted extends Error {
  constructor(cause: unknown) {
    super('the group transaction was aborted by a storage failure', { cause });
  }
}

export class Dispatcher {
  private readonly tx: SqlTransaction;
  private readonly seqStore: SeqStore;
  /** The seq of the last change in the open transaction; the committed seq outside one. */
  private liveSeq: number;
  private committedSeq: number;
  private grouping = false;
  private recorder: CallRecorder | null = recordInChangeLog;

  constructor(private readonly db: SyncDb) {
    this.tx = new SqlTransaction(db.sqlite);
    this.seqStore = new SeqStore(db.sqlite);
    this.liveSeq = this.committedSeq = this.seqStore.read();
  }

  /** The seq as callers in the current group see it (committed when their replies go out). */
  get seq(): number {
    return this.liveSeq;
  }

  /** The per-call hook: the change log unless replaced (tests of the hook itself). */
  setRecorder(recorder: CallRecorder | null): void {
    this.recorder = recorder;
  }

  /** Runs one data method in its own savepoint (or transaction). Params are validated here. */
  call(method: DataMethodName, rawParams: unknown, origin: CallOrigin = NO_ORIGIN): CallOutcome {
    const params = validateParams(method, rawParams);
    return this.runCall(method, params, origin, (ctx) => runMethod(method, params, ctx));
  }

  /** `atomic`: every call in one savepoint, results in order; any failure rolls all back. */
  atomic(rawParams: unknown, origin: CallOrigin = NO_ORIGIN): CallOutcome {
    const validated = validateParams('atomic', rawParams) as ParamsOf<'atomic'>;
    const prepared = validated.calls.map((call, index) => {
      if (!isDataMethod(call.method)) {
        const why = isMethodName(call.method) ? 'cannot be used inside atomic' : 'is not a method';
        throw invalidParams(`calls[${index}].method: '${call.method}' ${why}`, { index });
      }
      return { method: call.method, params: validateParams(call.method, call.params, `calls[${index}].params`) };
    });
    try {
      return this.runCall('atomic', validated, origin, (ctx) =>
        prepared.map(({ method, params }, index) => {
          try {
            return runMethod(method, params, ctx);
          } catch (error) {
            if (error instanceof PasoError) {
              throw new PasoError(error.kind, `calls[${index}] (${method}): ${error.message}`, { ...error.details, index }, error.rpcError);
            }
            throw error;
          }
        }),
      );
    } catch (error) {
      throw this.withCommittedCurrent(error);
    }
  }

  /**
   * Runs body, with every call it makes inside one transaction committed once. Throws
   * GroupAborted, after rolling everything back, when the disk failed (the caller then
   * retries the calls one by one, so reads still answer and each write gets its own error).
   */
  group<T>(body: () => T): T {
    this.grouping = true;
    let value: T;
    try {
      value = body();
      if (this.tx.open) this.tx.commit();
    } catch (error) {
      if (this.tx.open) this.tx.rollback();
      this.liveSeq = this.committedSeq;
      throw isStorageFailure(error) || error instanceof GroupAborted ? new GroupAborted(error instanceof GroupAborted ? error.cause : error) : error;
    } finally {
      this.grouping = false;
    }
    this.committedSeq = this.liveSeq;
    return value;
  }

  /** Runs body as one change with a ServiceContext (seeding at start); not recorded. */
  transact(body: (ctx: ServiceContext) => unknown): CallOutcome {
    return this.runCall(null, undefined, NO_ORIGIN, body);
  }

  private runCall(
    method: DataMethodName | 'atomic' | null,
    params: unknown,
    origin: CallOrigin,
    body: (ctx: ServiceContext) => unknown,
  ): CallOutcome {
    const changes = new ChangeSet();
    const now = new Date().toISOString();
    const ctx: ServiceContext = {
      db: this.db,
      now,
      origin: { method: method ?? 'seed', ...(method === null ? DAEMON_ORIGIN : origin) },
      touch: (projectId, options) => changes.touch(projectId, options),
    };
    const own = !this.grouping;
    if (this.grouping && !this.tx.open) this.tx.begin();
    const depth = own ? this.tx.begin() : this.tx.savepoint();
    let change: Change | undefined;
    let result: unknown;
    try {
      result = body(ctx);
      if (changes.touched) {
        const seq = this.liveSeq + 1;
        this.seqStore.write(seq);
        change = { seq, at: now, projectIds: changes.projectIds, everyone: changes.everyone };
        this.recorder?.({ method: method ?? 'seed', params, result, change, origin: ctx.origin }, ctx);
      }
      if (own) this.tx.commit();
      else this.tx.release(depth);
    } catch (error) {
      this.undo(own, depth, error);
      if (own && isStorageFailure(error)) throw storageError(error);
      throw error;
    }
    if (change) this.liveSeq = change.seq;
    if (own) this.committedSeq = this.liveSeq;
    return change ? { result, change } : { result };
  }

  /** Rolls back a failed call; a disk failure inside a group aborts the whole group. */
  private undo(own: boolean, depth: number, error: unknown): void {
    if (own) {
      if (this.tx.open) this.tx.rollback();
      return;
    }
    // SQLite may have rolled back the whole transaction itself (full disk, I/O error).
    if (isStorageFailure(error) || !this.tx.open) throw new GroupAborted(error);
    this.tx.rollbackTo(depth);
  }

  /**
   * A conflict carries the task as it was read inside the transaction, which may include
   * earlier calls of the same atomic that were just rolled back: read it again.
   */
  private withCommittedCurrent(error: unknown): unknown {
    if (!(error instanceof PasoError) || error.kind !== 'conflict') return error;
    const current = error.details.current as { id?: number } | undefined;
    if (current?.id === undefined) return error;
    const { result } = this.call('task.get', { id: current.id });
    return new PasoError(error.kind, error.message, { ...error.details, current: result }, error.rpcError);
  }
}

function runMethod(method: DataMethodName, params: unknown, ctx: ServiceContext): unknown {
  const handler = dataMethods[method] as DataMethod<typeof method>;
  return handler(params as ParamsOf<typeof method>, ctx);
}
