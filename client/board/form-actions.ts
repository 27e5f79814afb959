/**
 * The task view and the edit form against the daemon: loading a task, saving with
 * expectedVersion, and the conflict question when the task changed in another terminal.
 */
import { PasoError } from '../../shared/errors.js';
import type { TaskDetail } from '../../shared/protocol/index.js';
import { errorText, type BoardContext } from './board-context.js';
import { findTask, pushOverlay, topOverlay, type BoardState } from './board-state.js';
import { formChanges, hasChanges, loadingForm, openForm, type EditForm, type FormField } from './forms.js';
import type { LoadingOverlay, Overlay } from './overlay.js';

/** Applies fn to the overlays that match, wherever they are in the stack. */
export function mapOverlays(state: BoardState, fn: (overlay: Overlay) => Overlay): BoardState {
  return { ...state, overlays: state.overlays.map(fn) };
}

export function updateForm(ctx: BoardContext, taskId: number, fn: (form: EditForm) => EditForm): void {
  ctx.update((s) => mapOverlays(s, (o) => (o.kind === 'form' && o.form.taskId === taskId ? { kind: 'form', form: fn(o.form) } : o)));
}

function closeForm(ctx: BoardContext, taskId: number): void {
  ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => !(o.kind === 'form' && o.form.taskId === taskId)) }));
}

export async function openTaskView(ctx: BoardContext, taskId: number): Promise<void> {
  ctx.update((s) => pushOverlay(s, { kind: 'task', taskId, detail: null, gone: false, scroll: 0 }));
  await reloadTaskViews(ctx);
}

/** Re-reads the task shown in any open task view (after a refresh: it is live too). */
export async function reloadTaskViews(ctx: BoardContext): Promise<void> {
  const ids = new Set(ctx.state.overlays.flatMap((o) => (o.kind === 'task' ? [o.taskId] : [])));
  for (const taskId of ids) {
    let detail: TaskDetail | null = null;
    let gone = false;
    try {
      detail = await ctx.rpc.call('task.get', { id: taskId });
    } catch (error) {
      if (error instanceof PasoError && error.kind === 'not_found') gone = true;
      else return ctx.showError(error);
    }
    ctx.update((s) =>
      mapOverlays(s, (o) => (o.kind === 'task' && o.taskId === taskId ? { ...o, detail: detail ?? o.detail, gone } : o)),
    );
  }
}

/** The form opens at once (loading), so the keys typed right after `e` land in it. */
export async function openEditForm(ctx: BoardContext, taskId: number, focus: FormField = 'title'): Promise<void> {
  const project = ctx.state.board?.project;
  if (!project) return;
  const ref = findTask(ctx.state.board, taskId)?.ref ?? '';
  ctx.update((s) => pushOverlay(s, { kind: 'form', form: loadingForm(taskId, ref, focus) }));
  const isLoading = (o: Overlay) => o.kind === 'form' && o.form.taskId === taskId && o.form.loading;
  try {
    const [detail, labels] = await Promise.all([ctx.rpc.call('task.get', { id: taskId }), ctx.rpc.call('label.list', { projectId: project.id })]);
    // Cancelled meanwhile (Esc, or a project switch): nothing to fill.
    updateForm(ctx, taskId, (f) => (f.loading ? openForm(detail, labels, f.focus) : f));
  } catch (error) {
    if (!ctx.state.overlays.some(isLoading)) return;
    ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => !isLoading(o)) }));
    ctx.showError(error);
  }
}

/** `E`: the description in $EDITOR, saved at once; a conflict opens the form to settle it. */
export async function editDescriptionExternally(ctx: BoardContext, taskId: number): Promise<void> {
  const project = ctx.state.board?.project;
  if (!project) return;
  // Keys typed while the description loads go to this overlay, not the board below.
  const loading: LoadingOverlay = { kind: 'loading', title: findTask(ctx.state.board, taskId)?.ref ?? 'Task' };
  ctx.update((s) => pushOverlay(s, loading));
  let detail: TaskDetail;
  try {
    detail = await ctx.rpc.call('task.get', { id: taskId });
  } catch (error) {
    if (!ctx.state.overlays.includes(loading)) return;
    ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => o !== loading) }));
    return ctx.showError(error);
  }
  if (!ctx.state.overlays.includes(loading)) return;
  ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => o !== loading) }));
  let edited: string | null;
  try {
    edited = ctx.host.editText(detail.description, detail.ref);
  } catch (error) {
    return ctx.showError(error);
  }
  if (edited === null || edited === detail.description) return ctx.showInfo('description unchanged');
  try {
    await ctx.rpc.call('task.update', { id: taskId, description: edited, expectedVersion: detail.version });
    ctx.showInfo(`saved the description of ${detail.ref}`);
    ctx.requestRefresh();
    void reloadTaskViews(ctx);
  } catch (error) {
    if (!(error instanceof PasoError && error.kind === 'conflict')) return ctx.showError(error);
    const labels = await ctx.rpc.call('label.list', { projectId: project.id }).catch(() => []);
    const form = { ...openForm(detail, labels, 'description'), description: edited };
    ctx.update((s) => pushOverlay(s, { kind: 'form', form }));
    await settleConflict(ctx, form, error);
  }
}

/** Saves what changed since the form opened, guarded by the version the edit started from. */
export async function saveForm(ctx: BoardContext, form: EditForm): Promise<void> {
  const changes = formChanges(form);
  if (!hasChanges(changes)) {
    closeForm(ctx, form.taskId);
    return ctx.showInfo('nothing changed');
  }
  updateForm(ctx, form.taskId, (f) => ({ ...f, saving: true, error: null }));
  try {
    // One transaction: all or nothing, and the version check (task.update checks it even
    // when no field changed) covers the labels too, which task.setLabels alone cannot.
    const update = { method: 'task.update', params: { id: form.taskId, ...changes.fields, expectedVersion: form.baseVersion } };
    if (changes.labelIds) {
      await ctx.rpc.call('atomic', { calls: [update, { method: 'task.setLabels', params: { id: form.taskId, labelIds: changes.labelIds } }] });
    } else {
      await ctx.rpc.call('task.update', update.params);
    }
    closeForm(ctx, form.taskId);
    ctx.showInfo(`saved ${form.ref}`);
    ctx.requestRefresh({ taskId: form.taskId });
    void reloadTaskViews(ctx);
  } catch (error) {
    if (error instanceof PasoError && error.kind === 'conflict') return settleConflict(ctx, form, error);
    updateForm(ctx, form.taskId, (f) => ({ ...f, saving: false, error: errorText(error) }));
  }
}

async function settleConflict(ctx: BoardContext, form: EditForm, error: PasoError): Promise<void> {
  let current = error.details.current as TaskDetail | undefined;
  if (!current || typeof current !== 'object') {
    try {
      current = await ctx.rpc.call('task.get', { id: form.taskId });
    } catch (getError) {
      return updateForm(ctx, form.taskId, (f) => ({ ...f, saving: false, error: errorText(getError) }));
    }
  }
  const latest = current;
  updateForm(ctx, form.taskId, (f) => ({ ...f, saving: false, conflict: latest }));
}

export function formOnTop(state: BoardState): EditForm | null {
  const top = topOverlay(state);
  return top?.kind === 'form' ? top.form : null;
}
