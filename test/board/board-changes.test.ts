/** The reducers that apply the daemon's answers: a created card, the truth about a moved card. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCreatedTask, removeTask, showColumn, showTaskTruth } from '../../client/board/state/board-changes.js';
import { initialState, selectedTask } from '../../client/board/state/board-state.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { board, column, project, task, taskDetail } from './board-fixtures.js';

const web = project(1, 'WEB', 'Website');
const start = applyBoard(
  { ...initialState({ width: 120, height: 40 }), projects: [web] },
  board([column(11, 'Todo', [task(11, 'One', { id: 1 }), task(11, 'Two', { id: 2 })]), column(12, 'Done')], [], web),
);

test('a created card is shown at its place and selected, so the next key acts on it', () => {
  const created = taskDetail(task(11, 'Three', { id: 3, position: 2 }));
  const next = addCreatedTask(start, created);
  assert.deepEqual(next.board?.columns[0]?.tasks.map((t) => t.title), ['One', 'Two', 'Three']);
  assert.equal(selectedTask(next)?.title, 'Three');
  assert.equal(addCreatedTask(next, created).board?.columns[0]?.tasks.length, 3, 'applying it twice (then the refresh) adds it once');
});

test('the truth about a card moved elsewhere puts it there, keeps it selected, and leaves the rest in order', () => {
  const moved = taskDetail(task(12, 'One', { id: 1, position: 0, version: 7 }));
  const next = showTaskTruth(start, moved);
  assert.deepEqual(next.board?.columns.map((c) => c.tasks.map((t) => [t.title, t.position])), [[['Two', 0]], [['One', 0]]]);
  assert.equal(selectedTask(next)?.title, 'One');
  assert.equal(next.board?.columns[1]?.tasks[0]?.version, 7);
});

test('a deleted card goes and the selection moves to its neighbour; a new column is selected', () => {
  const next = removeTask(start, 1);
  assert.equal(selectedTask(next)?.title, 'Two');
  const withColumn = showColumn(start, { id: 13, projectId: 1, name: 'Review', position: 1, role: null, wipLimit: null }, true);
  assert.deepEqual(withColumn.board?.columns.map((c) => c.name), ['Todo', 'Review', 'Done']);
  assert.equal(withColumn.selection.columnId, 13);
});
