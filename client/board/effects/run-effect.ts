/** Runs one effect the key router asked for; the promise settles when its answer is applied. */
import type { Effect } from './effect.js';
import type { EffectContext } from './effect-context.js';
import { editDescription, editFormDescription, loadForm, loadTaskView, saveForm } from './form-effects.js';
import { loadHistory, reverseChange, reverseOwn } from './history-effects.js';
import { confirmed, submitPrompt } from './prompt-effects.js';
import { archiveCard, loadArchive, unarchiveCard } from './archive-effects.js';
import { startDaemon } from './daemon-effects.js';
import { askDeleteProject, loadProjectCounts } from './project-effects.js';
import { editCommentInEditor } from './comment-effects.js';
import { askDeleteLabel, createFormLabel, recolourLabel } from './label-effects.js';
import { jumpToTask, linkTasks } from './relation-effects.js';

export function runEffect(ctx: EffectContext, effect: Effect): Promise<void> | void {
  switch (effect.kind) {
    case 'quit':
      return ctx.host.quit(0);
    case 'submitPrompt':
      return submitPrompt(ctx, effect.purpose, effect.text, effect.projectId);
    case 'confirmed':
      return confirmed(ctx, effect.purpose);
    case 'switchProject':
      return ctx.sync.switchProject(effect.projectId);
    case 'moveCard':
      return ctx.sync.moveCard(effect.move);
    case 'loadTaskView':
      return loadTaskView(ctx, effect.taskId);
    case 'loadForm':
      return loadForm(ctx, effect.taskId, effect.projectId, effect.focus);
    case 'saveForm':
      return saveForm(ctx, effect.form);
    case 'editDescription':
      return editDescription(ctx, effect.taskId, effect.projectId);
    case 'editFormDescription':
      return editFormDescription(ctx, effect.form);
    case 'queryFilter':
      return ctx.sync.queryFilter(effect.projectId, effect.query);
    case 'archiveCard':
      return archiveCard(ctx, effect);
    case 'loadArchive':
      return loadArchive(ctx, effect.projectId);
    case 'unarchiveCard':
      return unarchiveCard(ctx, effect);
    case 'loadProjectCounts':
      return loadProjectCounts(ctx);
    case 'askDeleteProject':
      return askDeleteProject(ctx, effect.projectId);
    case 'startDaemon':
      return startDaemon(ctx);
    case 'editCommentInEditor':
      return editCommentInEditor(ctx, effect.task, effect.comment);
    case 'linkTasks':
      return linkTasks(ctx, effect.picker, effect.target);
    case 'jumpToTask':
      return jumpToTask(ctx, effect.taskId, effect);
    case 'askDeleteLabel':
      return askDeleteLabel(ctx, effect.labelId, effect.name, effect.projectId);
    case 'recolourLabel':
      return recolourLabel(ctx, effect.labelId, effect.name, effect.color);
    case 'createFormLabel':
      return createFormLabel(ctx, effect.taskId, effect.projectId, effect.name);
    case 'reverseOwn':
      return reverseOwn(ctx, effect.verb);
    case 'reverseChange':
      return reverseChange(ctx, effect.verb, effect.change);
    case 'loadHistory':
      return loadHistory(ctx, effect.projectId);
  }
}
