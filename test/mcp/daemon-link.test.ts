/**
 * The MCP server's daemon link alone, against a scripted daemon on the home's socket that
 * records every request and can drop a connection right after reading a request: the one
 * moment a real daemon cannot be made to hit on purpose. (End to end, with real daemons:
 * mcp-restart.test.ts.)
 */
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { PASO_VERSION } from '../../shared/version.js';
import { DaemonLink } from '../../client/mcp/daemon-link.js';
import { makeHome, removeHome, waitFor } from '../helpers/daemon.js';

interface Received {
  connection: number;
  method: string;
  params: unknown;
}

/** Answers like a daemon; `dropOn(method)` closes the connection instead of answering once. */
async function scriptedDaemon(socketPath: string) {
  const received: Received[] = [];
  const drops = new Set<string>();
  const sockets = new Set<Socket>();
  let connections = 0;
  const results: Record<string, unknown> = {
    'daemon.status': { version: PASO_VERSION, pid: process.pid, seq: 0 },
    hello: { version: PASO_VERSION, seq: 0 },
    subscribe: { seq: 0 },
    'project.list': [],
    'task.create': { id: 1 },
  };
  const server: Server = createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const request = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        received.push({ connection, method: request.method, params: request.params });
        if (drops.delete(request.method)) {
          socket.destroy();
          return;
        }
        socket.write(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: results[request.method] ?? null }) + '\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    received,
    dropOn: (method: string) => void drops.add(method),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function setUp() {
  const home = makeHome();
  cleanups.push(() => removeHome(home));
  // Never a real daemon here: with the scripted one gone, connecting fails instead.
  process.env.PASO_HOME = home;
  process.env.PASO_NO_AUTOSTART = '1';
  const daemon = await scriptedDaemon(join(home, 'paso.sock'));
  cleanups.push(() => daemon.close());
  const link = new DaemonLink();
  cleanups.push(() => link.close());
  await link.start();
  return { daemon, link };
}

const onConnection = (received: Received[], connection: number) =>
  received.filter((r) => r.connection === connection && r.method !== 'daemon.status').map((r) => r.method);

test('each connection says hello {client: "mcp"} before anything else', async () => {
  const { daemon, link } = await setUp();
  await link.followChanges();
  await link.read('project.list');
  assert.deepEqual(onConnection(daemon.received, 1), ['hello', 'subscribe', 'project.list']);
  assert.deepEqual(daemon.received.find((r) => r.method === 'hello')!.params, { client: 'mcp' });

  daemon.dropOn('project.list');
  await link.read('project.list');
  // The new connection subscribes while opening, then greets before the repeated read.
  assert.deepEqual(onConnection(daemon.received, 2), ['subscribe', 'hello', 'project.list']);
});

test('a read whose connection drops before the reply is repeated once on the next connection', async () => {
  const { daemon, link } = await setUp();
  daemon.dropOn('project.list');
  assert.deepEqual(await link.read('project.list'), []);
  assert.deepEqual(
    daemon.received.filter((r) => r.method === 'project.list').map((r) => r.connection),
    [1, 2],
  );
});

test('a change whose connection drops before the reply is not repeated, and says it may have committed', async () => {
  const { daemon, link } = await setUp();
  daemon.dropOn('task.create');
  await assert.rejects(link.call('task.create', { projectId: 1, title: 'Once' }, false), (error: Error & { kind?: string }) => {
    assert.equal(error.kind, 'unavailable');
    assert.match(error.message, /may or may not have been committed/);
    return true;
  });
  // The link reconnects by itself; the change was sent exactly once.
  await waitFor(() => daemon.received.some((r) => r.connection === 2 && r.method === 'hello'), 'the reconnection');
  assert.equal(daemon.received.filter((r) => r.method === 'task.create').length, 1);
  assert.deepEqual(await link.call('task.create', { projectId: 1, title: 'Again' }, false), { id: 1 });
});
