import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newProject, useDaemon } from './rpc-fixture.js';

describe('atomic over data methods', () => {
  const f = useDaemon();

  test('atomic runs calls in order in one transaction', async () => {
    const p = await newProject(f.rpc);
    const results = await f.rpc.call('atomic', {
      calls: [
        { method: 'task.create', params: { projectId: p.id, title: 'first' } },
        { method: 'task.create', params: { projectId: p.id, title: 'second' } },
        { method: 'label.create', params: { projectId: p.id, name: 'batch' } },
      ],
    });
    assert.deepEqual(
      results.map((r: any) => r.title ?? r.name),
      ['first', 'second', 'batch'],
    );
    assert.deepEqual(results.slice(0, 2).map((r: any) => r.ticket), [1, 2]);
  });

  test('a failing call rolls back every call of the atomic batch', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'existing' });
    const before = await f.rpc.call('board.get', { projectId: p.id });
    const reply = await f.rpc.request('atomic', {
      calls: [
        { method: 'task.create', params: { projectId: p.id, title: 'rolled back' } },
        { method: 'task.update', params: { id: t.id, title: 'changed' } },
        { method: 'label.create', params: { projectId: p.id, name: 'gone' } },
        { method: 'task.link', params: { taskId: t.id, kind: 'blocks', targetId: t.id } },
      ],
    });
    assert.ok(reply.error, 'the batch failed');
    assert.deepEqual(await f.rpc.call('board.get', { projectId: p.id }), before);
    const next = await f.rpc.call('task.create', { projectId: p.id, title: 'after' });
    assert.equal(next.ticket, 2, 'the rolled-back create used no ticket');
  });
});
