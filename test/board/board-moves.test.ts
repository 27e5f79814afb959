/**
 * H/J/K/L typed faster than the daemon answers: each move shows at once and the next key
 * reads the card's new place; refreshes and failures then bring the daemon's truth.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectedTask } from '../../client/board/state/board-state.js';
import { PasoError } from '../../shared/errors.js';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, project, task, taskDetail } from './board-fixtures.js';
import { flush, makeRuntime, press, scriptedRpc, serveRefreshes, type ScriptedRpc } from './scripted-board.js';

const web = project(1, 'WEB', 'Website');
const titles = (b: Board | null, index: number) => b!.columns[index]!.tasks.map((t) => t.title);

function threeInTodo(order = ['A', 'B', 'C']): Board {
  const ids: Record<string, number> = { A: 1, B: 2, C: 3 };
  return board([column(11, 'Todo', order.map((title) => task(11, title, { id: ids[title]! }))), column(12, 'Doing'), column(13, 'Done')], [], web);
}

async function answerRefresh(s: ScriptedRpc, truth: Board): Promise<void> {
  s.answer('board.get', truth);
  s.answer('project.list', [web]);
  await flush();
}

test('g J J J moves the top card to the bottom, one place per key, before any answer', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], threeInTodo());
  press(runtime, 'g', 'J', 'J', 'J');
  assert.deepEqual(
    s.open('task.move').map((c) => c.params),
    [
      { id: 1, columnId: 11, position: 1, expectedVersion: 1 },
      { id: 1, columnId: 11, position: 2, expectedVersion: 2 },
    ],
    'each move expects the version the one before it leaves',
  );
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'C', 'A'], 'the board shows the moves at once');
  assert.equal(selectedTask(runtime.state)?.title, 'A', 'the selection follows the card');
  assert.equal(runtime.state.message?.text, 'already the last card');

  s.answer('task.move', {});
  s.answer('task.move', {});
  await serveRefreshes(runtime, s, threeInTodo(['B', 'C', 'A']), [web]);
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'C', 'A']);
  assert.equal(selectedTask(runtime.state)?.title, 'A');
  runtime.close();
});

test('L H from the middle column moves the card right and back, not to the first column', async () => {
  const s = scriptedRpc();
  const middle = board([column(11, 'Todo'), column(12, 'Doing', [task(12, 'M', { id: 5 })]), column(13, 'Done')], [], web);
  const runtime = makeRuntime(s.rpc, [web], middle);
  press(runtime, 'l', 'L', 'H');
  assert.deepEqual(
    s.open('task.move').map((c) => c.params),
    [
      { id: 5, columnId: 13, expectedVersion: 1 },
      { id: 5, columnId: 12, expectedVersion: 2 },
    ],
  );
  assert.deepEqual(titles(runtime.state.board, 1), ['M']);
  assert.equal(selectedTask(runtime.state)?.title, 'M');
  assert.equal(runtime.state.selection.columnIndex, 1);
  runtime.close();
});

test('a refresh sent before a move and answered after it does not put the card back', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], threeInTodo());
  runtime.onDbChanged({ seq: 2, projectId: web.id, at: new Date().toISOString() });
  await flush();
  assert.equal(s.open('board.get').length, 1, 'a refresh is in flight');
  press(runtime, 'g', 'J');
  await answerRefresh(s, threeInTodo()); // read before the move reached the daemon
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'A', 'C'], 'the move still shows');
  press(runtime, 'J');
  assert.deepEqual(
    s.open('task.move').map((c) => c.params),
    [
      { id: 1, columnId: 11, position: 1, expectedVersion: 1 },
      { id: 1, columnId: 11, position: 2, expectedVersion: 2 },
    ],
  );
  for (const call of s.open('task.move')) call.resolve({});
  await serveRefreshes(runtime, s, threeInTodo(['B', 'C', 'A']), [web]);
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'C', 'A']);
  runtime.close();
});

test('a refused move shows its error and the refresh puts the card back where it is', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], threeInTodo());
  press(runtime, 'g', 'J');
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'A', 'C']);
  s.fail('task.move', new PasoError('storage', 'the disk is full', {}));
  await flush();
  assert.deepEqual(runtime.state.message, { text: 'the disk is full', kind: 'error' });
  await serveRefreshes(runtime, s, threeInTodo(), [web]);
  assert.deepEqual(titles(runtime.state.board, 0), ['A', 'B', 'C'], 'the truth is back');
  assert.equal(selectedTask(runtime.state)?.title, 'A', 'the selection stays on the card');
  runtime.close();
});

test('a move refused as stale names the card and shows it where the other terminal put it, at once', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], threeInTodo());
  press(runtime, 'g', 'J');
  const [sent] = s.open('task.move');
  assert.equal(sent?.params.expectedVersion, 1);
  const theirs = taskDetail(task(13, 'A', { id: 1, ref: 'WEB-1', version: 2, position: 0 }), {});
  s.fail('task.move', new PasoError('conflict', 'task WEB-1 changed: version is 2, not 1', { id: 1, expectedVersion: 1, current: theirs }));
  await flush();
  assert.deepEqual(runtime.state.message, { text: 'WEB-1 was moved in another terminal', kind: 'error' });
  assert.deepEqual(titles(runtime.state.board, 0), ['B', 'C'], 'not in Todo any more');
  assert.deepEqual(titles(runtime.state.board, 2), ['A'], 'but in Done, where the other terminal moved it');
  assert.equal(selectedTask(runtime.state)?.title, 'A', 'the selection followed it');
  runtime.close();
});

test('a move of a card deleted elsewhere names it by ref and title and takes it off the board', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], threeInTodo());
  press(runtime, 'g', 'L');
  s.fail('task.move', new PasoError('not_found', 'task 1 not found', { id: 1 }));
  await flush();
  assert.deepEqual(runtime.state.message, { text: 'WEB-1 "A" was deleted in another terminal', kind: 'error' });
  assert.equal(runtime.state.board?.columns.flatMap((c) => c.tasks).some((t) => t.id === 1), false);
  runtime.close();
});
