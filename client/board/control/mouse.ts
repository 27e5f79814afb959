/** Clicks and the wheel as pure functions of state: a click selects, the wheel scrolls a column. */
import { step, type Step } from '../effects/effect.js';
import { topOverlay, type BoardState } from '../state/board-state.js';
import { scrollCards, selectCard } from '../state/selection.js';
import { computeLayout, hitTest } from '../view/layout.js';

export function routeMouse(state: BoardState, name: string, x: number, y: number): Step {
  if (topOverlay(state) || !state.board) return step(state);
  const layout = computeLayout(state.viewport, state.board.columns.length, state.columnScroll);
  const hit = hitTest(layout, x, y);
  if (name === 'MOUSE_LEFT_BUTTON_PRESSED') {
    if (!hit) return step(state);
    const column = state.board.columns[hit.columnIndex];
    if (!column) return step(state);
    const first = state.cardScroll[column.id] ?? 0;
    const cardIndex = hit.cardSlot === null ? state.selection.cardIndex : first + hit.cardSlot;
    return step(selectCard(state, hit.columnIndex, cardIndex));
  }
  if (name === 'MOUSE_WHEEL_UP' || name === 'MOUSE_WHEEL_DOWN') {
    const columnIndex = hit?.columnIndex ?? state.selection.columnIndex;
    return step(scrollCards(state, columnIndex, name === 'MOUSE_WHEEL_UP' ? -1 : 1));
  }
  return step(state);
}
