/**
 * Validated params -> service -> one transaction -> commit. Each call (and each `atomic`
 * call as a whole) is one transaction; if it changed data, the persisted seq is bumped in
 * that same transaction, so a commit and its seq are durable together.
 */
import { invalidParams, PasoError } from '../shared/errors.js';
import type { ParamsOf } from '../shared/protocol/params.js';
import { ChangeSet, notifiedProjectId, type Change } from './change-set.js';
import { bumpSeq } from './db/change-seq.js';
import type { SyncDb } from './db/sync-db.js';
import { recordChange, type ChangeOrigin } from './history/record-change.js';
import { isMethodName, validateParams } from './param-validation.js';
import type { ServiceContext } from './services/context.js';
import { TRANSPORT_METHODS, type DataMethod, type DataMethodName } from './services/data-method.js';
import { dataMethods } from './services/data-methods.js';

const transportMethods: ReadonlySet<string> = new Set(TRANSPORT_METHODS);

export function isDataMethod(name: string): name is DataMethodName {
  return isMethodName(name) && !transportMethods.has(name);
}

export interface CallOutcome {
  result: unknown;
  /** Present when the call committed a change. */
  change?: Change;
}

/** Who a call acts for (the connection's `hello`); recorded with its change. */
export interface Caller {
  actor: string | null;
  client: string | null;
}

const NOBODY: Caller = { actor: null, client: null };

/** Changes the daemon makes on its own (the first run's project). */
const DAEMON_ORIGIN: ChangeOrigin = { method: 'seed', actor: null, client: 'daemon' };

export class Dispatcher {
  constructor(private readonly db: SyncDb) {}

  /** Runs one data method in its own transaction. Params are validated here. */
  call(method: DataMethodName, rawParams: unknown, caller: Caller = NOBODY): CallOutcome {
    const params = validateParams(method, rawParams);
    return this.transact((ctx) => runMethod(method, params, ctx), { method, ...caller });
  }

  /** `atomic`: every call in one transaction, results in order; any failure rolls all back. */
  atomic(rawParams: unknown, caller: Caller = NOBODY): CallOutcome {
    const { calls } = validateParams('atomic', rawParams) as ParamsOf<'atomic'>;
    const prepared = calls.map((call, index) => {
      if (!isDataMethod(call.method)) {
        const why = isMethodName(call.method) ? 'cannot be used inside atomic' : 'is not a method';
        throw invalidParams(`calls[${index}].method: '${call.method}' ${why}`, { index });
      }
      return { method: call.method, params: validateParams(call.method, call.params, `calls[${index}].params`) };
    });
    try {
      return this.transact((ctx) =>
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
        { method: 'atomic', ...caller },
      );
    } catch (error) {
      throw this.withCommittedCurrent(error);
    }
  }

  /**
   * A conflict carries the task as it was read inside the transaction, which may include
   * earlier calls of the same atomic that were just rolled back: read it again, as committed.
   */
  private withCommittedCurrent(error: unknown): unknown {
    if (!(error instanceof PasoError) || error.kind !== 'conflict') return error;
    const current = error.details.current as { id?: number } | undefined;
    if (current?.id === undefined) return error;
    const { result } = this.call('task.get', { id: current.id });
    return new PasoError(error.kind, error.message, { ...error.details, current: result }, error.rpcError);
  }

  /** Runs body in one transaction with a ServiceContext (also used for seeding at start). */
  transact(body: (ctx: ServiceContext) => unknown, origin: ChangeOrigin = DAEMON_ORIGIN): CallOutcome {
    const changes = new ChangeSet();
    const now = new Date().toISOString();
    const ctx: ServiceContext = { db: this.db, now, origin, touch: (projectId, options) => changes.touch(projectId, options) };
    let seq = 0;
    const result = this.db.transaction(() => {
      const value = body(ctx);
      if (changes.touched) {
        seq = bumpSeq(this.db);
        // The change log's hook: same transaction, same seq (daemon/history/).
        recordChange(this.db, { seq, at: now, projectId: notifiedProjectId(changes) }, origin);
      }
      return value;
    });
    if (!changes.touched) return { result };
    return { result, change: { seq, at: now, projectIds: changes.projectIds, everyone: changes.everyone } };
  }
}

function runMethod(method: DataMethodName, params: unknown, ctx: ServiceContext): unknown {
  const handler = dataMethods[method] as DataMethod<typeof method>;
  return handler(params as ParamsOf<typeof method>, ctx);
}

