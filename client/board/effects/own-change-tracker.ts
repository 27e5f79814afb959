/**
 * Learns the seq of every change this board makes, so `u` undoes the board's own last change
 * and never another terminal's. It wraps the board's one RPC client, so every mutation any
 * effect sends (also ones added later) is seen without the effect knowing.
 *
 * A mutation's reply carries no seq, so after each one that succeeded the tracker reads the
 * history around it and takes the change that is this call: recorded by a board, with the
 * same method and task, newer than any seq the board had seen when it sent the call (so
 * made after it), not already claimed, and, when the reply carries `updatedAt`, committed at
 * that very instant (the daemon stamps a change and the rows it writes with one time).
 * Undo and redo (history.undo/redo) answer with their Change and are handled by their
 * effects; they do not count as new changes.
 *
 * Why not a per-board actor: the person's name must show in history, and a team's host
 * fixes the actor of a connection to the person's name (`paso bridge --actor`, CONTRACT §8),
 * so two boards of one person could not be told apart by actor anyway.
 */
import type { Change, MethodName, ParamsOf, ResultOf } from '../../../shared/protocol/index.js';
import { methodTraits } from '../../../shared/protocol/method-traits.js';
import { isOwnChange, recordOwnChange } from '../state/own-changes.js';
import type { Store } from '../state/store.js';
import type { BoardRpc } from './effect-context.js';

/**
 * Calls that make no change of the board's own: those that change nothing (reads, the
 * connection, the host), and undo/redo, which move along the stacks instead of onto them.
 */
function makesOwnChange(method: MethodName): boolean {
  const { effect } = methodTraits[method];
  if (effect === 'read' || effect === 'connection' || effect === 'host') return false;
  return method !== 'history.undo' && method !== 'history.redo';
}

/** How far back to look for the change a call made (others may commit in between). */
const LOOK_BACK_TASK = 20;
const LOOK_BACK_ANY = 100;

/** What identifies the change one call made, as far as the call and its reply tell. */
export interface CallPrint {
  method: string;
  /** The seq the board had seen when it sent the call: the change is newer. */
  after: number;
  taskId: number | null;
  /** The reply's updatedAt: the change's `at`. */
  at: string | null;
}

export class OwnChangeTracker implements BoardRpc {
  /** Settles once every own change sent so far has been confirmed and looked up. */
  private pending: Promise<void> = Promise.resolve();
  private seenSeq = 0;

  constructor(
    private readonly inner: BoardRpc,
    private readonly store: Store,
  ) {}

  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
    const reply = this.inner.call(method, params);
    if (method === 'board.get') void reply.then((board) => this.sawSeq((board as { seq: number }).seq), () => {});
    if (makesOwnChange(method)) {
      const after = this.seenSeq;
      this.pending = this.pending.then(() =>
        reply.then(
          (result) => this.lookUp(callPrint(method, params, result, after)),
          () => {},
        ),
      );
    }
    return reply;
  }

  subscribe(projectId: number | null): Promise<void> {
    return this.inner.subscribe(projectId);
  }

  startDaemon(): Promise<void> {
    return this.inner.startDaemon();
  }

  /** A seq the daemon has reached (db_changed, board.get): later calls make newer changes. */
  sawSeq(seq: number): void {
    if (seq > this.seenSeq) this.seenSeq = seq;
  }

  /** Resolves when every change this board sent so far is on its undo stack (or failed). */
  settled(): Promise<void> {
    return this.pending;
  }

  private async lookUp(print: CallPrint): Promise<void> {
    let changes: Change[];
    try {
      changes =
        print.taskId === null
          ? await this.inner.call('history.list', { limit: LOOK_BACK_ANY })
          : await this.inner.call('history.list', { taskId: print.taskId, limit: LOOK_BACK_TASK });
    } catch {
      // Disconnected: the change stays undoable from the history view, just not by `u`.
      return;
    }
    const own = this.store.state.own;
    const found = pickOwnChange(changes, print, (seq) => isOwnChange(own, seq));
    if (!found) return;
    this.sawSeq(found.seq);
    this.store.apply((s) => ({ ...s, own: recordOwnChange(s.own, { seq: found.seq, summary: found.summary, taskIds: found.taskIds }) }));
  }
}

/** The call's fingerprint from its params and reply. */
export function callPrint(method: string, params: unknown, result: unknown, after: number): CallPrint {
  const p = (params ?? {}) as Record<string, unknown>;
  // atomic: the board's one use is a form save, whose first call names the task.
  const first = method === 'atomic' ? (((p.calls as { params?: Record<string, unknown> }[] | undefined)?.[0]?.params ?? {}) as Record<string, unknown>) : p;
  const reply = (Array.isArray(result) ? result[0] : result) as Record<string, unknown> | null | undefined;
  let taskId: number | null = null;
  if (method.startsWith('task.') || method === 'atomic') taskId = numberOr(first.id) ?? numberOr(first.taskId) ?? numberOr(reply?.id);
  else if (method === 'comment.add') taskId = numberOr(first.taskId);
  const at = typeof reply?.updatedAt === 'string' ? reply.updatedAt : null;
  return { method, after, taskId, at };
}

/** Newest first in `changes`: the match made at the reply's instant, else the newest match. */
export function pickOwnChange(changes: readonly Change[], print: CallPrint, claimed: (seq: number) => boolean): Change | null {
  const matches = changes.filter(
    (c) =>
      c.client === 'board' &&
      c.method === print.method &&
      c.undoes === null &&
      c.seq > print.after &&
      !claimed(c.seq) &&
      (print.taskId === null || c.taskIds.includes(print.taskId)),
  );
  return (print.at === null ? undefined : matches.find((c) => c.at === print.at)) ?? matches[0] ?? null;
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
