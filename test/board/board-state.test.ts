import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialState, selectedTask, type BoardState } from '../../client/board/state/board-state.js';
import { applyBoard, moveSelectionCard, moveSelectionColumn, scrollCards, setFilter, setViewport } from '../../client/board/state/selection.js';
import { computeLayout, hitTest } from '../../client/board/view/layout.js';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, task } from './board-fixtures.js';

const t = (id: number, title = `task ${id}`) => task(0, title, { id, ref: `WEB-${id}` });

function loaded(b: Board, size = { width: 120, height: 40 }): BoardState {
  return applyBoard(initialState(size), b);
}

function select(state: BoardState, taskId: number): BoardState {
  return applyBoard(state, state.board, { taskId });
}

test('the selection stays on its task when a refresh inserts cards above it', () => {
  let state = select(loaded(board([column(1, 'Todo', [t(1), t(2), t(3)])])), 3);
  assert.equal(selectedTask(state)?.id, 3);
  state = applyBoard(state, board([column(1, 'Todo', [t(10), t(11), t(1), t(12), t(2), t(3)])]));
  assert.equal(selectedTask(state)?.id, 3);
  assert.equal(state.selection.cardIndex, 5);
});

test('the selection follows its task into another column', () => {
  let state = select(loaded(board([column(1, 'Todo', [t(1), t(2)]), column(2, 'Done', [t(3)])])), 2);
  state = applyBoard(state, board([column(1, 'Todo', [t(1)]), column(2, 'Done', [t(3), t(2)])]));
  assert.equal(selectedTask(state)?.id, 2);
  assert.equal(state.selection.columnIndex, 1);
  assert.equal(state.selection.cardIndex, 1);
});

test('when the selected task is deleted, the nearest card in its column is selected', () => {
  let state = select(loaded(board([column(1, 'Todo', [t(1), t(2), t(3)])])), 2);
  state = applyBoard(state, board([column(1, 'Todo', [t(1), t(3)])]));
  assert.equal(selectedTask(state)?.id, 3, 'the card that took its place');
  state = applyBoard(state, board([column(1, 'Todo', [t(1)])]));
  assert.equal(selectedTask(state)?.id, 1, 'the one above when it was the last');
  state = applyBoard(state, board([column(1, 'Todo', [])]));
  assert.equal(selectedTask(state), null);
  assert.equal(state.selection.columnIndex, 0);
});

test('when the selected column is deleted, a neighbouring column is selected', () => {
  let state = loaded(board([column(1, 'A', [t(1)]), column(2, 'B', [t(2)]), column(3, 'C', [t(3)])]));
  state = moveSelectionColumn(moveSelectionColumn(state, 1), 1);
  assert.equal(selectedTask(state)?.id, 3);
  state = applyBoard(state, board([column(1, 'A', [t(1)]), column(2, 'B', [t(2)])]));
  assert.equal(state.selection.columnIndex, 1);
  assert.equal(selectedTask(state)?.id, 2);
});

test('moving between columns keeps the card row where it can, and stops at the edges', () => {
  let state = loaded(board([column(1, 'A', [t(1), t(2), t(3)]), column(2, 'B', [t(4)]), column(3, 'C')]));
  state = moveSelectionCard(moveSelectionCard(state, 1), 1);
  assert.equal(selectedTask(state)?.id, 3);
  state = moveSelectionCard(state, 1);
  assert.equal(selectedTask(state)?.id, 3, 'j on the last card stays');
  state = moveSelectionColumn(state, 1);
  assert.equal(selectedTask(state)?.id, 4);
  state = moveSelectionColumn(state, 1);
  assert.equal(selectedTask(state), null);
  assert.equal(state.selection.columnIndex, 2);
  state = moveSelectionColumn(state, 1);
  assert.equal(state.selection.columnIndex, 2, 'l on the last column stays');
  state = moveSelectionColumn(moveSelectionColumn(moveSelectionColumn(state, -1), -1), -1);
  assert.equal(state.selection.columnIndex, 0);
});

test('the filter hides cards that do not match and keeps the selection when it matches', () => {
  let state = select(loaded(board([column(1, 'Todo', [t(1, 'Write docs'), t(2, 'Fix bug'), t(3, 'More DOCS')])])), 3);
  state = setFilter(state, 'docs');
  assert.equal(selectedTask(state)?.id, 3);
  assert.equal(state.selection.cardIndex, 1);
  state = setFilter(state, 'fix');
  assert.equal(selectedTask(state)?.id, 2);
  state = setFilter(state, 'web-1');
  assert.equal(selectedTask(state)?.id, 1, 'refs match too');
  state = setFilter(state, 'nothing like it');
  assert.equal(selectedTask(state), null);
  state = setFilter(state, '');
  assert.equal(state.board?.columns[0]?.tasks.length, 3);
  assert.notEqual(selectedTask(state), null);
});

test('selecting a card below the screen scrolls the column; the wheel scrolls without moving the selection', () => {
  const many = Array.from({ length: 30 }, (_, i) => t(i + 1));
  let state = loaded(board([column(1, 'Todo', many)]), { width: 80, height: 20 });
  for (let i = 0; i < 10; i++) state = moveSelectionCard(state, 1);
  assert.equal(selectedTask(state)?.id, 11);
  const first = state.cardScroll[1]!;
  assert.ok(first > 0 && first <= 10 && 10 < first + 4, `card 11 is on screen (first shown: ${first})`);
  const scrolled = scrollCards(state, 0, 100);
  assert.equal(scrolled.cardScroll[1], 26, 'clamped to the last page');
  assert.equal(selectedTask(scrolled)?.id, 11);
  assert.equal(scrollCards(scrolled, 0, -1000).cardScroll[1], 0);
});

test('a resize keeps the selected column on screen', () => {
  const columns = Array.from({ length: 6 }, (_, i) => column(i + 1, `C${i + 1}`, [t(i + 1)]));
  let state = loaded(board(columns), { width: 200, height: 30 });
  for (let i = 0; i < 5; i++) state = moveSelectionColumn(state, 1);
  assert.equal(state.columnScroll, 0);
  state = setViewport(state, { width: 60, height: 30 });
  const layout = computeLayout(state.viewport, 6, state.columnScroll);
  assert.ok(layout.slots.some((s) => s.index === 5), 'the selected last column is visible');
});

test('a click lands on the card under the pointer', () => {
  const layout = computeLayout({ width: 90, height: 30 }, 3, 0);
  assert.deepEqual(hitTest(layout, 2, 3), { columnIndex: 0, cardSlot: 0 });
  assert.deepEqual(hitTest(layout, 2, 7), { columnIndex: 0, cardSlot: 1 });
  assert.deepEqual(hitTest(layout, 40, 9), { columnIndex: 1, cardSlot: 1 });
  assert.deepEqual(hitTest(layout, 40, 6), { columnIndex: 1, cardSlot: null }, 'the gap between cards');
  assert.equal(hitTest(layout, 40, 0), null, 'the header');
  assert.equal(hitTest(layout, 40, 29), null, 'the status bar');
});
