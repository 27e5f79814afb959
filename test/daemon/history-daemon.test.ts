/**
 * The change log through a real daemon: identities from hello, conflicts between two
 * connections, a neighbour's move not blocking an undo, one db_changed per undo/redo,
 * history surviving kill -9, list filters, and pruning.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHome, removeHome, startDaemon, waitFor, withDaemon } from '../helpers/daemon.js';
import { columnsByRole, Code, expectError } from './rpc-fixture.js';

test('conflict: A renames, B renames again, A\'s undo is refused naming B\'s change and changes nothing', () =>
  withDaemon(async (daemon) => {
    const a = await daemon.client();
    const b = await daemon.client();
    await a.call('hello', { actor: 'ann', client: 'board' });
    await b.call('hello', { actor: 'bob', client: 'board' });
    const project = await a.call('project.create', { name: 'Web', key: 'WEB' });
    const task = await a.call('task.create', { projectId: project.id, title: 'Fix login' });
    await a.call('task.update', { id: task.id, title: 'Fix the login' });
    const [annEdit] = await a.call('history.list', { taskId: task.id, limit: 1 });
    await b.call('task.update', { id: task.id, title: 'Fix login on Safari' });
    const [bobEdit] = await b.call('history.list', { taskId: task.id, limit: 1 });
    assert.deepEqual([annEdit.actor, bobEdit.actor], ['ann', 'bob']);
    assert.equal(bobEdit.summary, 'renamed WEB-1 "Fix the login" → "Fix login on Safari"');
    const seqBefore = (await a.call('daemon.status')).seq;

    const error = await expectError(a.call('history.undo', { seq: annEdit.seq }), Code.conflict);
    assert.equal(error.data.change.seq, bobEdit.seq);
    assert.equal(error.data.change.actor, 'bob');
    assert.match(error.message, new RegExp(`change ${bobEdit.seq} \\(renamed WEB-1 .*, by bob\\) changed the same data since`));
    assert.equal((await a.call('task.get', { id: task.id })).title, 'Fix login on Safari');
    assert.equal((await a.call('daemon.status')).seq, seqBefore, 'a refused undo commits nothing');
    const [listed] = await a.call('history.list', { actor: 'ann', limit: 1 });
    assert.equal(listed.undoable, false);

    // Once B's rename is undone, A's is the newest in effect again.
    await b.call('history.undo', { seq: bobEdit.seq });
    await a.call('history.undo', { seq: annEdit.seq });
    assert.equal((await a.call('task.get', { id: task.id })).title, 'Fix login');
  }));

test('a neighbour moved into the same column does not block undoing my move; positions stay 0..n-1', () =>
  withDaemon(async (daemon) => {
    const a = await daemon.client();
    const b = await daemon.client();
    const project = await a.call('project.create', { name: 'Web', key: 'WEB' });
    const { done } = await columnsByRole(a, project.id);
    const mine = await a.call('task.create', { projectId: project.id, title: 'mine' });
    const theirs = await a.call('task.create', { projectId: project.id, title: 'theirs' });
    await a.call('task.move', { id: mine.id, columnId: done.id });
    const [move] = await a.call('history.list', { taskId: mine.id, limit: 1 });
    await b.call('task.move', { id: theirs.id, columnId: done.id, position: 0 });
    assert.equal((await a.call('task.get', { id: mine.id })).position, 1, 'mine was shifted by their move');

    const undo = await a.call('history.undo', { seq: move.seq });
    assert.equal(undo.summary, 'undid: moved WEB-1 Todo → Done');
    const board = await a.call('board.get', { projectId: project.id });
    const where = (id: number) => board.columns.find((c: any) => c.tasks.some((t: any) => t.id === id));
    assert.equal(where(mine.id).role, 'ready');
    assert.deepEqual(where(theirs.id).tasks.map((t: any) => [t.id, t.position]), [[theirs.id, 0]]);
    assert.equal(undo.client, 'rpc', 'no hello: recorded as rpc');
  }));

test('each undo and redo commits once and sends exactly one db_changed with its seq', () =>
  withDaemon(async (daemon) => {
    const writer = await daemon.client();
    const watcher = await daemon.client();
    const project = await writer.call('project.create', { name: 'Web', key: 'WEB' });
    const task = await writer.call('task.create', { projectId: project.id, title: 'one' });
    const [create] = await writer.call('history.list', { projectId: project.id, limit: 1 });
    await watcher.call('subscribe', { projectId: project.id });
    const undo = await writer.call('history.undo', { seq: create.seq });
    await waitFor(() => watcher.notifications.length >= 1, 'the undo notification');
    const redo = await writer.call('history.redo', { seq: create.seq });
    await waitFor(() => watcher.notifications.length >= 2, 'the redo notification');
    await writer.call('board.get', { projectId: project.id });
    await writer.call('task.update', { id: task.id, title: 'marker' });
    await waitFor(() => watcher.notifications.length >= 3, 'the marker notification');
    assert.deepEqual(
      watcher.notifications.map((n) => n.params.seq),
      [undo.seq, redo.seq, redo.seq + 1],
      'one notification per undo and redo, carrying its seq, and nothing else',
    );
    assert.equal((await writer.call('task.get', { id: task.id })).ref, 'WEB-1', 'the redone task has its id and ref');
  }));

test('kill -9 between a change and its undo: the history is intact and the undo works', async () => {
  const home = makeHome();
  let daemon = await startDaemon(home);
  try {
    const client = await daemon.client();
    await client.call('hello', { actor: 'ann', client: 'cli' });
    const project = await client.call('project.create', { name: 'Web', key: 'WEB' });
    const task = await client.call('task.create', { projectId: project.id, title: 'doomed' });
    await client.call('comment.add', { taskId: task.id, body: 'keep me' });
    await client.call('task.delete', { id: task.id });
    const before = await client.call('history.list', { projectId: project.id });
    client.close();
    await daemon.stop('SIGKILL');

    daemon = await startDaemon(home);
    const again = await daemon.client();
    assert.deepEqual(await again.call('history.list', { projectId: project.id }), before);
    const undo = await again.call('history.undo', { seq: before[0].seq });
    assert.ok(undo.seq > before[0].seq);
    const back = await again.call('task.get', { ref: 'WEB-1' });
    assert.equal(back.id, task.id);
    assert.deepEqual(back.comments.map((c: any) => c.body), ['keep me']);
    again.close();
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});

test('history.list filters by project, task, actor and beforeSeq, newest first', () =>
  withDaemon(async (daemon) => {
    const client = await daemon.client();
    await client.call('hello', { actor: 'ann', client: 'cli' });
    const web = await client.call('project.create', { name: 'Web', key: 'WEB' });
    const api = await client.call('project.create', { name: 'Api', key: 'API' });
    const one = await client.call('task.create', { projectId: web.id, title: 'one' });
    await client.call('task.create', { projectId: api.id, title: 'two' });
    await client.call('hello', { actor: 'bob' });
    await client.call('comment.add', { taskId: one.id, body: 'hi' });

    const webChanges = await client.call('history.list', { projectId: web.id });
    assert.deepEqual(webChanges.map((c: any) => c.summary), ['commented on WEB-1', 'created WEB-1 "one"', 'created project "Web" (WEB)']);
    const seqs = webChanges.map((c: any) => c.seq);
    assert.deepEqual([...seqs].sort((x: number, y: number) => y - x), seqs);
    assert.deepEqual((await client.call('history.list', { taskId: one.id })).map((c: any) => c.actor), ['bob', 'ann']);
    assert.equal((await client.call('history.list', { actor: 'bob' })).length, 1);
    assert.equal((await client.call('history.list', { actor: 'bob' }))[0].client, 'rpc', 'a hello without client: rpc');
    assert.deepEqual((await client.call('history.list', { projectId: web.id, beforeSeq: seqs[0], limit: 1 })).map((c: any) => c.seq), [seqs[1]]);
    await expectError(client.call('history.undo', { seq: 10_000 }), Code.notFound);
    await expectError(client.call('history.list', { limit: 0 }), Code.invalidParams);
  }));

test('pruning keeps the newest PASO_HISTORY_KEEP changes of each project; a pruned change is not undoable', async () => {
  const home = makeHome();
  const daemon = await startDaemon(home, { PASO_HISTORY_KEEP: '20' });
  try {
    const client = await daemon.client();
    const project = await client.call('project.create', { name: 'Web', key: 'WEB' });
    const task = await client.call('task.create', { projectId: project.id, title: 't0' });
    const [first] = await client.call('history.list', { projectId: project.id, limit: 1 });
    for (let i = 1; i <= 60; i++) await client.call('task.update', { id: task.id, title: `t${i}` });
    const kept = await client.call('history.list', { projectId: project.id, limit: 1000 });
    assert.ok(kept.length >= 20 && kept.length <= 21, `kept ${kept.length}`);
    assert.equal(kept[0].summary, 'renamed WEB-1 "t59" → "t60"');
    await expectError(client.call('history.undo', { seq: first.seq }), Code.notFound);
    await client.call('history.undo', { seq: kept[0].seq });
    assert.equal((await client.call('task.get', { id: task.id })).title, 't59');
    client.close();
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});
