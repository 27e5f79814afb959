/** Malformed input over a real socket: precise errors, the daemon stays up, nothing changes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeHome, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';

let daemon: DaemonHandle;
let home: string;

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
});

after(async () => {
  await daemon.stop();
  removeHome(home);
});

async function snapshot(): Promise<string> {
  const client = await daemon.client();
  try {
    const projects = await client.call('project.list');
    const boards = await Promise.all(projects.map((p: { id: number }) => client.call('board.get', { projectId: p.id })));
    return JSON.stringify({ projects, boards });
  } finally {
    client.close();
  }
}

test('not-JSON gets a -32700 parse error and the connection stays usable', async () => {
  const before = await snapshot();
  const client = await daemon.client();
  client.writeRaw('this is not json\n');
  const reply = await client.nextReply();
  assert.equal(reply.error?.code, -32700);
  assert.equal(reply.error?.data?.kind, 'validation');
  assert.equal(reply.id, null);
  const status = await client.call('daemon.status');
  assert.equal(status.pid, daemon.process.pid);
  client.close();
  assert.equal(await snapshot(), before);
});

test('a request that is not a JSON-RPC request gets -32600', async () => {
  const client = await daemon.client();
  client.writeRaw('{"hello":"world"}\n');
  const reply = await client.nextReply();
  assert.equal(reply.error?.code, -32600);
  client.close();
});

test('unknown method gets -32601', async () => {
  const client = await daemon.client();
  const reply = await client.request('task.explode', {});
  assert.equal(reply.error?.code, -32601);
  assert.equal(reply.error?.data?.kind, 'not_found');
  client.close();
});

test('wrong param types get -32602 naming the field, and change nothing', async () => {
  const before = await snapshot();
  const client = await daemon.client();
  const reply = await client.request('project.create', { name: 42 });
  assert.equal(reply.error?.code, -32602);
  assert.equal(reply.error?.data?.kind, 'validation');
  assert.match(reply.error!.message, /params\.name/);
  const positional = await client.request('project.create', ['x']);
  assert.equal(positional.error?.code, -32602);
  const extra = await client.request('project.list', { bogus: true });
  assert.equal(extra.error?.code, -32602);
  assert.match(extra.error!.message, /params\.bogus/);
  const badEnum = await client.request('task.list', { projectId: 1, priority: 'urgent' });
  assert.match(badEnum.error!.message, /must be one of trivial, low, medium, high, critical/);
  client.close();
  assert.equal(await snapshot(), before);
});

test('a batch answers each call on its own', async () => {
  const client = await daemon.client();
  client.writeRaw(
    JSON.stringify([
      { jsonrpc: '2.0', id: 'a', method: 'daemon.status' },
      { jsonrpc: '2.0', id: 'b', method: 'no.such.method' },
      { jsonrpc: '2.0', id: 'c', method: 'project.get', params: { id: 999999 } },
    ]) + '\n',
  );
  await waitFor(() => client.replies.length >= 3, 'three batch replies');
  const byId = new Map(client.replies.map((r) => [r.id, r]));
  assert.ok(byId.get('a')?.result?.pid);
  assert.equal(byId.get('b')?.error?.code, -32601);
  assert.equal(byId.get('c')?.error?.code, -32001);
  assert.equal(byId.get('c')?.error?.data?.kind, 'not_found');
  client.close();
});

test('a 2 MiB line gets -32600 and the connection is closed; the daemon stays up', async () => {
  const before = await snapshot();
  const client = await daemon.client();
  const huge = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'project.create', params: { name: 'x'.repeat(2 * 1024 * 1024) } });
  client.writeRaw(huge + '\n');
  const reply = await client.nextReply();
  assert.equal(reply.error?.code, -32600);
  assert.match(reply.error!.message, /line too long/);
  await waitFor(() => client.closed, 'the daemon to close the connection');
  assert.equal(await snapshot(), before);
  const other = await daemon.client();
  assert.equal((await other.call('daemon.status')).pid, daemon.process.pid);
  other.close();
});

test('a partial line then disconnect changes nothing and leaves the daemon up', async () => {
  const before = await snapshot();
  const client = await daemon.client();
  client.writeRaw('{"jsonrpc":"2.0","id":1,"method":"project.create","params":{"name":"half');
  client.close();
  const other = await daemon.client();
  await waitFor(async () => (await other.call('daemon.status')).connections === 1, 'the partial connection to go');
  other.close();
  assert.equal(await snapshot(), before);
  assert.equal(daemon.process.exitCode, null);
});

test('rpc.discover lists every method with a JSON Schema for its params', async () => {
  const client = await daemon.client();
  const { methods } = await client.call('rpc.discover');
  const names = methods.map((m: { name: string }) => m.name);
  for (const name of ['board.get', 'task.create', 'task.link', 'atomic', 'subscribe', 'daemon.status']) {
    assert.ok(names.includes(name), `${name} is listed`);
  }
  const create = methods.find((m: { name: string }) => m.name === 'task.create');
  assert.equal(create.params.type, 'object');
  assert.deepEqual(create.params.required.sort(), ['projectId', 'title']);
  assert.equal(create.params.properties.title.maxLength, 200);
  client.close();
});

test('a client that floods requests without reading is paused, and others are still served', async () => {
  const flooder = await daemon.client();
  flooder.socket.pause(); // never read the answers
  const line = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'daemon.status' }) + '\n';
  const chunk = line.repeat(1000);
  // Keep writing until the daemon stops reading: our own unsent bytes then pile up.
  await waitFor(() => {
    for (let i = 0; i < 50; i++) flooder.socket.write(chunk);
    return flooder.socket.writableLength > 8 * 1024 * 1024;
  }, 'the daemon to stop reading the flooder', 30_000);
  const other = await daemon.client();
  const status = await other.call('daemon.status');
  assert.equal(status.pid, daemon.process.pid);
  other.close();
  flooder.close();
});

test('an id that is not a string, number or null is refused before it is echoed; the daemon stays up', async () => {
  const before = await snapshot();
  const client = await daemon.client();
  const depth = 20_000; // deep enough to overflow JSON.stringify if echoed back
  client.writeRaw(`{"jsonrpc":"2.0","id":${'['.repeat(depth)}${']'.repeat(depth)},"method":"project.create","params":{"name":"deep"}}\n`);
  const reply = await client.nextReply();
  assert.equal(reply.error?.code, -32600);
  assert.equal(reply.id, null);
  assert.match(reply.error!.message, /id must be a string, a number or null/);
  client.writeRaw(JSON.stringify([{ jsonrpc: '2.0', id: { nested: true }, method: 'daemon.status' }]) + '\n');
  assert.equal((await client.nextReply()).error?.code, -32600);
  assert.equal((await client.call('daemon.status')).pid, daemon.process.pid);
  client.close();
  assert.equal(await snapshot(), before);
});

test('rejected calls are answers, not log lines', async () => {
  const log = () => readFileSync(join(home, 'daemon.log'), 'utf8');
  const before = log();
  const client = await daemon.client();
  for (let i = 0; i < 20; i++) {
    assert.equal((await client.request('task.get', { id: 999_999 })).error?.code, -32001);
    assert.equal((await client.request('project.create', { name: '' })).error?.code, -32602);
  }
  client.close();
  assert.equal(log(), before);
});
