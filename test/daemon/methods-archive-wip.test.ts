/** task.archive / task.unarchive, WIP limits, and how both meet expectedVersion. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, columnsByRole, expectError, newProject, useDaemon } from './rpc-fixture.js';

describe('archive, WIP limits and expectedVersion', () => {
  const f = useDaemon();

  async function projectWithTasks(titles: string[]) {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const tasks = [];
    for (const title of titles) tasks.push(await f.rpc.call('task.create', { projectId: p.id, title }));
    return { p, cols, tasks };
  }

  const boardTitles = async (projectId: number) =>
    (await f.rpc.call('board.get', { projectId })).columns.map((c: any) => c.tasks.map((t: any) => [t.title, t.position]));

  test('an archived task leaves its column order, board.get and task.list, and keeps its ref and column', async () => {
    const { p, cols, tasks } = await projectWithTasks(['a', 'b', 'c']);
    const [, b] = tasks;
    const archived = await f.rpc.call('task.archive', { id: b.id });
    assert.equal(archived.ref, b.ref);
    assert.equal(archived.columnId, cols.ready.id);
    assert.equal(archived.version, b.version + 1);
    assert.ok(!Number.isNaN(Date.parse(archived.archivedAt)));
    assert.equal(archived.updatedAt, archived.archivedAt);
    assert.deepEqual(await boardTitles(p.id), [[['a', 0], ['c', 1]], [], []]);
    assert.deepEqual((await f.rpc.call('task.list', { projectId: p.id })).map((t: any) => t.title), ['a', 'c']);
    assert.deepEqual((await f.rpc.call('task.list', { projectId: p.id, archived: false })).map((t: any) => t.title), ['a', 'c']);
    const onlyArchived = await f.rpc.call('task.list', { projectId: p.id, archived: true });
    assert.deepEqual(onlyArchived.map((t: any) => [t.title, t.archivedAt]), [['b', archived.archivedAt]]);
    assert.equal((await f.rpc.call('task.get', { ref: b.ref })).archivedAt, archived.archivedAt, 'task.get still finds it');

    // A new task goes after the live ones: the archived one holds no place.
    const d = await f.rpc.call('task.create', { projectId: p.id, title: 'd' });
    assert.equal(d.position, 2);
  });

  test('unarchiving puts the task at the end of its column; repeating either call changes nothing', async () => {
    const { p, tasks } = await projectWithTasks(['a', 'b', 'c']);
    const first = await f.rpc.call('task.archive', { id: tasks[0].id });
    const again = await f.rpc.call('task.archive', { id: tasks[0].id });
    assert.equal(again.version, first.version, 'archiving an archived task is a no-op');
    assert.equal(again.archivedAt, first.archivedAt);
    const back = await f.rpc.call('task.unarchive', { id: tasks[0].id });
    assert.equal(back.archivedAt, null);
    assert.equal(back.version, first.version + 1);
    assert.deepEqual(await boardTitles(p.id), [[['b', 0], ['c', 1], ['a', 2]], [], []]);
    const noop = await f.rpc.call('task.unarchive', { id: tasks[0].id });
    assert.equal(noop.version, back.version);
    assert.deepEqual(await f.rpc.call('task.list', { projectId: p.id, archived: true }), []);
    await expectError(f.rpc.call('task.archive', { id: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.unarchive', { id: 999_999 }), Code.notFound);
  });

  test('task.list {archived:true} lists the most recently archived first and takes the other filters', async () => {
    const { p, cols, tasks } = await projectWithTasks(['a', 'b', 'c']);
    await f.rpc.call('task.move', { id: tasks[2].id, role: 'done' });
    for (const t of tasks) await f.rpc.call('task.archive', { id: t.id });
    const all = await f.rpc.call('task.list', { projectId: p.id, archived: true });
    assert.deepEqual(all.map((t: any) => t.title), ['c', 'b', 'a']);
    const done = await f.rpc.call('task.list', { projectId: p.id, archived: true, columnId: cols.done.id });
    assert.deepEqual(done.map((t: any) => t.title), ['c']);
    const query = await f.rpc.call('task.list', { projectId: p.id, archived: true, query: 'B' });
    assert.deepEqual(query.map((t: any) => t.title), ['b']);
  });

  test('an archived task can be edited, labelled, linked and commented, but not moved', async () => {
    const { p, cols, tasks } = await projectWithTasks(['a', 'b']);
    const label = await f.rpc.call('label.create', { projectId: p.id, name: 'old' });
    const archived = await f.rpc.call('task.archive', { id: tasks[0].id });
    const edited = await f.rpc.call('task.update', { id: archived.id, title: 'a, renamed', expectedVersion: archived.version });
    assert.equal(edited.archivedAt, archived.archivedAt, 'still archived');
    await f.rpc.call('task.setLabels', { id: archived.id, labelIds: [label.id] });
    await f.rpc.call('task.link', { taskId: archived.id, kind: 'related', targetId: tasks[1].id });
    await f.rpc.call('comment.add', { taskId: archived.id, body: 'for the record' });
    const error = await expectError(f.rpc.call('task.move', { id: archived.id, columnId: cols.done.id }), Code.validation, {
      field: 'id',
    });
    assert.match(error.message, new RegExp(`${archived.ref} is archived`));
    const after = await f.rpc.call('task.get', { id: archived.id });
    assert.deepEqual([after.columnId, after.position, after.archivedAt], [cols.ready.id, archived.position, archived.archivedAt]);
    assert.deepEqual(await boardTitles(p.id), [[['b', 0]], [], []]);
  });

  test('deleting an archived task leaves the live positions alone', async () => {
    const { p, tasks } = await projectWithTasks(['a', 'b', 'c']);
    await f.rpc.call('task.archive', { id: tasks[2].id });
    await f.rpc.call('task.delete', { id: tasks[2].id });
    assert.deepEqual(await boardTitles(p.id), [[['a', 0], ['b', 1]], [], []]);
  });

  test('an archived blocker no longer blocks', async () => {
    const { tasks } = await projectWithTasks(['blocker', 'blocked']);
    await f.rpc.call('task.link', { taskId: tasks[0].id, kind: 'blocks', targetId: tasks[1].id });
    assert.equal((await f.rpc.call('task.get', { id: tasks[1].id })).blocked, true);
    await f.rpc.call('task.archive', { id: tasks[0].id });
    assert.equal((await f.rpc.call('task.get', { id: tasks[1].id })).blocked, false);
    const [summary] = await f.rpc.call('task.list', { projectId: tasks[1].projectId });
    assert.equal(summary.blocked, false);
    await f.rpc.call('task.unarchive', { id: tasks[0].id });
    assert.equal((await f.rpc.call('task.get', { id: tasks[1].id })).blocked, true);
  });

  test('column.delete counts archived tasks, and force deletes them too', async () => {
    const { p, cols, tasks } = await projectWithTasks(['a', 'b']);
    await f.rpc.call('task.archive', { id: tasks[0].id });
    await f.rpc.call('task.archive', { id: tasks[1].id });
    const error = await expectError(f.rpc.call('column.delete', { id: cols.ready.id }), Code.validation, {
      taskCount: 0,
      archivedCount: 2,
    });
    assert.match(error.message, /holds 0 task\(s\) and 2 archived task\(s\)/);
    await f.rpc.call('column.delete', { id: cols.ready.id, force: true });
    assert.deepEqual(await f.rpc.call('task.list', { projectId: p.id, archived: true }), []);
    await expectError(f.rpc.call('task.get', { id: tasks[0].id }), Code.notFound);
  });

  test('archiving makes an editor\'s expectedVersion stale; task.move checks expectedVersion first', async () => {
    const { cols, tasks } = await projectWithTasks(['a', 'b']);
    const seen = tasks[0];
    await f.rpc.call('task.archive', { id: seen.id });
    const stale = await expectError(f.rpc.call('task.update', { id: seen.id, title: 'x', expectedVersion: seen.version }), Code.conflict);
    assert.equal(stale.data.current.archivedAt !== null, true, 'the conflict carries the archived task');

    const other = await f.rpc.call('task.get', { id: tasks[1].id });
    const conflict = await expectError(
      f.rpc.call('task.move', { id: other.id, columnId: cols.done.id, expectedVersion: other.version + 1 }),
      Code.conflict,
      { expectedVersion: other.version + 1 },
    );
    assert.equal(conflict.data.current.version, other.version);
    assert.equal((await f.rpc.call('task.get', { id: other.id })).columnId, cols.ready.id, 'a stale move changes nothing');
    const moved = await f.rpc.call('task.move', { id: other.id, columnId: cols.done.id, expectedVersion: other.version });
    assert.deepEqual([moved.columnId, moved.version], [cols.done.id, other.version + 1]);
    // A stale expectedVersion on an archived task is a conflict, not "archived": the editor learns what changed.
    await expectError(f.rpc.call('task.move', { id: seen.id, position: 0, expectedVersion: seen.version }), Code.conflict);
  });

  test('column.update sets and clears an advisory wipLimit, returned by every column read', async () => {
    const { p, cols, tasks } = await projectWithTasks(['a', 'b']);
    assert.equal(cols.done.wipLimit, null);
    const limited = await f.rpc.call('column.update', { id: cols.done.id, wipLimit: 1 });
    assert.equal(limited.wipLimit, 1);
    assert.equal((await f.rpc.call('column.list', { projectId: p.id })).find((c: any) => c.id === cols.done.id).wipLimit, 1);
    // Over the limit is allowed: the limit is advice, shown by clients.
    await f.rpc.call('task.move', { id: tasks[0].id, role: 'done' });
    await f.rpc.call('task.move', { id: tasks[1].id, role: 'done' });
    const board = await f.rpc.call('board.get', { projectId: p.id });
    const done = board.columns.find((c: any) => c.id === cols.done.id);
    assert.deepEqual([done.wipLimit, done.tasks.length], [1, 2]);
    // Renaming leaves the limit; null clears it.
    assert.equal((await f.rpc.call('column.update', { id: cols.done.id, name: 'Shipped' })).wipLimit, 1);
    assert.equal((await f.rpc.call('column.update', { id: cols.done.id, wipLimit: null })).wipLimit, null);
    for (const wipLimit of [0, -1, 1.5, '3']) {
      await expectError(f.rpc.call('column.update', { id: cols.done.id, wipLimit }), Code.invalidParams);
    }
    assert.equal((await f.rpc.call('column.list', { projectId: p.id }))[2].wipLimit, null, 'refused updates changed nothing');
  });
});
