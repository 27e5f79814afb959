import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, expectError, newProject, useDaemon } from './rpc-fixture.js';
import { userInfo } from 'node:os';

describe('label and comment methods', () => {
  const f = useDaemon();

  test('label.create normalizes colour, picks defaults from a palette, and lists by name', async () => {
    const p = await newProject(f.rpc);
    const red = await f.rpc.call('label.create', { projectId: p.id, name: ' urgent ', color: '#ff00aa' });
    assert.deepEqual([red.name, red.color, red.projectId], ['urgent', '#FF00AA', p.id]);
    const first = await f.rpc.call('label.create', { projectId: p.id, name: 'Backend' });
    const second = await f.rpc.call('label.create', { projectId: p.id, name: 'docs' });
    assert.match(first.color, /^#[0-9A-F]{6}$/);
    assert.notEqual(first.color, second.color, 'consecutive default colours differ');
    const list = await f.rpc.call('label.list', { projectId: p.id });
    assert.deepEqual(list.map((l: any) => l.name), ['Backend', 'docs', 'urgent']);
    await expectError(f.rpc.call('label.list', { projectId: 999_999 }), Code.notFound);
  });

  test('label names are unique per project regardless of case', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const bug = await f.rpc.call('label.create', { projectId: p.id, name: 'Bug' });
    await expectError(f.rpc.call('label.create', { projectId: p.id, name: 'bUG' }), Code.validation, { field: 'name' });
    await f.rpc.call('label.create', { projectId: other.id, name: 'bug' });
    const ux = await f.rpc.call('label.create', { projectId: p.id, name: 'ux' });
    await expectError(f.rpc.call('label.update', { id: ux.id, name: 'BUG' }), Code.validation, { field: 'name' });
    const recased = await f.rpc.call('label.update', { id: bug.id, name: 'BUG' });
    assert.equal(recased.name, 'BUG');
    assert.equal((await f.rpc.call('label.list', { projectId: p.id })).length, 2);
  });

  test('label.create and label.update reject bad input and unknown ids', async () => {
    const p = await newProject(f.rpc);
    const l = await f.rpc.call('label.create', { projectId: p.id, name: 'l' });
    await expectError(f.rpc.call('label.create', { projectId: p.id, name: 'x', color: 'red' }), Code.invalidParams);
    await expectError(f.rpc.call('label.create', { projectId: p.id, name: '   ' }), Code.invalidParams);
    await expectError(f.rpc.call('label.create', { projectId: 999_999, name: 'x' }), Code.notFound);
    await expectError(f.rpc.call('label.update', { id: 999_999, name: 'x' }), Code.notFound);
    await expectError(f.rpc.call('label.update', { id: l.id, color: '#12345' }), Code.invalidParams);
    const recoloured = await f.rpc.call('label.update', { id: l.id, name: 'renamed', color: '#abcdef' });
    assert.deepEqual([recoloured.name, recoloured.color], ['renamed', '#ABCDEF']);
  });

  test('label.delete removes the label from its tasks, raising their versions', async () => {
    const p = await newProject(f.rpc);
    const l = await f.rpc.call('label.create', { projectId: p.id, name: 'temp' });
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x', labelIds: [l.id] });
    assert.deepEqual(await f.rpc.call('label.delete', { id: l.id }), { ok: true });
    const after = await f.rpc.call('task.get', { id: t.id });
    assert.deepEqual([after.labelIds, after.labels, after.version], [[], [], 2]);
    assert.deepEqual(await f.rpc.call('label.list', { projectId: p.id }), []);
    await expectError(f.rpc.call('label.delete', { id: l.id }), Code.notFound);
  });

  test('comment.add trims the body, defaults the author to the user, and shows on the task', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x' });
    const c = await f.rpc.call('comment.add', { taskId: t.id, body: '  looks good\n  ' });
    assert.deepEqual([c.taskId, c.body, c.author], [t.id, 'looks good', userInfo().username]);
    assert.equal(c.createdAt, c.updatedAt);
    const named = await f.rpc.call('comment.add', { taskId: t.id, body: 'second', author: 'reviewer' });
    assert.equal(named.author, 'reviewer');
    const detail = await f.rpc.call('task.get', { id: t.id });
    assert.deepEqual(detail.comments, [c, named]);
    assert.equal(detail.version, 1, 'comments are not edits of the task');
    await expectError(f.rpc.call('comment.add', { taskId: t.id, body: ' \n ' }), Code.invalidParams);
    await expectError(f.rpc.call('comment.add', { taskId: t.id, body: 'x'.repeat(4001) }), Code.invalidParams);
    await expectError(f.rpc.call('comment.add', { taskId: 999_999, body: 'x' }), Code.notFound);
  });

  test('comment.update and comment.delete change one comment', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x' });
    const c = await f.rpc.call('comment.add', { taskId: t.id, body: 'draft' });
    const keep = await f.rpc.call('comment.add', { taskId: t.id, body: 'keep' });
    const edited = await f.rpc.call('comment.update', { id: c.id, body: ' final ' });
    assert.deepEqual([edited.id, edited.body, edited.createdAt], [c.id, 'final', c.createdAt]);
    await expectError(f.rpc.call('comment.update', { id: c.id, body: '  ' }), Code.invalidParams);
    await expectError(f.rpc.call('comment.update', { id: 999_999, body: 'x' }), Code.notFound);
    assert.deepEqual(await f.rpc.call('comment.delete', { id: c.id }), { ok: true });
    assert.deepEqual((await f.rpc.call('task.get', { id: t.id })).comments, [keep]);
    await expectError(f.rpc.call('comment.delete', { id: c.id }), Code.notFound);
  });

  test('deleting a task deletes its comments', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x' });
    const c = await f.rpc.call('comment.add', { taskId: t.id, body: 'bye' });
    await f.rpc.call('task.delete', { id: t.id });
    await expectError(f.rpc.call('comment.update', { id: c.id, body: 'still here?' }), Code.notFound);
  });
});
