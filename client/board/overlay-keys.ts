/** Keys while a dialog is open: each dialog reads its own keys; the board below waits. */
import { errorText, type BoardContext } from './board-context.js';
import { popOverlay, replaceTopOverlay } from './board-state.js';
import { editDescriptionExternally, openEditForm, saveForm, updateForm } from './form-actions.js';
import { formKey, rebaseForm, reloadForm } from './forms.js';
import { maxHelpScroll } from './help-overlay.js';
import type { KeyPress } from './key-press.js';
import { editLine, inputValue } from './line-input.js';
import type { ConfirmOverlay, Overlay, PromptOverlay } from './overlay.js';
import type { RenderOptions } from './render-board.js';
import { maxTaskViewScroll } from './task-view.js';

const SCROLL_KEYS: Record<string, number> = { j: 1, DOWN: 1, k: -1, UP: -1, PAGE_DOWN: 10, PAGE_UP: -10, ' ': 10 };

export function handleOverlayKey(ctx: BoardContext, overlay: Overlay, key: KeyPress, options: RenderOptions): void {
  switch (overlay.kind) {
    case 'prompt':
      return promptKey(ctx, overlay, key);
    case 'confirm':
      return confirmKey(ctx, overlay, key);
    case 'help': {
      if (key.name === 'ESCAPE' || key.name === 'q' || key.name === '?' || key.name === 'ENTER') return ctx.update(popOverlay);
      const delta = SCROLL_KEYS[key.name];
      if (delta === undefined) return;
      const max = maxHelpScroll(options.bindings, ctx.state.viewport.height);
      return ctx.update((s) => replaceTopOverlay(s, { ...overlay, scroll: Math.max(0, Math.min(max, overlay.scroll + delta)) }));
    }
    case 'task': {
      if (key.name === 'ESCAPE' || key.name === 'q' || key.name === 'ENTER') return ctx.update(popOverlay);
      if (overlay.gone) return;
      if (key.name === 'e') return void openEditForm(ctx, overlay.taskId);
      if (key.name === 'E') return void editDescriptionExternally(ctx, overlay.taskId);
      const delta = SCROLL_KEYS[key.name];
      if (delta === undefined) return;
      const max = maxTaskViewScroll(overlay, ctx.state.board, ctx.state.viewport, options.theme);
      return ctx.update((s) => replaceTopOverlay(s, { ...overlay, scroll: Math.max(0, Math.min(max, overlay.scroll + delta)) }));
    }
    case 'loading':
      if (key.name === 'ESCAPE') ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => o !== overlay) }));
      return;
    case 'form': {
      const step = formKey(overlay.form, key);
      const form = step.form;
      if (form !== overlay.form) ctx.update((s) => replaceTopOverlay(s, { kind: 'form', form }));
      switch (step.command) {
        case 'cancel':
          return ctx.update(popOverlay);
        case 'save':
          return void saveForm(ctx, form);
        case 'editDescription': {
          try {
            const edited = ctx.host.editText(form.description, form.ref);
            if (edited !== null) updateForm(ctx, form.taskId, (f) => ({ ...f, description: edited }));
          } catch (error) {
            updateForm(ctx, form.taskId, (f) => ({ ...f, error: errorText(error) }));
          }
          return;
        }
        case 'reload':
          if (form.conflict) {
            const current = form.conflict;
            updateForm(ctx, form.taskId, (f) => reloadForm(f, current));
          }
          return;
        case 'overwrite':
          if (form.conflict) {
            const rebased = rebaseForm(form, form.conflict);
            updateForm(ctx, form.taskId, () => rebased);
            void saveForm(ctx, rebased);
          }
          return;
      }
    }
  }
}

function promptKey(ctx: BoardContext, prompt: PromptOverlay, key: KeyPress): void {
  if (prompt.busy) return;
  if (key.name === 'ESCAPE') return ctx.update(popOverlay);
  if (key.name === 'ENTER') return void submitPrompt(ctx, prompt);
  const input = editLine(prompt.input, key);
  if (input) ctx.update((s) => replaceTopOverlay(s, { ...prompt, input }));
}

async function submitPrompt(ctx: BoardContext, prompt: PromptOverlay): Promise<void> {
  const text = inputValue(prompt.input).trim();
  if (text === '') return ctx.update(popOverlay);
  const projectId = ctx.state.board?.project.id;
  const setBusy = (busy: boolean) =>
    ctx.update((s) => ({ ...s, overlays: s.overlays.map((o) => (o.kind === 'prompt' && o.purpose === prompt.purpose ? { ...o, busy } : o)) }));
  const close = () => ctx.update((s) => ({ ...s, overlays: s.overlays.filter((o) => !(o.kind === 'prompt' && o.purpose === prompt.purpose)) }));
  setBusy(true);
  try {
    const purpose = prompt.purpose;
    switch (purpose.action) {
      case 'createTask': {
        if (projectId === undefined) break;
        const task = await ctx.rpc.call('task.create', { projectId, title: text, columnId: purpose.columnId });
        close();
        ctx.showInfo(`created ${task.ref}`);
        ctx.requestRefresh({ taskId: task.id });
        return;
      }
      case 'createColumn': {
        if (projectId === undefined) break;
        const params = purpose.afterId === null ? { projectId, name: text } : { projectId, name: text, afterId: purpose.afterId };
        const column = await ctx.rpc.call('column.create', params);
        close();
        ctx.showInfo(`created column ${column.name}`);
        ctx.requestRefresh({ columnId: column.id });
        return;
      }
      case 'renameColumn': {
        const column = await ctx.rpc.call('column.update', { id: purpose.columnId, name: text });
        close();
        ctx.showInfo(`renamed the column to ${column.name}`);
        ctx.requestRefresh();
        return;
      }
      case 'createProject': {
        const project = await ctx.rpc.call('project.create', { name: text });
        close();
        ctx.showInfo(`created project ${project.key}`);
        await ctx.switchProject(project.id);
        return;
      }
    }
    close();
  } catch (error) {
    // The prompt stays open with what was typed, so a rejected name can be fixed.
    setBusy(false);
    ctx.showError(error);
  }
}

function confirmKey(ctx: BoardContext, confirm: ConfirmOverlay, key: KeyPress): void {
  if (key.name === 'n' || key.name === 'N' || key.name === 'ESCAPE' || key.name === 'q') return ctx.update(popOverlay);
  if (key.name !== 'y' && key.name !== 'Y') return;
  ctx.update(popOverlay);
  void confirmed(ctx, confirm);
}

async function confirmed(ctx: BoardContext, confirm: ConfirmOverlay): Promise<void> {
  const purpose = confirm.purpose;
  try {
    if (purpose.action === 'deleteTask') {
      await ctx.rpc.call('task.delete', { id: purpose.taskId });
      ctx.showInfo('card deleted');
    } else {
      await ctx.rpc.call('column.delete', { id: purpose.columnId, force: true });
      ctx.showInfo('column deleted');
    }
    ctx.requestRefresh();
  } catch (error) {
    ctx.showError(error);
  }
}
