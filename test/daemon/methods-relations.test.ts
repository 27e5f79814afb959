import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, expectError, newProject, useDaemon } from './rpc-fixture.js';

describe('task relations and labels of tasks', () => {
  const f = useDaemon();

  async function tasks(projectId: number, count: number): Promise<any[]> {
    const created = [];
    for (let i = 0; i < count; i++) created.push(await f.rpc.call('task.create', { projectId, title: `t${i}` }));
    return created;
  }

  test('task.link parent and blocks show on both tasks and raise both versions', async () => {
    const p = await newProject(f.rpc);
    const [a, b, c] = await tasks(p.id, 3);
    const linked = await f.rpc.call('task.link', { taskId: a.id, kind: 'parent', targetId: b.id });
    assert.deepEqual(linked.children.map((t: any) => t.id), [b.id]);
    assert.equal(linked.version, 2);
    const child = await f.rpc.call('task.get', { id: b.id });
    assert.deepEqual(child.parents, [{ id: a.id, ref: a.ref, title: a.title, columnId: a.columnId }]);
    assert.equal(child.version, 2);

    const blocker = await f.rpc.call('task.link', { taskId: c.id, kind: 'blocks', targetId: b.id });
    assert.deepEqual(blocker.blocks.map((t: any) => t.id), [b.id]);
    const blocked = await f.rpc.call('task.get', { id: b.id });
    assert.deepEqual(blocked.blockedBy.map((t: any) => t.id), [c.id]);
    assert.equal(blocked.blocked, true);

    const again = await f.rpc.call('task.link', { taskId: c.id, kind: 'blocks', targetId: b.id });
    assert.equal(again.version, blocker.version, 'linking twice changes nothing');
  });

  test('related is symmetric and stored once', async () => {
    const p = await newProject(f.rpc);
    const [a, b] = await tasks(p.id, 2);
    await f.rpc.call('task.link', { taskId: b.id, kind: 'related', targetId: a.id });
    const fromA = await f.rpc.call('task.link', { taskId: a.id, kind: 'related', targetId: b.id });
    assert.deepEqual(fromA.related.map((t: any) => t.id), [b.id]);
    assert.equal(fromA.version, 2, 'the second link in the other direction was the same link');
    assert.deepEqual((await f.rpc.call('task.get', { id: b.id })).related.map((t: any) => t.id), [a.id]);
    const unlinked = await f.rpc.call('task.unlink', { taskId: a.id, kind: 'related', targetId: b.id });
    assert.deepEqual(unlinked.related, []);
    assert.deepEqual((await f.rpc.call('task.get', { id: b.id })).related, []);
  });

  test('a cycle of parents or of blockers is a dependency error; a self-link a validation error', async () => {
    const p = await newProject(f.rpc);
    const [a, b, c] = await tasks(p.id, 3);
    await f.rpc.call('task.link', { taskId: a.id, kind: 'parent', targetId: b.id });
    await f.rpc.call('task.link', { taskId: b.id, kind: 'parent', targetId: c.id });
    const parentCycle = await expectError(f.rpc.call('task.link', { taskId: c.id, kind: 'parent', targetId: a.id }), Code.dependency);
    assert.equal(parentCycle.message, `cannot make ${c.ref} the parent of ${a.ref}: ${a.ref} is already an ancestor of ${c.ref}, so a task would become its own ancestor`);
    await expectError(f.rpc.call('task.link', { taskId: b.id, kind: 'parent', targetId: a.id }), Code.dependency);

    await f.rpc.call('task.link', { taskId: a.id, kind: 'blocks', targetId: b.id });
    await f.rpc.call('task.link', { taskId: b.id, kind: 'blocks', targetId: c.id });
    const blockCycle = await expectError(f.rpc.call('task.link', { taskId: c.id, kind: 'blocks', targetId: a.id }), Code.dependency);
    assert.match(blockCycle.message, new RegExp(`^cannot make ${c.ref} block ${a.ref}: ${a.ref} already blocks ${c.ref} \\(directly or through other tasks\\)`));
    // related has no direction, so it never closes a cycle.
    await f.rpc.call('task.link', { taskId: c.id, kind: 'related', targetId: a.id });

    for (const kind of ['parent', 'blocks', 'related']) {
      await expectError(f.rpc.call('task.link', { taskId: a.id, kind, targetId: a.id }), Code.validation);
    }
    const after = await f.rpc.call('task.get', { id: a.id });
    assert.deepEqual(after.parents, []);
    assert.deepEqual(after.blockedBy, []);
  });

  test('a task may have several parents, as long as no task becomes its own ancestor', async () => {
    const p = await newProject(f.rpc);
    const [a, b, c] = await tasks(p.id, 3);
    await f.rpc.call('task.link', { taskId: a.id, kind: 'parent', targetId: c.id });
    await f.rpc.call('task.link', { taskId: b.id, kind: 'parent', targetId: c.id });
    assert.deepEqual((await f.rpc.call('task.get', { id: c.id })).parents.map((t: any) => t.id), [a.id, b.id]);
  });

  test('links stay inside a project; unknown tasks are not found; bad kinds are invalid', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const [a] = await tasks(p.id, 1);
    const [x] = await tasks(other.id, 1);
    await expectError(f.rpc.call('task.link', { taskId: a.id, kind: 'blocks', targetId: x.id }), Code.validation, { field: 'targetId' });
    await expectError(f.rpc.call('task.link', { taskId: a.id, kind: 'blocks', targetId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.link', { taskId: 999_999, kind: 'blocks', targetId: a.id }), Code.notFound);
    await expectError(f.rpc.call('task.unlink', { taskId: 999_999, kind: 'blocks', targetId: a.id }), Code.notFound);
    await expectError(f.rpc.call('task.link', { taskId: a.id, kind: 'duplicates', targetId: x.id }), Code.invalidParams);
  });

  test('blocked follows the blocker into and out of the done column', async () => {
    const p = await newProject(f.rpc);
    const [blocker, other, task] = await tasks(p.id, 3);
    await f.rpc.call('task.link', { taskId: blocker.id, kind: 'blocks', targetId: task.id });
    await f.rpc.call('task.link', { taskId: other.id, kind: 'blocks', targetId: task.id });
    const isBlocked = async () => {
      const detail = await f.rpc.call('task.get', { id: task.id });
      const board = await f.rpc.call('board.get', { projectId: p.id });
      const summary = board.columns.flatMap((c: any) => c.tasks).find((t: any) => t.id === task.id);
      assert.equal(summary.blocked, detail.blocked, 'board and detail agree');
      return detail.blocked;
    };
    assert.equal(await isBlocked(), true);
    await f.rpc.call('task.move', { id: blocker.id, role: 'done' });
    assert.equal(await isBlocked(), true, 'one blocker is still open');
    await f.rpc.call('task.move', { id: other.id, role: 'done' });
    assert.equal(await isBlocked(), false);
    await f.rpc.call('task.move', { id: other.id, role: 'in_progress' });
    assert.equal(await isBlocked(), true);
    await f.rpc.call('task.unlink', { taskId: other.id, kind: 'blocks', targetId: task.id });
    assert.equal(await isBlocked(), false);

    // Without a done column every blocker counts as open.
    const cols = await f.rpc.call('column.list', { projectId: p.id });
    await f.rpc.call('column.update', { id: cols[2].id, role: null });
    assert.equal(await isBlocked(), true);
  });

  test('deleting a blocker unblocks its target and raises the target version', async () => {
    const p = await newProject(f.rpc);
    const [blocker, task] = await tasks(p.id, 2);
    await f.rpc.call('task.link', { taskId: blocker.id, kind: 'blocks', targetId: task.id });
    const before = await f.rpc.call('task.get', { id: task.id });
    await f.rpc.call('task.delete', { id: blocker.id });
    const after = await f.rpc.call('task.get', { id: task.id });
    assert.deepEqual([after.blocked, after.blockedBy, after.version], [false, [], before.version + 1]);
  });

  test('task.setLabels replaces the labels; labels must belong to the project', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const [t] = await tasks(p.id, 1);
    const bug = await f.rpc.call('label.create', { projectId: p.id, name: 'bug' });
    const api = await f.rpc.call('label.create', { projectId: p.id, name: 'API' });
    const foreign = await f.rpc.call('label.create', { projectId: other.id, name: 'bug' });
    const set = await f.rpc.call('task.setLabels', { id: t.id, labelIds: [bug.id, api.id, bug.id] });
    assert.deepEqual(set.labels.map((l: any) => l.name), ['API', 'bug']);
    assert.deepEqual(set.labelIds, [api.id, bug.id]);
    assert.equal(set.version, 2);
    const same = await f.rpc.call('task.setLabels', { id: t.id, labelIds: [api.id, bug.id] });
    assert.equal(same.version, 2);
    await expectError(f.rpc.call('task.setLabels', { id: t.id, labelIds: [foreign.id] }), Code.validation);
    await expectError(f.rpc.call('task.setLabels', { id: t.id, labelIds: [999_999] }), Code.notFound);
    await expectError(f.rpc.call('task.setLabels', { id: 999_999, labelIds: [] }), Code.notFound);
    assert.deepEqual((await f.rpc.call('task.get', { id: t.id })).labelIds, [api.id, bug.id]);
    const cleared = await f.rpc.call('task.setLabels', { id: t.id, labelIds: [] });
    assert.deepEqual([cleared.labelIds, cleared.version], [[], 3]);
  });
});
