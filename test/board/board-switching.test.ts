/**
 * Keys typed during a project switch wait for it and then act on the project switched to;
 * a deleted project's fallback does not undo a switch the user started meanwhile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inputValue } from '../../client/board/state/line-input.js';
import { PasoError } from '../../shared/errors.js';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, project } from './board-fixtures.js';
import { flush, makeRuntime, press, scriptedRpc, type ScriptedRpc } from './scripted-board.js';

const first = project(1, 'ONE', 'One');
const second = project(2, 'TWO', 'Two');
const third = project(3, 'THREE', 'Three');
const boards: Record<number, Board> = {
  1: board([column(11, 'Todo')], [], first),
  2: board([column(21, 'Backlog')], [], second),
  3: board([column(31, 'Inbox')], [], third),
};

async function landSwitch(s: ScriptedRpc, projectId: number, projects = [first, second, third]): Promise<void> {
  const call = s.answer('board.get', boards[projectId]!);
  assert.equal(call.params.projectId, projectId);
  s.answer('project.list', projects);
  await flush();
}

test('} } from the first project lands on the third', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [first, second, third], boards[1]!);
  press(runtime, '}', '}');
  await flush();
  await landSwitch(s, 2);
  await landSwitch(s, 3);
  assert.equal(runtime.state.board?.project.id, 3);
  assert.deepEqual(s.calls.filter((c) => c.method === 'board.get').map((c) => c.params.projectId), [2, 3]);
  runtime.close();
});

test('} a b c opens the new-card prompt on the project switched to, with the text typed', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [first, second, third], boards[1]!);
  press(runtime, '}', 'a', 'b', 'c');
  await flush();
  assert.equal(runtime.state.overlays.length, 0, 'nothing opens on the old board');
  await landSwitch(s, 2);
  const top = runtime.state.overlays.at(-1);
  assert.ok(top?.kind === 'prompt', 'a prompt is open');
  assert.deepEqual(top.purpose, { action: 'createTask', columnId: 21 });
  assert.equal(inputValue(top.input), 'bc');
  runtime.close();
});

test('a failed switch lets the waiting keys through', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [first, second, third], boards[1]!);
  press(runtime, '}', '?');
  await flush();
  s.fail('board.get', new PasoError('not_found', 'project 2 not found', {}));
  s.answer('project.list', [first, third]);
  await flush();
  assert.equal(runtime.state.message?.text, 'project 2 not found');
  assert.equal(runtime.state.overlays.at(-1)?.kind, 'help');
  runtime.close();
});

test('when the shown project is deleted while the user switches away, the switch wins, whatever answers first', async () => {
  for (const order of ['fallback list answered first', 'switch answered first'] as const) {
    const s = scriptedRpc();
    const runtime = makeRuntime(s.rpc, [first, second, third], boards[2]!);
    runtime.onDbChanged({ seq: 5, projectId: second.id, at: new Date().toISOString() });
    await flush();
    s.fail('board.get', new PasoError('not_found', 'project 2 not found', {}));
    s.answer('project.list', [first, third]);
    await flush();
    assert.equal(s.open('project.list').length, 1, `${order}: the fallback asks for the projects`);
    const fallbackList = s.open('project.list')[0]!;
    press(runtime, '}');
    await flush();
    if (order === 'fallback list answered first') {
      fallbackList.resolve([first, third]);
      await flush();
      await landSwitch(s, 3, [first, third]);
    } else {
      const [switchBoard, switchList] = s.open().filter((c) => c !== fallbackList);
      assert.equal(switchBoard?.params.projectId, 3);
      switchBoard!.resolve(boards[3]);
      switchList!.resolve([first, third]);
      await flush();
      assert.equal(runtime.state.board?.project.id, 3);
      fallbackList.resolve([first, third]);
      await flush();
    }
    await runtime.sync.scheduler.idle();
    assert.equal(runtime.state.board?.project.id, 3, `${order}: the project switched to stays`);
    assert.deepEqual(s.open(), [], `${order}: no other switch started`);
    runtime.close();
  }
});
