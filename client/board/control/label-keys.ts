/** Keys in the label manager and in its colour picker, as pure functions. */
import { step, type Step } from '../effects/effect.js';
import { withMessage, type BoardState } from '../state/board-state.js';
import { boardLabels, chosenColour, LABEL_PALETTE, openColourPicker, type ColourPickerOverlay, type LabelManagerOverlay } from '../state/label-manager.js';
import { editLine, lineInput } from '../state/line-input.js';
import { popOverlay, pushOverlay, replaceTopOverlay } from '../state/overlays.js';
import type { KeyPress } from './input-event.js';

export function labelManagerKey(state: BoardState, manager: LabelManagerOverlay, key: KeyPress): Step {
  const labels = boardLabels(state.board);
  const project = state.board?.project;
  const cursor = Math.max(0, Math.min(manager.cursor, labels.length - 1));
  const label = labels[cursor];
  switch (key.name) {
    case 'ESCAPE':
    case 'q':
      return step(popOverlay(state));
    case 'j':
    case 'DOWN':
      return step(replaceTopOverlay(state, { ...manager, cursor: Math.min(labels.length - 1, cursor + 1) }));
    case 'k':
    case 'UP':
      return step(replaceTopOverlay(state, { ...manager, cursor: Math.max(0, cursor - 1) }));
    case 'a':
    case 'n':
      return step(pushOverlay(state, { kind: 'prompt', title: `New label in ${project?.key ?? 'this project'}`, input: lineInput(), purpose: { action: 'createLabel' }, busy: false }));
  }
  if (!label || !project) return key.name === 'r' || key.name === 'c' || key.name === 'd' ? step(withMessage(state, 'no labels yet: press a to add one')) : step(state);
  switch (key.name) {
    case 'r':
    case 'ENTER':
      return step(
        pushOverlay(state, { kind: 'prompt', title: `Rename label "${label.name}"`, input: lineInput(label.name), purpose: { action: 'renameLabel', labelId: label.id, name: label.name }, busy: false }),
      );
    case 'c':
      return step(pushOverlay(state, openColourPicker(label)));
    case 'd':
      return step(state, { kind: 'askDeleteLabel', labelId: label.id, name: label.name, projectId: project.id });
  }
  return step(state);
}

export function colourPickerKey(state: BoardState, picker: ColourPickerOverlay, key: KeyPress): Step {
  if (picker.busy) return step(state);
  const set = (changes: Partial<ColourPickerOverlay>) => step(replaceTopOverlay(state, { ...picker, error: null, ...changes }));
  const count = LABEL_PALETTE.length;
  switch (key.name) {
    case 'ESCAPE':
      return step(popOverlay(state));
    case 'LEFT':
    case 'SHIFT_TAB':
      return set({ cursor: (picker.cursor - 1 + count) % count, input: lineInput() });
    case 'RIGHT':
    case 'TAB':
      return set({ cursor: (picker.cursor + 1) % count, input: lineInput() });
    case 'ENTER': {
      const chosen = chosenColour(picker);
      if (!chosen.ok) return set({ error: chosen.error });
      return step(replaceTopOverlay(state, { ...picker, busy: true, error: null }), { kind: 'recolourLabel', labelId: picker.labelId, name: picker.name, color: chosen.hex });
    }
  }
  const input = editLine(picker.input, key);
  return input ? set({ input }) : step(state);
}
