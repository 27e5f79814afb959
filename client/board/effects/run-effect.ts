/** Runs one effect the key router asked for; the promise settles when its answer is applied. */
import type { Effect } from './effect.js';
import type { EffectContext } from './effect-context.js';
import { editDescription, editFormDescription, loadForm, loadTaskView, saveForm } from './form-effects.js';
import { loadHistory, reverseChange, reverseOwn } from './history-effects.js';
import { confirmed, submitPrompt } from './prompt-effects.js';

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
    case 'reverseOwn':
      return reverseOwn(ctx, effect.verb);
    case 'reverseChange':
      return reverseChange(ctx, effect.verb, effect.change);
    case 'loadHistory':
      return loadHistory(ctx, effect.projectId);
  }
}
