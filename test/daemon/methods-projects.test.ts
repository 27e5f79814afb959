import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, expectError, useDaemon } from './rpc-fixture.js';

describe('project methods', () => {
  const f = useDaemon();

  test('a new database starts with one project, My board, with the standard columns', async () => {
    const projects = await f.rpc.call('project.list');
    assert.equal(projects.length, 1);
    assert.equal(projects[0].name, 'My board');
    assert.equal(projects[0].key, 'MY');
    const board = await f.rpc.call('board.get', { projectId: projects[0].id });
    assert.deepEqual(
      board.columns.map((c: any) => [c.name, c.role, c.position, c.tasks.length]),
      [
        ['Todo', 'ready', 0, 0],
        ['In Progress', 'in_progress', 1, 0],
        ['Done', 'done', 2, 0],
      ],
    );
  });

  test('project.create derives a unique upper-case key from the name', async () => {
    const web = await f.rpc.call('project.create', { name: '  Website  ', description: 'the site' });
    assert.equal(web.name, 'Website');
    assert.equal(web.key, 'WEB');
    assert.equal(web.description, 'the site');
    assert.equal(web.createdAt, web.updatedAt);
    assert.ok(!Number.isNaN(Date.parse(web.createdAt)));
    const again = await f.rpc.call('project.create', { name: 'Webshop' });
    assert.equal(again.key, 'WEB2');
    const several = await f.rpc.call('project.create', { name: 'Back office tools' });
    assert.equal(several.key, 'BOT');
    const columns = await f.rpc.call('column.list', { projectId: web.id });
    assert.deepEqual(
      columns.map((c: any) => c.role),
      ['ready', 'in_progress', 'done'],
    );
  });

  test('project.create upper-cases an explicit key and refuses one already taken', async () => {
    const api = await f.rpc.call('project.create', { name: 'Api', key: 'api1' });
    assert.equal(api.key, 'API1');
    const before = await f.rpc.call('project.list');
    await expectError(f.rpc.call('project.create', { name: 'Other', key: 'Api1' }), Code.validation, { field: 'key' });
    assert.deepEqual(await f.rpc.call('project.list'), before);
  });

  test('project.create rejects a blank name and a malformed key', async () => {
    await expectError(f.rpc.call('project.create', { name: '   ' }), Code.invalidParams);
    await expectError(f.rpc.call('project.create', { name: 'X', key: 'TOO-LONG-KEY' }), Code.invalidParams);
    await expectError(f.rpc.call('project.create', { name: 'X', key: 'ABCDEFGHIJK' }), Code.invalidParams);
  });

  test('project.get returns a project and fails for an unknown id', async () => {
    const created = await f.rpc.call('project.create', { name: 'Getme' });
    assert.deepEqual(await f.rpc.call('project.get', { id: created.id }), created);
    await expectError(f.rpc.call('project.get', { id: 999_999 }), Code.notFound, { id: 999_999 });
  });

  test('project.update renames, re-keys (refs follow the key) and refuses a taken key', async () => {
    const p = await f.rpc.call('project.create', { name: 'Mobile', key: 'MOB' });
    const task = await f.rpc.call('task.create', { projectId: p.id, title: 'Splash screen' });
    assert.equal(task.ref, 'MOB-1');
    const updated = await f.rpc.call('project.update', { id: p.id, name: 'Mobile app', key: 'app', description: 'iOS' });
    assert.equal(updated.name, 'Mobile app');
    assert.equal(updated.key, 'APP');
    assert.equal(updated.description, 'iOS');
    assert.equal((await f.rpc.call('task.get', { id: task.id })).ref, 'APP-1');
    assert.equal((await f.rpc.call('task.get', { ref: 'app-1' })).id, task.id);
    await expectError(f.rpc.call('task.get', { ref: 'MOB-1' }), Code.notFound);
    await f.rpc.call('project.create', { name: 'Taken', key: 'TAKEN' });
    await expectError(f.rpc.call('project.update', { id: p.id, key: 'taken' }), Code.validation, { field: 'key' });
    await expectError(f.rpc.call('project.update', { id: p.id, name: ' ' }), Code.invalidParams);
    await expectError(f.rpc.call('project.update', { id: 999_999, name: 'x' }), Code.notFound);
    assert.equal((await f.rpc.call('project.get', { id: p.id })).key, 'APP');
  });

  test('project.delete is refused while the project has tasks, unless forced', async () => {
    const p = await f.rpc.call('project.create', { name: 'Doomed' });
    const empty = await f.rpc.call('project.create', { name: 'Empty' });
    await f.rpc.call('task.create', { projectId: p.id, title: 'one' });
    await f.rpc.call('task.create', { projectId: p.id, title: 'two' });
    await expectError(f.rpc.call('project.delete', { id: p.id }), Code.validation, { taskCount: 2 });
    assert.equal((await f.rpc.call('task.list', { projectId: p.id })).length, 2);
    assert.deepEqual(await f.rpc.call('project.delete', { id: empty.id }), { ok: true });
    assert.deepEqual(await f.rpc.call('project.delete', { id: p.id, force: true }), { ok: true });
    await expectError(f.rpc.call('project.get', { id: p.id }), Code.notFound);
    await expectError(f.rpc.call('board.get', { projectId: p.id }), Code.notFound);
    await expectError(f.rpc.call('project.delete', { id: p.id }), Code.notFound);
    const ids = (await f.rpc.call('project.list')).map((x: any) => x.id);
    assert.ok(!ids.includes(p.id) && !ids.includes(empty.id));
  });

  test('board.get returns the project, its columns with tasks in order, labels and the seq', async () => {
    const p = await f.rpc.call('project.create', { name: 'Board' });
    const label = await f.rpc.call('label.create', { projectId: p.id, name: 'ui' });
    const a = await f.rpc.call('task.create', { projectId: p.id, title: 'a', labelIds: [label.id] });
    const b = await f.rpc.call('task.create', { projectId: p.id, title: 'b' });
    await f.rpc.call('task.move', { id: b.id, position: 0 });
    const status = await f.rpc.call('daemon.status');
    const board = await f.rpc.call('board.get', { projectId: p.id });
    assert.equal(board.project.id, p.id);
    assert.deepEqual(board.labels, [label]);
    assert.equal(board.seq, status.seq);
    assert.deepEqual(
      board.columns[0].tasks.map((t: any) => [t.id, t.position, t.labelIds]),
      [
        [b.id, 0, []],
        [a.id, 1, [label.id]],
      ],
    );
    assert.equal(board.columns[0].tasks[0].description, undefined, 'summaries carry no description');
    await expectError(f.rpc.call('board.get', { projectId: 999_999 }), Code.notFound);
  });

  // board.get builds its JSON in SQL (services/board.ts); task.list maps rows in JS: both
  // must tell the same board, key order included.
  test('board.get is exactly project.get, column.list with task.list per column, label.list and the seq', async () => {
    const p = await f.rpc.call('project.create', { name: 'Wé "quoted" \\ 😀', description: 'two\nlines' });
    const columns = await f.rpc.call('column.list', { projectId: p.id });
    await f.rpc.call('column.create', { projectId: p.id, name: 'Empty' });
    await f.rpc.call('column.update', { id: columns[1].id, wipLimit: 2 });
    const labels = [];
    for (const name of ['zeta', 'Alpha', 'beta']) labels.push((await f.rpc.call('label.create', { projectId: p.id, name })).id);
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) {
      const task = await f.rpc.call('task.create', {
        projectId: p.id,
        title: `T${i} "q" \\ é 😀 \u2028`,
        columnId: columns[i % 3].id,
        dueAt: i % 4 === 0 ? '2026-03-01' : null,
        labelIds: i % 2 ? labels : i % 3 ? [labels[2]] : [],
      });
      ids.push(task.id);
    }
    await f.rpc.call('task.link', { taskId: ids[0], kind: 'blocks', targetId: ids[1] }); // open blocker
    await f.rpc.call('task.link', { taskId: ids[2], kind: 'blocks', targetId: ids[3] }); // blocker in done
    await f.rpc.call('task.link', { taskId: ids[4], kind: 'blocks', targetId: ids[5] });
    await f.rpc.call('task.archive', { id: ids[4] }); // archived blocker
    await f.rpc.call('task.archive', { id: ids[6] });
    await f.rpc.call('task.move', { id: ids[7], columnId: columns[0].id, position: 0 });

    const board = await f.rpc.call('board.get', { projectId: p.id });
    const tasks = await f.rpc.call('task.list', { projectId: p.id });
    const expected = {
      project: await f.rpc.call('project.get', { id: p.id }),
      columns: (await f.rpc.call('column.list', { projectId: p.id })).map((c: any) => ({ ...c, tasks: tasks.filter((t: any) => t.columnId === c.id) })),
      labels: await f.rpc.call('label.list', { projectId: p.id }),
      seq: (await f.rpc.call('daemon.status')).seq,
    };
    assert.equal(JSON.stringify(board), JSON.stringify(expected));
    assert.deepEqual(tasks.filter((t: any) => t.blocked).map((t: any) => t.id), [ids[1]]);
    const [inAtomic] = await f.rpc.call('atomic', { calls: [{ method: 'board.get', params: { projectId: p.id } }] });
    assert.deepEqual(inAtomic, board);
  });
});
