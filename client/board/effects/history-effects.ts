/**
 * Undo and redo against the daemon, and the history lists. `u` and Ctrl+R take the board's
 * own stacks (state/own-changes.ts) after every change this board sent has been looked up,
 * so `L u` undoes that very move; input waits for their answer (see holdsInput). Each says
 * what it did, or why the daemon refused (a conflict names the later change and who made it).
 */
import type { Change } from '../../../shared/protocol/index.js';
import { findTask, withMessage } from '../state/board-state.js';
import { showHistory, showTaskHistory } from '../state/history-list.js';
import { forgetOwnChange, markRedone, markUndone, nextRedo, nextUndo, type OwnChange, type OwnChanges } from '../state/own-changes.js';
import { projectsOfOpen } from '../state/overlays.js';
import { isKind, showError, showInfo, type EffectContext } from './effect-context.js';

type Verb = 'undo' | 'redo';

/** The project's history is shown this far back; older changes are a `paso log` away. */
const HISTORY_LIMIT = 200;
const TASK_HISTORY_LIMIT = 20;

/** `u` / Ctrl+R: the board's own last change (undo) or last undo (redo). */
export async function reverseOwn(ctx: EffectContext, verb: Verb): Promise<void> {
  await ctx.tracker.settled();
  const own = ctx.store.state.own;
  const entry = verb === 'undo' ? nextUndo(own) : nextRedo(own);
  if (!entry) return showInfo(ctx, verb === 'undo' ? 'nothing to undo: this board has made no change yet' : 'nothing to redo');
  await reverse(ctx, verb, entry.seq, entry, true);
}

/** From the history view: the selected change, whoever made it. */
export async function reverseChange(ctx: EffectContext, verb: Verb, change: Change): Promise<void> {
  await ctx.tracker.settled();
  await reverse(ctx, verb, change.seq, change, false);
}

async function reverse(ctx: EffectContext, verb: Verb, seq: number, original: Pick<OwnChange, 'summary' | 'taskIds'>, byKey: boolean): Promise<void> {
  let done: Change;
  try {
    done = await ctx.rpc.call(verb === 'undo' ? 'history.undo' : 'history.redo', { seq });
  } catch (error) {
    const text = refusal(ctx, verb, original, error);
    // Refused for good (or already done elsewhere): the next key tries the change before.
    const final = byKey && (isKind(error, 'conflict') || isKind(error, 'validation') || isKind(error, 'not_found'));
    ctx.store.apply((s) => withMessage(final ? withOwn(s, forgetOwnChange(s.own, seq)) : s, text, 'error'));
    return;
  }
  // The daemon's own line for it: `undid: moved WEB-3 Todo → Done`.
  ctx.store.apply((s) => withMessage(withOwn(s, verb === 'undo' ? markUndone(s.own, seq) : markRedone(s.own, seq)), done.summary));
  ctx.sync.requestRefresh();
}

function withOwn<S extends { own: OwnChanges }>(state: S, own: OwnChanges): S {
  return own === state.own ? state : { ...state, own };
}

/** `cannot undo: WEB-3 was changed since by bob (renamed WEB-3 …)`, or the daemon's reason. */
export function refusal(ctx: EffectContext, verb: Verb, original: Pick<OwnChange, 'summary' | 'taskIds'>, error: unknown): string {
  const later = isKind(error, 'conflict') ? (error.details.change as Change | undefined) : undefined;
  if (!later || typeof later !== 'object') return `cannot ${verb}: ${error instanceof Error ? error.message : String(error)}`;
  const shared = original.taskIds.find((id) => later.taskIds.includes(id));
  const task = shared === undefined ? null : findTask(ctx.store.state.board, shared);
  const what = task ? task.ref : `"${original.summary}"`;
  return `cannot ${verb}: ${what} was changed since by ${who(later)} (${later.summary})`;
}

export function who(change: Pick<Change, 'actor' | 'client'>): string {
  return change.actor ?? change.client ?? 'someone';
}

/** Opens (or refreshes) the project's history view. */
export async function loadHistory(ctx: EffectContext, projectId: number): Promise<void> {
  try {
    const changes = await ctx.rpc.call('history.list', { projectId, limit: HISTORY_LIMIT });
    ctx.store.apply((s) => showHistory(s, projectId, changes));
  } catch (error) {
    showError(ctx, error);
  }
}

/** After a refresh: open history views follow every change (they are live too). */
export async function reloadHistoryViews(ctx: EffectContext): Promise<void> {
  for (const projectId of projectsOfOpen(ctx.store.state, 'history')) await loadHistory(ctx, projectId);
}

/** The task view's history of its task. */
export async function loadTaskHistory(ctx: EffectContext, taskId: number): Promise<void> {
  try {
    const history = await ctx.rpc.call('history.list', { taskId, limit: TASK_HISTORY_LIMIT });
    ctx.store.apply((s) => showTaskHistory(s, taskId, history));
  } catch {
    // The task view still shows the task; the next refresh asks again.
  }
}
