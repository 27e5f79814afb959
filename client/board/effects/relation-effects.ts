/**
 * Relations against the daemon: link from the picker, unlink after y, and jumping to a
 * related card that is not on the shown board. A refused link (a cycle) keeps the picker
 * open with the daemon's message, which names both tasks.
 */
import { cardName, withMessage } from '../state/board-state.js';
import type { LinkPickerOverlay } from '../state/link-picker.js';
import { mapOverlays, pushOverlay, removeOverlays, type NamedTask } from '../state/overlays.js';
import { selectTask } from '../state/selection.js';
import { LINK_PHRASES, linkParams, UNLINK_PHRASES, type LinkKind } from '../state/task-view-items.js';
import { errorText, showError, showInfo, type EffectContext } from './effect-context.js';
import { loadTaskView, reloadTaskViews } from './form-effects.js';

export async function linkTasks(ctx: EffectContext, picker: LinkPickerOverlay, target: { id: number; ref: string; title: string }): Promise<void> {
  const isPicker = (o: { kind: string; taskId?: number }) => o.kind === 'link' && o.taskId === picker.taskId;
  try {
    await ctx.rpc.call('task.link', linkParams(picker.relation, picker.taskId, target.id));
  } catch (error) {
    const text = errorText(error);
    ctx.store.apply((s) => withMessage(mapOverlays(s, (o) => (isPicker(o) && o.kind === 'link' ? { ...o, busy: false, error: text } : o)), text, 'error'));
    return;
  }
  ctx.store.apply((s) => removeOverlays(s, isPicker));
  showInfo(ctx, `linked: ${cardName(picker)} ${LINK_PHRASES[picker.relation]} ${cardName(target)}`);
  ctx.sync.requestRefresh();
  await reloadTaskViews(ctx);
}

export async function unlinkTasks(ctx: EffectContext, relation: LinkKind, task: NamedTask, other: NamedTask): Promise<void> {
  await ctx.rpc.call('task.unlink', linkParams(relation, task.taskId, other.taskId));
  showInfo(ctx, `unlinked: ${cardName(task)} is no longer ${UNLINK_PHRASES[relation]} ${cardName(other)}`);
  ctx.sync.requestRefresh();
  await reloadTaskViews(ctx);
}

/** The related card is not on the board: archived, or (in principle) in another project. */
export async function jumpToTask(ctx: EffectContext, taskId: number, name: { ref: string; title: string }): Promise<void> {
  let detail;
  try {
    detail = await ctx.rpc.call('task.get', { id: taskId });
  } catch (error) {
    return showError(ctx, error, name);
  }
  if (detail.archivedAt) return showInfo(ctx, `${cardName(detail)} is archived`);
  if (detail.projectId !== ctx.sync.targetProjectId) await ctx.sync.switchProject(detail.projectId);
  else {
    // Maybe made elsewhere since the last snapshot: one refresh decides.
    ctx.sync.requestRefresh();
    await ctx.sync.scheduler.idle();
  }
  const selected = selectTask(ctx.store.state, taskId);
  if (!selected) return showInfo(ctx, `${cardName(detail)} is not on the board`);
  const withoutView = removeOverlays(selected, (o) => o.kind === 'task');
  ctx.store.set(pushOverlay(withoutView, { kind: 'task', taskId, detail: null, gone: false, scroll: 0, selected: null }));
  await loadTaskView(ctx, taskId);
}
