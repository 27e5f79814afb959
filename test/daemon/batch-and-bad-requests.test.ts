/**
 * Issue 8's fuzzing defects over a real socket: batches with non-object elements, a bare
 * null, a method that is not a string, lone surrogates. Each element is answered on its own,
 * valid calls commit, rejected ones change nothing, and the daemon stays up.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitFor, type RawClient, type RpcReply } from '../helpers/daemon.js';
import { useDaemon } from './rpc-fixture.js';

const fixture = useDaemon();

async function replyTo(client: RawClient, line: string): Promise<RpcReply | RpcReply[]> {
  const seen = client.replies.length;
  let arrived: unknown;
  const onData = (chunk: Buffer) => (arrived ??= JSON.parse(chunk.toString('utf8').split('\n')[0]!));
  client.socket.on('data', onData);
  client.writeRaw(line + '\n');
  await waitFor(() => client.replies.length > seen, 'a reply');
  client.socket.off('data', onData);
  return arrived as RpcReply | RpcReply[];
}

async function titles(projectId: number): Promise<string[]> {
  const tasks = await fixture.rpc.call('task.list', { projectId });
  return tasks.map((t: { title: string }) => t.title);
}

test('a batch with null: the valid call is answered and committed, null gets its own -32600', async () => {
  const client = await fixture.daemon.client();
  const project = await client.call('project.create', { name: 'Ghosts', key: 'GHO' });
  const reply = await replyTo(
    client,
    `[{"jsonrpc":"2.0","id":1,"method":"task.create","params":{"projectId":${project.id},"title":"ghost"}},null]`,
  );
  assert.ok(Array.isArray(reply), 'a batch is answered with an array');
  assert.equal(reply.length, 2);
  const created = reply.find((r) => r.id === 1)!;
  assert.equal(created.result.title, 'ghost');
  const refused = reply.find((r) => r.id === null)!;
  assert.equal(refused.error?.code, -32600);
  assert.equal(refused.error?.data?.kind, 'validation');
  assert.deepEqual(await titles(project.id), ['ghost'], 'the answered call is committed, once');
  client.close();
});

test('every kind of non-object batch element is refused on its own; the others run in order', async () => {
  const client = await fixture.daemon.client();
  const project = await client.call('project.create', { name: 'Odd batch', key: 'ODD' });
  const create = (id: number, title: string) => ({ jsonrpc: '2.0', id, method: 'task.create', params: { projectId: project.id, title } });
  const elements = [create(1, 'first'), null, 42, 'text', true, [], [create(99, 'nested')], {}, create(2, 'second')];
  const reply = (await replyTo(client, JSON.stringify(elements))) as RpcReply[];
  assert.equal(reply.length, elements.length, 'one answer per element');
  assert.deepEqual(
    reply.map((r) => r.error?.code ?? 'ok'),
    ['ok', -32600, -32600, -32600, -32600, -32600, -32600, -32600, 'ok'],
  );
  assert.deepEqual(await titles(project.id), ['first', 'second'], 'the nested call never ran');
  client.close();
});

test('a bare null, a number and a string line each get one -32600; the connection stays usable', async () => {
  const client = await fixture.daemon.client();
  for (const line of ['null', '7', '"daemon.status"', 'true']) {
    const reply = (await replyTo(client, line)) as RpcReply;
    assert.equal(reply.error?.code, -32600, line);
    assert.equal(reply.id, null);
  }
  assert.equal((await client.call('daemon.status')).pid, fixture.daemon.process.pid);
  client.close();
});

test('a method that is not a string is an invalid request (-32600), not an unknown method', async () => {
  const client = await fixture.daemon.client();
  for (const method of [42, null, ['task.list'], { name: 'x' }]) {
    const reply = (await replyTo(client, JSON.stringify({ jsonrpc: '2.0', id: 5, method }))) as RpcReply;
    assert.equal(reply.error?.code, -32600, JSON.stringify(method));
    assert.equal(reply.id, 5);
  }
  const missing = (await replyTo(client, JSON.stringify({ jsonrpc: '2.0', id: 6 }))) as RpcReply;
  assert.equal(missing.error?.code, -32600);
  const unknown = await client.request('no.such.method');
  assert.equal(unknown.error?.code, -32601);
  client.close();
});

test('a batch of notifications only gets no reply, and its calls still run', async () => {
  const client = await fixture.daemon.client();
  const project = await client.call('project.create', { name: 'Silent', key: 'SIL' });
  const notification = { jsonrpc: '2.0', method: 'task.create', params: { projectId: project.id, title: 'quiet' } };
  client.writeRaw(JSON.stringify([notification, notification]) + '\n');
  await waitFor(async () => (await titles(project.id)).length === 2, 'both notifications to run');
  assert.ok(client.replies.every((r) => r.id !== null || !r.error), 'no reply for notifications');
  client.close();
});

test('lone UTF-16 surrogates in any string param are a validation error and change nothing', async () => {
  const client = await fixture.daemon.client();
  const project = await client.call('project.create', { name: 'Unicode', key: 'UNI' });
  const lone = '\ud800'.repeat(200);
  const attempts: [string, unknown][] = [
    ['task.create', { projectId: project.id, title: lone }],
    ['task.create', { projectId: project.id, title: 'ok', description: `fine \udc00 then not` }],
    ['task.list', { projectId: project.id, query: 'x\ud83d' }],
    ['project.create', { name: 'a\udfffb' }],
    ['hello', { actor: '\ud800' }],
    ['atomic', { calls: [{ method: 'task.create', params: { projectId: project.id, title: '\udbff' } }] }],
  ];
  for (const [method, params] of attempts) {
    const reply = await client.request(method, params);
    assert.equal(reply.error?.code, -32602, `${method}: ${JSON.stringify(reply)}`);
    assert.equal(reply.error?.data?.kind, 'validation');
    assert.match(reply.error!.message, /lone UTF-16 surrogate/);
  }
  // A well-formed pair (an emoji) is one character and is kept exactly.
  const emoji = await client.call('task.create', { projectId: project.id, title: '😀'.repeat(200) });
  assert.equal(emoji.title, '😀'.repeat(200));
  assert.deepEqual(await titles(project.id), ['😀'.repeat(200)]);
  client.close();
});
