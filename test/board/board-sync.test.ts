/**
 * The runtime's ordering rules with a scripted daemon stand-in whose answers the test
 * releases in any order (the end-to-end behaviour is covered in tmux against a real daemon).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, project } from './board-fixtures.js';
import { flush, makeRuntime, scriptedRpc, type PendingCall } from './scripted-board.js';

test('a refresh that starts during a project switch cannot put the old project back, whatever answers first', async () => {
  const web = project(1, 'WEB', 'Website');
  const api = project(2, 'API', 'Api');
  const boards: Record<number, Board> = { 1: board([column(11, 'Todo')], [], web), 2: board([column(21, 'Backlog')], [], api) };

  for (const order of ['switch answered first', 'refresh answered first'] as const) {
    const { rpc, calls } = scriptedRpc();
    const runtime = makeRuntime(rpc, [web, api], boards[1]!);
    const switching = runtime.sync.switchProject(api.id);
    await flush();
    runtime.onDbChanged({ seq: 9, projectId: web.id, at: new Date().toISOString() }); // a change to the old project
    await flush();

    const boardCalls = calls.filter((c) => c.method === 'board.get');
    assert.deepEqual(boardCalls.map((c) => c.params.projectId), [api.id, api.id], `${order}: every board.get asks for the new project`);
    const answer = (c: PendingCall) => c.resolve(c.method === 'board.get' ? boards[c.params.projectId]! : [web, api]);
    const [switchCalls, refreshCalls] = [calls.slice(0, 2), calls.slice(2)];
    for (const c of order === 'switch answered first' ? [...switchCalls, ...refreshCalls] : [...refreshCalls, ...switchCalls]) {
      answer(c);
      await flush();
    }
    await switching;
    await runtime.sync.scheduler.idle();
    assert.equal(runtime.state.board?.project.id, api.id, `${order}: the new project stays on screen`);
    runtime.close();
  }
});
