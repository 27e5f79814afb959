/** db_changed: who hears what, in which order, and seq across restarts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHome, removeHome, startDaemon, waitFor, withDaemon } from '../helpers/daemon.js';

test('two subscribers, one per project, each get exactly their notifications; seq rises across a restart', async () => {
  const home = makeHome();
  let daemon = await startDaemon(home);
  try {
    const writer = await daemon.client();
    const web = await writer.call('project.create', { name: 'Web', key: 'WEB' });
    const api = await writer.call('project.create', { name: 'Api', key: 'API' });

    const webSub = await daemon.client();
    const apiSub = await daemon.client();
    const { seq: startSeq } = await webSub.call('subscribe', { projectId: web.id });
    await apiSub.call('subscribe', { projectId: api.id });

    const t1 = await writer.call('task.create', { projectId: web.id, title: 'web one' });
    await writer.call('task.create', { projectId: api.id, title: 'api one' });
    await writer.call('task.update', { id: t1.id, title: 'web one, renamed' });
    await writer.call('project.update', { id: api.id, description: 'changes to projects reach everyone' });
    await writer.call('board.get', { projectId: web.id }); // a read: no notification

    await waitFor(() => webSub.notifications.length >= 3 && apiSub.notifications.length >= 2, 'notifications');
    const webChanges = webSub.notifications.map((n) => n.params);
    const apiChanges = apiSub.notifications.map((n) => n.params);
    assert.deepEqual(webChanges.map((c) => c.projectId), [web.id, web.id, api.id]);
    assert.deepEqual(apiChanges.map((c) => c.projectId), [api.id, api.id]);
    for (const n of [...webSub.notifications, ...apiSub.notifications]) assert.equal(n.method, 'db_changed');
    const webSeqs = webChanges.map((c) => c.seq);
    assert.ok(webSeqs[0] > startSeq);
    assert.deepEqual([...webSeqs].sort((a, b) => a - b), webSeqs, 'seq rises');
    assert.equal(new Set([...webSeqs, ...apiChanges.map((c) => c.seq)]).size, 4, 'one seq per commit (the project change reaches both)');
    assert.ok(!Number.isNaN(Date.parse(webChanges[0].at)));

    const lastSeq = Math.max(...webSeqs, ...apiChanges.map((c) => c.seq));
    for (const c of [writer, webSub, apiSub]) c.close();
    await daemon.stop();

    daemon = await startDaemon(home);
    const sub = await daemon.client();
    const { seq: resumed } = await sub.call('subscribe', {});
    assert.equal(resumed, lastSeq, 'seq is persisted');
    const writer2 = await daemon.client();
    await writer2.call('task.create', { projectId: web.id, title: 'after restart' });
    await waitFor(() => sub.notifications.length === 1, 'a notification after restart');
    assert.ok(sub.notifications[0].params.seq > lastSeq);
    sub.close();
    writer2.close();
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});

test("the caller's response comes before its own db_changed; unsubscribe stops them", () =>
  withDaemon(async (daemon) => {
    const client = await daemon.client();
    await client.call('subscribe', {});
    const project = await client.call('project.create', { name: 'Order' });
    await waitFor(() => client.notifications.length === 1, 'the notification');
    // RawClient records replies and notifications in arrival order in one stream each;
    // the socket order is checked through the raw line order below.
    const lines: string[] = [];
    client.socket.on('data', (d) => lines.push(...d.toString().split('\n').filter(Boolean)));
    await client.call('task.create', { projectId: project.id, title: 'ordered' });
    await waitFor(() => lines.length >= 2, 'response and notification');
    assert.ok('result' in JSON.parse(lines[0]!), 'the response first');
    assert.equal(JSON.parse(lines[1]!).method, 'db_changed');

    assert.deepEqual(await client.call('unsubscribe'), { ok: true });
    const before = client.notifications.length;
    await client.call('task.create', { projectId: project.id, title: 'unheard' });
    const probe = await daemon.client();
    await probe.call('subscribe', {});
    await probe.call('task.create', { projectId: project.id, title: 'heard by the probe' });
    await waitFor(() => probe.notifications.length === 1, 'the probe notification');
    assert.equal(client.notifications.length, before);
    client.close();
    probe.close();
  }));

test('atomic commits once and sends one db_changed; a failure rolls everything back', () =>
  withDaemon(async (daemon) => {
    const client = await daemon.client();
    const project = await client.call('project.create', { name: 'Atomic', key: 'AT' });
    const sub = await daemon.client();
    await sub.call('subscribe', { projectId: project.id });
    const results = await client.call('atomic', {
      calls: [
        { method: 'task.create', params: { projectId: project.id, title: 'one' } },
        { method: 'task.create', params: { projectId: project.id, title: 'two' } },
        { method: 'label.create', params: { projectId: project.id, name: 'urgent' } },
      ],
    });
    assert.deepEqual(results.map((r: { title?: string; name?: string }) => r.title ?? r.name), ['one', 'two', 'urgent']);
    await waitFor(() => sub.notifications.length === 1, 'one notification');

    const failing = await client.request('atomic', {
      calls: [
        { method: 'task.create', params: { projectId: project.id, title: 'three' } },
        { method: 'task.get', params: { id: 999999 } },
      ],
    });
    assert.equal(failing.error?.code, -32001);
    assert.equal(failing.error?.data?.index, 1);
    const nested = await client.request('atomic', { calls: [{ method: 'daemon.shutdown' }] });
    assert.equal(nested.error?.code, -32602);
    const tasks = await client.call('task.list', { projectId: project.id });
    assert.deepEqual(tasks.map((t: { title: string }) => t.title).sort(), ['one', 'two']);
    const probe = await daemon.client();
    await probe.call('task.create', { projectId: project.id, title: 'marker' });
    await waitFor(() => sub.notifications.length === 2, 'the marker notification');
    assert.equal(sub.notifications.length, 2, 'the failed atomic sent nothing');
    for (const c of [client, sub, probe]) c.close();
  }));

test('a subscriber that does not read gets merged notifications, not an unbounded backlog', () =>
  withDaemon(async (daemon) => {
    const writer = await daemon.client();
    const project = await writer.call('project.create', { name: 'Flood' });
    const task = await writer.call('task.create', { projectId: project.id, title: 't' });
    const slow = await daemon.client();
    await slow.call('subscribe', {});
    slow.socket.pause();
    // Enough notifications to fill the kernel's socket buffers (a few hundred KiB) and then some.
    const COMMITS = 10_000;
    for (let i = 0; i < COMMITS; i++) {
      await writer.call('task.update', { id: task.id, title: `t${i}` });
    }
    const { seq: lastSeq } = await writer.call('subscribe', {});
    slow.socket.resume();
    await waitFor(() => slow.notifications.at(-1)?.params.seq === lastSeq, 'the latest seq to arrive');
    assert.ok(slow.notifications.length < COMMITS, `merged: ${slow.notifications.length} < ${COMMITS}`);
    const seqs = slow.notifications.map((n) => n.params.seq);
    assert.deepEqual([...seqs].sort((a, b) => a - b), seqs);
    writer.close();
    slow.close();
  }));

test('subscribing to a project that does not exist is not_found', () =>
  withDaemon(async (daemon) => {
    const client = await daemon.client();
    const reply = await client.request('subscribe', { projectId: 424242 });
    assert.equal(reply.error?.code, -32001);
    assert.equal(reply.error?.data?.kind, 'not_found');
    client.close();
  }));

test('subscribe {sinceSeq}: one db_changed with the current seq follows the reply when the seq is past it, none otherwise', () =>
  withDaemon(async (daemon) => {
    const writer = await daemon.client();
    const project = await writer.call('project.create', { name: 'Since', key: 'SIN' });
    const { seq: seen } = await writer.call('daemon.status');
    await writer.call('task.create', { projectId: project.id, title: 'made while away' });
    await writer.call('task.create', { projectId: project.id, title: 'and another' });

    const back = await daemon.client();
    const lines: string[] = [];
    back.socket.on('data', (d) => lines.push(...d.toString().split('\n').filter(Boolean)));
    const { seq } = await back.call('subscribe', { projectId: project.id, sinceSeq: seen });
    assert.equal(seq, seen + 2);
    await waitFor(() => back.notifications.length === 1, 'the catch-up db_changed');
    assert.equal(back.notifications[0].params.seq, seq, 'it carries the current seq');
    assert.equal(back.notifications[0].params.projectId, null, 'what changed is not known: no project');
    assert.ok('result' in JSON.parse(lines[0]!), 'the reply comes first');

    // Up to date: nothing follows. A later commit proves the connection would have shown one.
    const current = await daemon.client();
    await current.call('subscribe', { projectId: project.id, sinceSeq: seq });
    await current.call('subscribe', { sinceSeq: seq + 5 });
    await writer.call('task.create', { projectId: project.id, title: 'marker' });
    await waitFor(() => current.notifications.length >= 1, 'the marker');
    assert.deepEqual(current.notifications.map((n) => n.params.seq), [seq + 1]);
    for (const c of [writer, back, current]) c.close();
  }));
