/**
 * Keys and pastes while a dialog is open, as pure functions: each dialog reads its own input
 * and the board below waits. A new dialog adds a case here.
 */
import { step, type Step } from '../effects/effect.js';
import { withMessage, type BoardState } from '../state/board-state.js';
import { formKey, pasteIntoForm, rebaseForm, reloadForm } from '../state/edit-form.js';
import { editLine, insertText, inputValue } from '../state/line-input.js';
import { acceptsEmpty, popOverlay, replaceTopOverlay, updateForm, type ConfirmOverlay, type FormOverlay, type Overlay, type PromptOverlay } from '../state/overlays.js';
import type { RenderOptions } from '../view/render-board.js';
import { maxHelpScroll } from '../view/help-view.js';
import { historyKey } from './history-keys.js';
import type { KeyPress } from './input-event.js';
import { archiveViewKey, projectPickerKey } from './manage-keys.js';
import { colourPickerKey, labelManagerKey } from './label-keys.js';
import { linkPickerKey } from './link-picker-keys.js';
import { taskViewKey } from './task-view-keys.js';

const SCROLL_KEYS: Record<string, number> = { j: 1, DOWN: 1, k: -1, UP: -1, PAGE_DOWN: 10, PAGE_UP: -10, ' ': 10 };

export function dialogKey(state: BoardState, overlay: Overlay, key: KeyPress, options: RenderOptions): Step {
  switch (overlay.kind) {
    case 'prompt':
      return promptKey(state, overlay, key);
    case 'confirm':
      return confirmKey(state, overlay, key);
    case 'help': {
      if (key.name === 'ESCAPE' || key.name === 'q' || key.name === '?' || key.name === 'ENTER') return step(popOverlay(state));
      const delta = SCROLL_KEYS[key.name];
      if (delta === undefined) return step(state);
      const max = maxHelpScroll(options.bindings, state.viewport.height);
      return step(replaceTopOverlay(state, { ...overlay, scroll: Math.max(0, Math.min(max, overlay.scroll + delta)) }));
    }
    case 'task':
      return taskViewKey(state, overlay, key, options);
    case 'loading':
      // Input waits while its load runs; a key that still finds it here met a failed load.
      return step(key.name === 'ESCAPE' ? popOverlay(state) : state);
    case 'form':
      return formOverlayKey(state, overlay, key);
    case 'projects':
      return projectPickerKey(state, overlay, key);
    case 'archive':
      return archiveViewKey(state, overlay, key);
    case 'link':
      return linkPickerKey(state, overlay, key);
    case 'labels':
      return labelManagerKey(state, overlay, key);
    case 'colour':
      return colourPickerKey(state, overlay, key);
    case 'history':
      return historyKey(state, overlay, key);
  }
}

function formOverlayKey(state: BoardState, overlay: FormOverlay, key: KeyPress): Step {
  const result = formKey(overlay.form, key);
  const { form, command } = result;
  const next = form === overlay.form ? state : replaceTopOverlay(state, { kind: 'form', form });
  switch (command) {
    case undefined:
      return step(next);
    case 'cancel':
      return step(popOverlay(next));
    case 'save':
      return step(updateForm(next, form.taskId, (f) => ({ ...f, saving: true, error: null })), { kind: 'saveForm', form });
    case 'editDescription':
      return step(next, { kind: 'editFormDescription', form });
    case 'createLabel': {
      const projectId = state.board?.project.id;
      if (projectId === undefined || !result.labelName) return step(next);
      return step(next, { kind: 'createFormLabel', taskId: form.taskId, projectId, name: result.labelName });
    }
    case 'reload': {
      const current = form.conflict;
      return step(current ? updateForm(next, form.taskId, (f) => reloadForm(f, current)) : next);
    }
    case 'overwrite': {
      if (!form.conflict) return step(next);
      const rebased = { ...rebaseForm(form, form.conflict), saving: true, error: null };
      return step(updateForm(next, form.taskId, () => rebased), { kind: 'saveForm', form: rebased });
    }
  }
}

function promptKey(state: BoardState, prompt: PromptOverlay, key: KeyPress): Step {
  if (prompt.busy) return step(state);
  if (key.name === 'ESCAPE') return step(popOverlay(state));
  if (key.name === 'ENTER') {
    const text = inputValue(prompt.input).trim();
    if (text === '' && !acceptsEmpty(prompt.purpose)) return step(popOverlay(state));
    const busy = replaceTopOverlay(state, { ...prompt, busy: true });
    return step(busy, { kind: 'submitPrompt', purpose: prompt.purpose, text, projectId: state.board?.project.id ?? null });
  }
  const input = editLine(prompt.input, key);
  return step(input ? replaceTopOverlay(state, { ...prompt, input }) : state);
}

function confirmKey(state: BoardState, confirm: ConfirmOverlay, key: KeyPress): Step {
  if (key.name === 'n' || key.name === 'N' || key.name === 'ESCAPE' || key.name === 'q') return step(popOverlay(state));
  if (key.name !== 'y' && key.name !== 'Y') return step(state);
  return step(popOverlay(state), { kind: 'confirmed', purpose: confirm.purpose });
}

/** A paste goes whole into the dialog's text field; a dialog without one says so. */
export function dialogPaste(state: BoardState, overlay: Overlay, text: string): Step {
  if (overlay.kind === 'prompt' && !overlay.busy) {
    return step(replaceTopOverlay(state, { ...overlay, input: insertText(overlay.input, text) }));
  }
  if (overlay.kind === 'form') {
    const form = pasteIntoForm(overlay.form, text);
    if (form) return step(replaceTopOverlay(state, { kind: 'form', form }));
    return step(withMessage(state, 'paste ignored: move to the title, description, due or labels field first'));
  }
  if ((overlay.kind === 'link' || overlay.kind === 'colour') && !overlay.busy) {
    return step(replaceTopOverlay(state, { ...overlay, input: insertText(overlay.input, text) }));
  }
  return step(withMessage(state, 'paste ignored: no text field here'));
}
