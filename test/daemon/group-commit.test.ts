/**
 * Group commit over a real socket: calls that arrive together share a transaction, but each
 * keeps its own outcome (a failure rolls back only itself), its own seq and its own db_changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitFor, type RawClient, type RpcReply } from '../helpers/daemon.js';
import { useDaemon } from './rpc-fixture.js';

const fixture = useDaemon();

/** Writes every request in one chunk (so they arrive together) and waits for all replies by id. */
async function pipeline(client: RawClient, requests: { method: string; params?: unknown }[], firstId: number): Promise<RpcReply[]> {
  const lines = requests.map((r, i) => JSON.stringify({ jsonrpc: '2.0', id: firstId + i, ...r }) + '\n');
  const seen = client.replies.length;
  client.writeRaw(lines.join(''));
  await waitFor(() => client.replies.length >= seen + requests.length, 'every pipelined reply');
  const byId = new Map(client.replies.slice(seen).map((r) => [r.id, r]));
  return requests.map((_, i) => byId.get(firstId + i)!);
}

test('a pipeline: a failing call in the middle rolls back only itself; each change has its own seq and db_changed', async () => {
  const writer = await fixture.daemon.client();
  const subscriber = await fixture.daemon.client();
  const project = await writer.call('project.create', { name: 'Pipeline', key: 'PIP' });
  const { seq: before } = await subscriber.call('subscribe', { projectId: project.id });
  const create = (title: string) => ({ method: 'task.create', params: { projectId: project.id, title } });
  const replies = await pipeline(
    writer,
    [
      create('one'),
      create('two'),
      // Its first call writes, its second fails: the whole atomic, and only it, is undone.
      { method: 'atomic', params: { calls: [create('rolled back'), { method: 'task.get', params: { id: 999_999 } }] } },
      { method: 'task.get', params: { id: 999_998 } },
      create('three'),
      { method: 'task.list', params: { projectId: project.id } },
    ],
    100,
  );
  assert.deepEqual(
    replies.map((r) => r.error?.code ?? 'ok'),
    ['ok', 'ok', -32001, -32001, 'ok', 'ok'],
  );
  assert.deepEqual(
    replies[5]!.result.map((t: { title: string }) => t.title),
    ['one', 'two', 'three'],
    'a read later in the group sees the earlier calls, not the rolled-back one',
  );
  await waitFor(() => subscriber.notifications.length >= 3, 'three db_changed');
  const seqs = subscriber.notifications.map((n) => n.params.seq);
  assert.deepEqual(seqs, [before + 1, before + 2, before + 3], 'one seq per committed call, rising, no gap for the failed ones');
  assert.equal((await writer.call('daemon.status')).seq, before + 3);
  assert.deepEqual(
    (await writer.call('task.list', { projectId: project.id })).map((t: { ticket: number }) => t.ticket),
    [1, 2, 3],
    'the rolled-back create did not use up a ticket',
  );
  writer.close();
  subscriber.close();
});

test('eight clients writing at once: every call answered and committed, seqs distinct, positions exact', async () => {
  const setup = await fixture.daemon.client();
  const project = await setup.call('project.create', { name: 'Crowd', key: 'CRO' });
  const { seq: before } = await setup.call('daemon.status');
  const clients = await Promise.all(Array.from({ length: 8 }, () => fixture.daemon.client()));
  const perClient = 25;
  const all = await Promise.all(
    clients.map((client, c) =>
      pipeline(
        client,
        Array.from({ length: perClient }, (_, i) => ({ method: 'task.create', params: { projectId: project.id, title: `c${c} #${i}` } })),
        1_000,
      ),
    ),
  );
  for (const replies of all) assert.ok(replies.every((r) => r.result?.id), 'every call succeeded');
  const tasks = await setup.call('task.list', { projectId: project.id });
  assert.equal(tasks.length, 8 * perClient);
  assert.deepEqual(
    tasks.map((t: { position: number }) => t.position),
    tasks.map((_: unknown, i: number) => i),
    'positions are exactly 0..n-1',
  );
  for (let c = 0; c < 8; c++) {
    const mine = tasks.filter((t: { title: string }) => t.title.startsWith(`c${c} #`)).map((t: { title: string }) => t.title);
    assert.deepEqual(mine, Array.from({ length: perClient }, (_, i) => `c${c} #${i}`), "each client's calls ran in its order");
  }
  assert.equal((await setup.call('daemon.status')).seq, before + 8 * perClient, 'one seq per call');
  for (const client of [setup, ...clients]) client.close();
});
