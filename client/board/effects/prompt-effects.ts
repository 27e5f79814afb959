/**
 * What a submitted prompt or a confirmed question does: create a card, a column or a project,
 * rename a column, delete a card or a column. Each answer is applied to the board at once, so
 * the input typed behind it acts on the result. A rejected prompt stays open with its text.
 */
import { cardName } from '../state/board-state.js';
import { addCreatedTask, removeColumn, removeTask, showColumn } from '../state/board-changes.js';
import { closePrompt, setPromptBusy, type ConfirmPurpose, type PromptPurpose } from '../state/overlays.js';
import { deleteComment, saveComment } from './comment-effects.js';
import { showError, showInfo, type EffectContext } from './effect-context.js';
import { archiveDone } from './archive-effects.js';
import { setWipLimit } from './column-limit-effects.js';
import { deleteProject, updateProject } from './project-effects.js';
import { overLimitText } from '../state/wip-limits.js';
import { deleteLabel, saveLabelName } from './label-effects.js';
import { unlinkTasks } from './relation-effects.js';

export async function submitPrompt(ctx: EffectContext, purpose: PromptPurpose, text: string, projectId: number | null): Promise<void> {
  try {
    switch (purpose.action) {
      case 'createTask': {
        if (projectId === null) break;
        const task = await ctx.rpc.call('task.create', { projectId, title: text, columnId: purpose.columnId });
        ctx.store.apply((s) => addCreatedTask(closePrompt(s, purpose), task));
        const over = overLimitText(ctx.store.state.board, task.columnId);
        showInfo(ctx, over ? `created ${cardName(task)}; ${over}` : `created ${cardName(task)}`);
        ctx.sync.requestRefresh({ taskId: task.id });
        return;
      }
      case 'createColumn': {
        if (projectId === null) break;
        const params = purpose.afterId === null ? { projectId, name: text } : { projectId, name: text, afterId: purpose.afterId };
        const column = await ctx.rpc.call('column.create', params);
        ctx.store.apply((s) => showColumn(closePrompt(s, purpose), column, true));
        showInfo(ctx, `created column "${column.name}"`);
        ctx.sync.requestRefresh({ columnId: column.id });
        return;
      }
      case 'renameColumn': {
        const before = ctx.store.state.board?.columns.find((c) => c.id === purpose.columnId)?.name;
        const column = await ctx.rpc.call('column.update', { id: purpose.columnId, name: text });
        ctx.store.apply((s) => showColumn(closePrompt(s, purpose), column, false));
        showInfo(ctx, before ? `renamed column "${before}" to "${column.name}"` : `renamed the column to "${column.name}"`);
        ctx.sync.requestRefresh();
        return;
      }
      case 'addComment':
      case 'editComment': {
        const task = { taskId: purpose.taskId, ref: purpose.ref, title: purpose.title };
        const said = await saveComment(ctx, task, purpose.action === 'editComment' ? purpose.commentId : null, text);
        ctx.store.apply((s) => closePrompt(s, purpose));
        showInfo(ctx, said);
        return;
      }
      case 'createLabel':
      case 'renameLabel': {
        if (projectId === null) break;
        const said = await saveLabelName(ctx, purpose.action === 'renameLabel' ? purpose.labelId : null, projectId, text);
        ctx.store.apply((s) => closePrompt(s, purpose));
        showInfo(ctx, said);
        return;
      }
      case 'createProject': {
        const project = await ctx.rpc.call('project.create', { name: text });
        ctx.store.apply((s) => closePrompt(s, purpose));
        await ctx.sync.switchProject(project.id);
        showInfo(ctx, `created project ${project.key} "${project.name}"`);
        return;
      }
      case 'setWipLimit':
        return setWipLimit(ctx, purpose, text);
      case 'archiveDone':
        return archiveDone(ctx, purpose, text, projectId);
      case 'renameProject':
      case 'changeProjectKey':
        return updateProject(ctx, purpose, text);
    }
    ctx.store.apply((s) => closePrompt(s, purpose));
  } catch (error) {
    // The prompt stays open with what was typed, so a rejected name can be fixed.
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    showError(ctx, error);
  }
}

export async function confirmed(ctx: EffectContext, purpose: ConfirmPurpose): Promise<void> {
  if (purpose.action === 'deleteProject') return deleteProject(ctx, purpose);
  try {
    if (purpose.action === 'deleteComment') {
      return await deleteComment(ctx, { taskId: purpose.taskId, ref: purpose.ref, title: purpose.title }, purpose.commentId);
    }
    if (purpose.action === 'unlink') return await unlinkTasks(ctx, purpose.relation, purpose.task, purpose.other);
    if (purpose.action === 'deleteLabel') return await deleteLabel(ctx, purpose.labelId, purpose.name, purpose.cardCount);
    if (purpose.action === 'deleteTask') {
      await ctx.rpc.call('task.delete', { id: purpose.taskId });
      ctx.store.apply((s) => removeTask(s, purpose.taskId));
      showInfo(ctx, `deleted ${cardName(purpose)}`);
    } else {
      await ctx.rpc.call('column.delete', { id: purpose.columnId, force: true });
      ctx.store.apply((s) => removeColumn(s, purpose.columnId));
      const cards = purpose.cardCount === 0 ? '' : ` and its ${purpose.cardCount} card${purpose.cardCount === 1 ? '' : 's'}`;
      showInfo(ctx, `deleted column "${purpose.name}"${cards}`);
    }
    ctx.sync.requestRefresh();
  } catch (error) {
    showError(ctx, error, purpose.action === 'deleteTask' ? purpose : undefined);
  }
}
