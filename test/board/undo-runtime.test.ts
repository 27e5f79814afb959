/**
 * `u` and Ctrl+R in the runtime with a scripted daemon stand-in: they wait for the board's
 * own changes to be confirmed and looked up, hold the keys typed behind them, and report
 * what they did or why the daemon refused. (Two real boards in tmux: board-undo.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PasoError } from '../../shared/errors.js';
import { board, change, column, project, task, taskDetail } from './board-fixtures.js';
import { flush, makeRuntime, press, scriptedRpc } from './scripted-board.js';

const web = project(1, 'WEB', 'Website');
const first = task(11, 'First', { id: 1, ref: 'WEB-1', version: 2 });
const start = board([column(11, 'Todo', [first]), column(12, 'Done')], [], web);
const movedAt = '2026-06-15T12:00:05.000Z';

test('L u typed ahead: u waits for the move and its look-up, then undoes that move; keys behind u wait for its answer', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], { ...start, seq: 10 });
  press(runtime, 'L', 'u', 'h');
  await flush();
  assert.equal(s.open('history.undo').length, 0, 'u waits while the move is unanswered');
  s.answer('task.move', taskDetail({ ...first, columnId: 12, version: 3, updatedAt: movedAt }));
  await flush();
  const lookUp = s.open('history.list')[0];
  assert.deepEqual(lookUp?.params, { taskId: 1, limit: 20 });
  // Another board moved the same card a moment later: the instant tells the two apart.
  s.answer('history.list', [change(12, { at: '2026-06-15T12:00:06.000Z', summary: 'theirs' }), change(11, { at: movedAt, summary: 'moved WEB-1 Todo → Done' })]);
  await flush();
  assert.deepEqual(s.open('history.undo')[0]?.params, { seq: 11 });
  assert.equal(runtime.state.selection.columnIndex, 1, 'h waits for the undo');
  s.answer('history.undo', change(13, { undoes: 11, summary: 'undid: moved WEB-1 Todo → Done' }));
  await flush();
  assert.equal(runtime.state.message?.text, 'undid: moved WEB-1 Todo → Done');
  assert.equal(runtime.state.selection.columnIndex, 0, 'then h acts');
  assert.deepEqual(runtime.state.own.redo.map((c) => c.seq), [11]);

  press(runtime, 'CTRL_R');
  await flush();
  assert.deepEqual(s.open('history.redo')[0]?.params, { seq: 11 });
  s.answer('history.redo', change(14, { undoes: 13, summary: 'redid: moved WEB-1 Todo → Done' }));
  await flush();
  assert.equal(runtime.state.message?.text, 'redid: moved WEB-1 Todo → Done');
  assert.deepEqual(runtime.state.own.undo.map((c) => c.seq), [11]);
  runtime.close();
});

test('a refused undo names the later change and who made it, and the next u moves on', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], { ...start, seq: 10 });
  press(runtime, 'L');
  await flush();
  s.answer('task.move', taskDetail({ ...first, columnId: 12, version: 3, updatedAt: movedAt }));
  await flush();
  s.answer('history.list', [change(11, { at: movedAt, summary: 'moved WEB-1 Todo → Done' })]);
  await flush();
  press(runtime, 'u');
  await flush();
  const later = change(12, { actor: 'bob', summary: 'moved WEB-1 Done → Todo' });
  s.fail('history.undo', new PasoError('conflict', 'cannot undo change 11', { change: later }));
  await flush();
  assert.equal(runtime.state.message?.text, 'cannot undo: WEB-1 was changed since by bob (moved WEB-1 Done → Todo)');
  assert.equal(runtime.state.message?.kind, 'error');
  press(runtime, 'u');
  await flush();
  assert.equal(s.open('history.undo').length, 0);
  assert.match(runtime.state.message?.text ?? '', /^nothing to undo/);
  runtime.close();
});

test("changes of other clients, and the board's own failed calls, never enter its undo stack", async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], { ...start, seq: 10 });
  press(runtime, 'L');
  await flush();
  s.fail('task.move', new PasoError('conflict', 'WEB-1 changed', {}));
  await flush();
  assert.equal(s.open('history.list').length, 0, 'a refused call made no change to look up');
  runtime.close();

  const runtime2 = makeRuntime(s.rpc, [web], { ...start, seq: 10 });
  press(runtime2, 'L');
  await flush();
  s.answer('task.move', taskDetail({ ...first, columnId: 12, version: 3, updatedAt: movedAt }));
  await flush();
  s.answer('history.list', [change(12, { client: 'rpc', at: movedAt }), change(9, { at: movedAt })]);
  await flush();
  assert.deepEqual(runtime2.state.own.undo, [], "neither paso rpc's change nor one older than the call");
  runtime2.close();
});
