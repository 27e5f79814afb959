import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, expectError, newProject, useDaemon } from './rpc-fixture.js';

const shape = (columns: any[]) => columns.map((c) => `${c.position}:${c.name}:${c.role ?? '-'}`);

describe('column methods', () => {
  const f = useDaemon();

  test('column.list returns the columns in board order; unknown project fails', async () => {
    const p = await newProject(f.rpc);
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), [
      '0:Todo:ready',
      '1:In Progress:in_progress',
      '2:Done:done',
    ]);
    await expectError(f.rpc.call('column.list', { projectId: 999_999 }), Code.notFound);
  });

  test('column.create appends, or inserts after afterId, and can take a role', async () => {
    const p = await newProject(f.rpc);
    const [todo] = await f.rpc.call('column.list', { projectId: p.id });
    const archive = await f.rpc.call('column.create', { projectId: p.id, name: ' Archive ' });
    assert.deepEqual([archive.name, archive.position, archive.role, archive.projectId], ['Archive', 3, null, p.id]);
    const review = await f.rpc.call('column.create', { projectId: p.id, name: 'Review', afterId: todo.id, role: 'in_progress' });
    assert.equal(review.position, 1);
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), [
      '0:Todo:ready',
      '1:Review:in_progress',
      '2:In Progress:-',
      '3:Done:done',
      '4:Archive:-',
    ]);
  });

  test('column.create rejects an afterId of another project, a missing project and a blank name', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const [foreign] = await f.rpc.call('column.list', { projectId: other.id });
    await expectError(f.rpc.call('column.create', { projectId: p.id, name: 'X', afterId: foreign.id }), Code.validation, {
      field: 'afterId',
    });
    await expectError(f.rpc.call('column.create', { projectId: p.id, name: 'X', afterId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('column.create', { projectId: 999_999, name: 'X' }), Code.notFound);
    await expectError(f.rpc.call('column.create', { projectId: p.id, name: '  ' }), Code.invalidParams);
    await expectError(f.rpc.call('column.create', { projectId: p.id, name: 'X', role: 'blocked' }), Code.invalidParams);
    assert.equal((await f.rpc.call('column.list', { projectId: p.id })).length, 3);
  });

  test('column.update renames and moves a role from the other column; null clears it', async () => {
    const p = await newProject(f.rpc);
    const [todo, doing, done] = await f.rpc.call('column.list', { projectId: p.id });
    const renamed = await f.rpc.call('column.update', { id: doing.id, name: 'Doing' });
    assert.deepEqual([renamed.name, renamed.role], ['Doing', 'in_progress']);
    const ready = await f.rpc.call('column.update', { id: done.id, role: 'ready' });
    assert.equal(ready.role, 'ready');
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), ['0:Todo:-', '1:Doing:in_progress', '2:Done:ready']);
    await f.rpc.call('column.update', { id: done.id, role: null });
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), ['0:Todo:-', '1:Doing:in_progress', '2:Done:-']);
    await expectError(f.rpc.call('column.update', { id: todo.id, name: '' }), Code.invalidParams);
    await expectError(f.rpc.call('column.update', { id: todo.id, name: ' \t ' }), Code.invalidParams);
    await expectError(f.rpc.call('column.update', { id: 999_999, name: 'x' }), Code.notFound);
  });

  test('column.move reorders, clamps past the end and keeps positions 0..n-1', async () => {
    const p = await newProject(f.rpc);
    const [todo, , done] = await f.rpc.call('column.list', { projectId: p.id });
    const moved = await f.rpc.call('column.move', { id: done.id, position: 0 });
    assert.deepEqual(shape(moved), ['0:Done:done', '1:Todo:ready', '2:In Progress:in_progress']);
    const clamped = await f.rpc.call('column.move', { id: todo.id, position: 99 });
    assert.deepEqual(shape(clamped), ['0:Done:done', '1:In Progress:in_progress', '2:Todo:ready']);
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), shape(clamped));
    await expectError(f.rpc.call('column.move', { id: 999_999, position: 0 }), Code.notFound);
    await expectError(f.rpc.call('column.move', { id: todo.id, position: -1 }), Code.invalidParams);
  });

  test('column.delete is refused while the column holds tasks, unless forced', async () => {
    const p = await newProject(f.rpc);
    const [todo, doing] = await f.rpc.call('column.list', { projectId: p.id });
    const keep = await f.rpc.call('task.create', { projectId: p.id, title: 'keep', columnId: doing.id });
    const gone = await f.rpc.call('task.create', { projectId: p.id, title: 'gone' });
    await f.rpc.call('task.create', { projectId: p.id, title: 'gone too' });
    await f.rpc.call('task.link', { taskId: gone.id, kind: 'blocks', targetId: keep.id });
    assert.equal((await f.rpc.call('task.get', { id: keep.id })).blocked, true);

    await expectError(f.rpc.call('column.delete', { id: todo.id }), Code.validation, { taskCount: 2 });
    assert.equal((await f.rpc.call('task.list', { projectId: p.id })).length, 3);

    assert.deepEqual(await f.rpc.call('column.delete', { id: todo.id, force: true }), { ok: true });
    assert.deepEqual(shape(await f.rpc.call('column.list', { projectId: p.id })), ['0:In Progress:in_progress', '1:Done:done']);
    const remaining = await f.rpc.call('task.list', { projectId: p.id });
    assert.deepEqual(remaining.map((t: any) => t.id), [keep.id]);
    const kept = await f.rpc.call('task.get', { id: keep.id });
    assert.deepEqual([kept.blocked, kept.blockedBy], [false, []]);
    await expectError(f.rpc.call('task.get', { id: gone.id }), Code.notFound);

    const empty = await f.rpc.call('column.create', { projectId: p.id, name: 'Empty', afterId: doing.id });
    assert.deepEqual(await f.rpc.call('column.delete', { id: empty.id }), { ok: true });
    await expectError(f.rpc.call('column.delete', { id: empty.id }), Code.notFound);
  });

  test('a project whose columns are all deleted takes no tasks until it has a column again', async () => {
    const p = await newProject(f.rpc);
    for (const c of await f.rpc.call('column.list', { projectId: p.id })) await f.rpc.call('column.delete', { id: c.id });
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'nowhere' }), Code.validation);
    const only = await f.rpc.call('column.create', { projectId: p.id, name: 'Only' });
    const task = await f.rpc.call('task.create', { projectId: p.id, title: 'somewhere' });
    assert.equal(task.columnId, only.id);
    assert.equal(task.ticket, 1, 'the refused create used no ticket');
  });
});
