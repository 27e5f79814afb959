/**
 * task.move's expectedVersion (a stale move is refused with the task as it is, and changes
 * nothing), and task.list's query matching labels and descriptions with the shared matcher.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, columnsByRole, expectError, newProject, useDaemon } from './rpc-fixture.js';

describe('task.move expectedVersion and task.list query', () => {
  const f = useDaemon();

  test('a move with a stale expectedVersion is a conflict carrying the current task, and moves nothing', async () => {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'Contested' });
    await f.rpc.call('task.create', { projectId: p.id, title: 'Other' });
    const moved = await f.rpc.call('task.move', { id: t.id, columnId: cols.in_progress.id, expectedVersion: 1 });
    assert.equal(moved.version, 2);
    const error = await expectError(f.rpc.call('task.move', { id: t.id, columnId: cols.ready.id, position: 1, expectedVersion: 1 }), Code.conflict);
    assert.match(error.message, new RegExp(`${t.ref}`), 'the message names the task by ref');
    assert.equal(error.data.current.columnId, cols.in_progress.id);
    assert.deepEqual(error.data.current, await f.rpc.call('task.get', { id: t.id }), 'the conflict carries the task as it is');
    assert.equal((await f.rpc.call('task.get', { id: t.id })).version, 2, 'nothing changed');
  });

  test('a stale move is refused even when it would not move the card', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'Still' });
    await f.rpc.call('task.update', { id: t.id, title: 'Renamed' });
    await expectError(f.rpc.call('task.move', { id: t.id, columnId: t.columnId, position: 0, expectedVersion: 1 }), Code.conflict);
    const same = await f.rpc.call('task.move', { id: t.id, columnId: t.columnId, position: 0, expectedVersion: 2 });
    assert.equal(same.version, 2, 'a current no-op move succeeds and changes nothing');
  });

  test('task.list query matches ref, title, description and label names, folding case', async () => {
    const p = await newProject(f.rpc);
    const security = await f.rpc.call('label.create', { projectId: p.id, name: 'Security' });
    const labelled = await f.rpc.call('task.create', { projectId: p.id, title: 'Rotate keys', labelIds: [security.id] });
    const described = await f.rpc.call('task.create', { projectId: p.id, title: 'Parser', description: 'fails at\nLine 42 of the input' });
    const titled = await f.rpc.call('task.create', { projectId: p.id, title: 'ÄRGER with umlauts' });
    await f.rpc.call('task.create', { projectId: p.id, title: 'Unrelated' });
    const ids = async (query: string) => (await f.rpc.call('task.list', { projectId: p.id, query })).map((t: any) => t.id);
    assert.deepEqual(await ids('security'), [labelled.id], 'a label name matches');
    assert.deepEqual(await ids('line 42'), [described.id], 'the description matches, across case');
    assert.deepEqual(await ids('ärger'), [titled.id], 'non-ASCII case folds too');
    assert.deepEqual(await ids(described.ref.toLowerCase()), [described.id], 'the ref matches');
    assert.equal((await ids('  ')).length, 4, 'a blank query matches everything');
  });
});
