/**
 * Archiving from the board: one card (`x`), the done column in one `atomic` call (`A`), and
 * the archive view's list and unarchive. Each answer is applied at once, so keys typed
 * behind it act on the board without the archived card.
 */
import type { TaskDetail } from '../../../shared/protocol/index.js';
import { cardName } from '../state/board-state.js';
import { removeTask } from '../state/board-changes.js';
import { removeArchivedTask, setArchivedTasks } from '../state/manage-overlays.js';
import { closePrompt, projectsOfOpen, setPromptBusy, type PromptPurpose } from '../state/overlays.js';
import { showError, showInfo, type EffectContext } from './effect-context.js';

const DAY_MS = 86_400_000;

export async function archiveCard(ctx: EffectContext, task: { taskId: number; ref: string; title: string }): Promise<void> {
  try {
    await ctx.rpc.call('task.archive', { id: task.taskId });
    ctx.store.apply((s) => removeTask(s, task.taskId));
    showInfo(ctx, `archived ${cardName(task)} (v: archived cards)`);
    ctx.sync.requestRefresh();
  } catch (error) {
    showError(ctx, error, task);
  }
}

/** `14`, `14d` or `2w`: days; empty: every card. */
export function parseAgeInput(text: string): { days: number | null } | { error: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { days: null };
  const match = /^([0-9]{1,5})\s*([dw]?)$/.exec(trimmed);
  if (!match) return { error: `"${text.trim()}" is not an age: type days (14 or 14d), weeks (2w), or nothing for all` };
  return { days: Number(match[1]) * (match[2] === 'w' ? 7 : 1) };
}

export async function archiveDone(ctx: EffectContext, purpose: Extract<PromptPurpose, { action: 'archiveDone' }>, text: string, projectId: number | null): Promise<void> {
  const age = parseAgeInput(text);
  if ('error' in age) {
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    return showError(ctx, age.error);
  }
  if (projectId === null) return ctx.store.apply((s) => closePrompt(s, purpose));
  try {
    const cutoff = age.days === null ? Infinity : Date.now() - age.days * DAY_MS;
    const tasks = (await ctx.rpc.call('task.list', { projectId, columnId: purpose.columnId })).filter((t) => Date.parse(t.updatedAt) <= cutoff);
    const older = age.days === null ? '' : ` not updated for ${age.days} day${age.days === 1 ? '' : 's'}`;
    ctx.store.apply((s) => closePrompt(s, purpose));
    if (tasks.length === 0) return showInfo(ctx, `nothing to archive in ${purpose.name}${older}`);
    // One transaction and one change in the history: all archived or none.
    const archived = (await ctx.rpc.call('atomic', { calls: tasks.map((t) => ({ method: 'task.archive', params: { id: t.id } })) })) as TaskDetail[];
    ctx.store.apply((s) => archived.reduce((acc, t) => removeTask(acc, t.id), s));
    const refs = archived.map((t) => t.ref);
    const named = refs.length <= 5 ? refs.join(', ') : `${refs.slice(0, 5).join(', ')} and ${refs.length - 5} more`;
    showInfo(ctx, `archived ${archived.length} card${archived.length === 1 ? '' : 's'} from ${purpose.name}${older}: ${named}`);
    ctx.sync.requestRefresh();
  } catch (error) {
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    showError(ctx, error);
  }
}

export async function loadArchive(ctx: EffectContext, projectId: number): Promise<void> {
  try {
    const tasks = await ctx.rpc.call('task.list', { projectId, archived: true });
    ctx.store.apply((s) => setArchivedTasks(s, projectId, tasks));
  } catch (error) {
    showError(ctx, error);
  }
}

/** Re-reads open archive views (after a refresh: someone may have archived or unarchived). */
export async function reloadArchiveViews(ctx: EffectContext): Promise<void> {
  for (const id of projectsOfOpen(ctx.store.state, 'archive')) await loadArchive(ctx, id);
}

export async function unarchiveCard(ctx: EffectContext, task: { taskId: number; ref: string; title: string }): Promise<void> {
  try {
    const back = await ctx.rpc.call('task.unarchive', { id: task.taskId });
    ctx.store.apply((s) => removeArchivedTask(s, task.taskId));
    const column = ctx.store.state.board?.columns.find((c) => c.id === back.columnId);
    showInfo(ctx, `unarchived ${cardName(task)}${column ? ` (back at the end of ${column.name})` : ''}`);
    ctx.sync.requestRefresh({ taskId: task.taskId });
  } catch (error) {
    showError(ctx, error, task);
  }
}
