/**
 * Keys in the history view, as a pure function: select a change, undo or redo it (the
 * daemon decides whether it can), close. The list itself follows the daemon (live).
 */
import { step, type Step } from '../effects/effect.js';
import type { BoardState } from '../state/board-state.js';
import { moveHistorySelection, selectedChange } from '../state/history-list.js';
import { popOverlay, replaceTopOverlay, type HistoryOverlay } from '../state/overlays.js';
import { historyRows } from '../view/history-view.js';
import type { KeyPress } from './input-event.js';

export function historyKey(state: BoardState, view: HistoryOverlay, key: KeyPress): Step {
  const rows = historyRows(state.viewport);
  const moves: Record<string, number> = { j: 1, DOWN: 1, k: -1, UP: -1, PAGE_DOWN: rows, PAGE_UP: -rows, g: -Infinity, HOME: -Infinity, G: Infinity, END: Infinity };
  switch (key.name) {
    case 'ESCAPE':
    case 'q':
    case 'y':
      return step(popOverlay(state));
    case 'u':
    case 'CTRL_R': {
      const change = selectedChange(view);
      if (!change) return step(state);
      return step(state, { kind: 'reverseChange', verb: key.name === 'u' ? 'undo' : 'redo', change });
    }
  }
  const delta = moves[key.name];
  if (delta === undefined) return step(state);
  const count = view.changes?.length ?? 0;
  const clamped = Number.isFinite(delta) ? delta : delta < 0 ? -count : count;
  return step(replaceTopOverlay(state, moveHistorySelection(view, clamped, rows)));
}
