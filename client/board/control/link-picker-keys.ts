/** Keys in the link picker: type to find, Tab for the relation, arrows to pick, Enter to link. */
import { step, type Step } from '../effects/effect.js';
import type { BoardState } from '../state/board-state.js';
import { editLine, inputValue } from '../state/line-input.js';
import { linkCandidates, type LinkPickerOverlay } from '../state/link-picker.js';
import { popOverlay, replaceTopOverlay } from '../state/overlays.js';
import { LINK_KINDS } from '../state/task-view-items.js';
import type { KeyPress } from './input-event.js';

export function linkPickerKey(state: BoardState, picker: LinkPickerOverlay, key: KeyPress): Step {
  if (picker.busy) return step(state);
  const set = (changes: Partial<LinkPickerOverlay>) => step(replaceTopOverlay(state, { ...picker, error: null, ...changes }));
  const matches = linkCandidates(state.board, picker);
  switch (key.name) {
    case 'ESCAPE':
      return step(popOverlay(state));
    case 'TAB':
    case 'SHIFT_TAB': {
      const delta = key.name === 'TAB' ? 1 : -1;
      const index = LINK_KINDS.indexOf(picker.relation);
      return set({ relation: LINK_KINDS[(index + delta + LINK_KINDS.length) % LINK_KINDS.length]! });
    }
    case 'DOWN':
    case 'CTRL_N':
      return set({ cursor: Math.min(Math.max(0, matches.length - 1), picker.cursor + 1) });
    case 'UP':
    case 'CTRL_P':
      return set({ cursor: Math.max(0, picker.cursor - 1) });
    case 'ENTER': {
      const target = matches[picker.cursor];
      if (!target) return set({ error: `no card matches "${inputValue(picker.input)}"` });
      return step(replaceTopOverlay(state, { ...picker, busy: true, error: null }), { kind: 'linkTasks', picker, target: { id: target.id, ref: target.ref, title: target.title } });
    }
  }
  const input = editLine(picker.input, key);
  return input ? set({ input, cursor: 0 }) : step(state);
}
