/**
 * Labels against the daemon: create, rename and recolour from the label manager, delete after
 * a y/n that says how many cards wear the label, and "create label X" from the edit form.
 * Each answer is shown on the board at once, so keys typed behind it act on the result.
 */
import { withMessage } from '../state/board-state.js';
import { pointManagerAt, removeLabel, showLabel } from '../state/label-manager.js';
import { pushOverlay, removeOverlays, updateForm } from '../state/overlays.js';
import { lineInput } from '../state/line-input.js';
import { formLabelChips } from '../state/form-labels.js';
import { errorText, showError, showInfo, type EffectContext } from './effect-context.js';
import { reloadTaskViews } from './form-effects.js';

/** From the manager's name prompt; returns what the status bar says. */
export async function saveLabelName(ctx: EffectContext, labelId: number | null, projectId: number, name: string): Promise<string> {
  if (labelId === null) {
    const label = await ctx.rpc.call('label.create', { projectId, name });
    ctx.store.apply((s) => pointManagerAt(showLabel(s, label), label.id));
    ctx.sync.requestRefresh();
    return `created label "${label.name}"`;
  }
  const before = ctx.store.state.board?.labels.find((l) => l.id === labelId)?.name;
  const label = await ctx.rpc.call('label.update', { id: labelId, name });
  ctx.store.apply((s) => pointManagerAt(showLabel(s, label), label.id));
  ctx.sync.requestRefresh();
  void reloadTaskViews(ctx);
  return before ? `renamed label "${before}" to "${label.name}"` : `renamed the label to "${label.name}"`;
}

export async function recolourLabel(ctx: EffectContext, labelId: number, name: string, color: string): Promise<void> {
  try {
    const label = await ctx.rpc.call('label.update', { id: labelId, color });
    ctx.store.apply((s) => removeOverlays(showLabel(s, label), (o) => o.kind === 'colour'));
    showInfo(ctx, `label "${label.name}" is now ${label.color}`);
    ctx.sync.requestRefresh();
    void reloadTaskViews(ctx);
  } catch (error) {
    ctx.store.apply((s) => ({ ...s, overlays: s.overlays.map((o) => (o.kind === 'colour' ? { ...o, busy: false, error: errorText(error) } : o)) }));
    ctx.store.apply((s) => withMessage(s, `cannot recolour label "${name}": ${errorText(error)}`, 'error'));
  }
}

/** Counts every card wearing the label, archived ones too (they lose it as well), then asks. */
export async function askDeleteLabel(ctx: EffectContext, labelId: number, name: string, projectId: number): Promise<void> {
  let count: number;
  let archived: number;
  try {
    const [live, old] = await Promise.all([ctx.rpc.call('task.list', { projectId, labelId }), ctx.rpc.call('task.list', { projectId, labelId, archived: true })]);
    count = live.length + old.length;
    archived = old.length;
  } catch (error) {
    return showError(ctx, error);
  }
  const cards = count === 0 ? 'No card wears it.' : `${count} card${count === 1 ? ' wears' : 's wear'} it${archived > 0 ? ` (${archived} archived)` : ''} and will lose it.`;
  ctx.store.apply((s) =>
    pushOverlay(s, { kind: 'confirm', title: 'Delete label', text: `Delete the label "${name}"? ${cards}`, purpose: { action: 'deleteLabel', labelId, name, cardCount: count } }),
  );
}

export async function deleteLabel(ctx: EffectContext, labelId: number, name: string, cardCount: number): Promise<void> {
  await ctx.rpc.call('label.delete', { id: labelId });
  ctx.store.apply((s) => removeLabel(s, labelId));
  showInfo(ctx, `deleted label "${name}"${cardCount > 0 ? ` (worn by ${cardCount} card${cardCount === 1 ? '' : 's'})` : ''}`);
  ctx.sync.requestRefresh();
  void reloadTaskViews(ctx);
}

/** The edit form's "create label X": the label exists at once; the form's task wears it once saved. */
export async function createFormLabel(ctx: EffectContext, taskId: number, projectId: number, name: string): Promise<void> {
  try {
    const label = await ctx.rpc.call('label.create', { projectId, name });
    ctx.store.apply((s) =>
      updateForm(showLabel(s, label), taskId, (f) => {
        const labels = [...f.labels.filter((l) => l.id !== label.id), label];
        const next = { ...f, labels, labelIds: [...f.labelIds, label.id], labelQuery: lineInput(), error: null };
        return { ...next, labelCursor: Math.max(0, formLabelChips(next).findIndex((c) => c.kind === 'label' && c.label.id === label.id)) };
      }),
    );
    const task = ctx.store.state.overlays.find((o) => o.kind === 'form' && o.form.taskId === taskId);
    const ref = task?.kind === 'form' ? task.form.ref : `task ${taskId}`;
    showInfo(ctx, `created label "${label.name}" (${ref} wears it once you save)`);
    ctx.sync.requestRefresh();
  } catch (error) {
    ctx.store.apply((s) => updateForm(s, taskId, (f) => ({ ...f, error: errorText(error) })));
    showError(ctx, error);
  }
}
