/**
 * The task view and the edit form against the daemon: loading a task, saving with
 * expectedVersion, $EDITOR for descriptions, and the conflict question when the task changed
 * in another terminal. Input waits while each of these runs (see holdsInput).
 */
import type { TaskDetail } from '../../../shared/protocol/index.js';
import { findTask, type BoardState } from '../state/board-state.js';
import { formChanges, hasChanges, openForm, type EditForm, type FormField } from '../state/edit-form.js';
import { resolveDue } from '../state/form-due.js';
import { closeForm, mapOverlays, pushOverlay, removeOverlays, updateForm, type Overlay } from '../state/overlays.js';
import { errorText, isKind, showError, showInfo, type EffectContext } from './effect-context.js';
import { loadTaskHistory } from './history-effects.js';

/** The card as the board names it; a task not on the board is named by what the form knows. */
function nameOf(state: BoardState, taskId: number, fallback: { ref: string; title?: string }): { ref: string; title: string } {
  const task = findTask(state.board, taskId);
  return task ?? { ref: fallback.ref, title: fallback.title ?? '' };
}

export async function loadTaskView(ctx: EffectContext, taskId: number): Promise<void> {
  await reloadTaskViews(ctx, [taskId]);
}

/** Re-reads the tasks shown in open task views (after a refresh: they are live too). */
export async function reloadTaskViews(ctx: EffectContext, only?: number[]): Promise<void> {
  const ids = only ?? [...new Set(ctx.store.state.overlays.flatMap((o) => (o.kind === 'task' ? [o.taskId] : [])))];
  for (const taskId of ids) {
    let detail: TaskDetail | null = null;
    let gone = false;
    try {
      detail = await ctx.rpc.call('task.get', { id: taskId });
    } catch (error) {
      if (isKind(error, 'not_found')) gone = true;
      else return showError(ctx, error);
    }
    ctx.store.apply((s) => mapOverlays(s, (o) => (o.kind === 'task' && o.taskId === taskId ? { ...o, detail: detail ?? o.detail, gone } : o)));
    if (!gone) await loadTaskHistory(ctx, taskId);
  }
}

/** Fills the form opened (loading) by the key; a task that cannot be loaded closes it. */
export async function loadForm(ctx: EffectContext, taskId: number, projectId: number, focus: FormField): Promise<void> {
  const isLoading = (o: Overlay) => o.kind === 'form' && o.form.taskId === taskId && o.form.loading;
  const name = nameOf(ctx.store.state, taskId, { ref: `task ${taskId}` });
  try {
    const [detail, labels] = await Promise.all([ctx.rpc.call('task.get', { id: taskId }), ctx.rpc.call('label.list', { projectId })]);
    ctx.store.apply((s) => updateForm(s, taskId, (f) => (f.loading ? openForm(detail, labels, focus) : f)));
  } catch (error) {
    if (!ctx.store.state.overlays.some(isLoading)) return;
    ctx.store.apply((s) => removeOverlays(s, isLoading));
    showError(ctx, error, name);
  }
}

/** Saves what changed since the form opened, guarded by the version the edit started from. */
export async function saveForm(ctx: EffectContext, form: EditForm): Promise<void> {
  const resolved = resolveDue(formChanges(form), new Date());
  if (!resolved.ok) {
    const error = resolved.error;
    ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, saving: false, error, focus: 'dueAt' })));
    return;
  }
  const changes = resolved.changes;
  if (!hasChanges(changes)) {
    ctx.store.apply((s) => closeForm(s, form.taskId));
    return showInfo(ctx, 'nothing changed');
  }
  const name = { ref: form.ref, title: form.original.title };
  try {
    // One transaction: all or nothing, and the version check (task.update checks it even
    // when no field changed) covers the labels too, which task.setLabels alone cannot.
    const update = { method: 'task.update', params: { id: form.taskId, ...changes.fields, expectedVersion: form.baseVersion } };
    if (changes.labelIds) {
      await ctx.rpc.call('atomic', { calls: [update, { method: 'task.setLabels', params: { id: form.taskId, labelIds: changes.labelIds } }] });
    } else {
      await ctx.rpc.call('task.update', update.params);
    }
    ctx.store.apply((s) => closeForm(s, form.taskId));
    const due = changes.fields.dueAt ? ` (due ${changes.fields.dueAt})` : '';
    showInfo(ctx, `saved ${form.ref} "${changes.fields.title ?? form.original.title}"${due}`);
    ctx.sync.requestRefresh({ taskId: form.taskId });
    void reloadTaskViews(ctx);
  } catch (error) {
    if (isKind(error, 'conflict')) return settleConflict(ctx, form, error.details.current);
    if (isKind(error, 'not_found')) {
      ctx.store.apply((s) => closeForm(s, form.taskId));
      return showError(ctx, error, name);
    }
    ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, saving: false, error: errorText(error) })));
  }
}

async function settleConflict(ctx: EffectContext, form: EditForm, sent: unknown): Promise<void> {
  let current = sent as TaskDetail | undefined;
  if (!current || typeof current !== 'object') {
    try {
      current = await ctx.rpc.call('task.get', { id: form.taskId });
    } catch (error) {
      return ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, saving: false, error: errorText(error, { ref: form.ref, title: form.original.title }) })));
    }
  }
  const latest = current;
  ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, saving: false, conflict: latest })));
}

/** Enter on the form's description: $EDITOR now; the text stays in the form until saved. */
export function editFormDescription(ctx: EffectContext, form: EditForm): void {
  try {
    const edited = ctx.host.editText(form.description, form.ref);
    if (edited !== null) ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, description: edited })));
  } catch (error) {
    ctx.store.apply((s) => updateForm(s, form.taskId, (f) => ({ ...f, error: errorText(error) })));
  }
}

/** `E`: the description in $EDITOR, saved at once; a conflict opens the form to settle it. */
export async function editDescription(ctx: EffectContext, taskId: number, projectId: number): Promise<void> {
  const isLoading = (o: Overlay) => o.kind === 'loading';
  const name = nameOf(ctx.store.state, taskId, { ref: `task ${taskId}` });
  let detail: TaskDetail;
  try {
    detail = await ctx.rpc.call('task.get', { id: taskId });
  } catch (error) {
    ctx.store.apply((s) => removeOverlays(s, isLoading));
    return showError(ctx, error, name);
  }
  ctx.store.apply((s) => removeOverlays(s, isLoading));
  let edited: string | null;
  try {
    edited = ctx.host.editText(detail.description, detail.ref);
  } catch (error) {
    return showError(ctx, error);
  }
  if (edited === null || edited === detail.description) return showInfo(ctx, 'description unchanged');
  try {
    await ctx.rpc.call('task.update', { id: taskId, description: edited, expectedVersion: detail.version });
    showInfo(ctx, `saved the description of ${detail.ref} "${detail.title}"`);
    ctx.sync.requestRefresh();
    void reloadTaskViews(ctx);
  } catch (error) {
    if (!isKind(error, 'conflict')) return showError(ctx, error, detail);
    const labels = await ctx.rpc.call('label.list', { projectId }).catch(() => []);
    const form = { ...openForm(detail, labels, 'description'), description: edited };
    ctx.store.apply((s) => pushOverlay(s, { kind: 'form', form }));
    await settleConflict(ctx, form, error.details.current);
  }
}
