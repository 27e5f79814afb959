/**
 * The daemon's layers without a socket, as vscode-jsonrpc tests its connection: a
 * ClientConnection over an in-memory duplex, the group commit, the RPC layer and the
 * dispatcher over an in-memory SQLite database.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex, PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { ClientConnection } from '../../daemon/client-connection.js';
import { migrateToLatest } from '../../daemon/db/migrations.js';
import { SyncDb } from '../../daemon/db/sync-db.js';
import { Dispatcher, type RecordedCall } from '../../daemon/dispatcher.js';
import { GroupCommit } from '../../daemon/group-commit.js';
import { DaemonLog } from '../../daemon/logger.js';
import { RpcServer } from '../../daemon/rpc-server.js';
import { Subscriptions } from '../../daemon/subscriptions.js';
import { waitFor } from '../helpers/daemon.js';

const scratch = mkdtempSync(join(tmpdir(), 'paso-mem-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function stack() {
  const sqlite = new Database(':memory:');
  await migrateToLatest(sqlite);
  const dispatcher = new Dispatcher(new SyncDb(sqlite));
  const connections = new Set<ClientConnection>();
  const subscriptions = new Subscriptions(connections);
  const shutdowns: string[] = [];
  const log = new DaemonLog(join(scratch, 'daemon.log'));
  const rpc = new RpcServer({ dispatcher, sqlite, log, status: () => ({ seq: dispatcher.seq }), requestShutdown: (r) => shutdowns.push(r) });
  const groups = new GroupCommit({ dispatcher, rpc, log, requestShutdown: (r) => shutdowns.push(r), publish: (c) => subscriptions.publish(c) });
  let nextId = 1;
  /** One in-memory client: write lines, read every line the daemon side sent. */
  const connect = () => {
    const toDaemon = new PassThrough();
    const toClient = new PassThrough();
    const received: any[] = [];
    let buffered = '';
    toClient.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const part of parts) received.push(JSON.parse(part));
    });
    const connection = new ClientConnection(nextId++, Duplex.from({ readable: toDaemon, writable: toClient }), groups);
    connections.add(connection);
    return { connection, received, write: (...lines: unknown[]) => toDaemon.write(lines.map((l) => JSON.stringify(l) + '\n').join('')) };
  };
  return { sqlite, dispatcher, groups, shutdowns, connect };
}

const call = (id: number, method: string, params?: unknown) => ({ jsonrpc: '2.0', id, method, params });

test('lines that arrive together commit as one group; replies in order, then db_changed', async () => {
  const s = await stack();
  const watcher = s.connect();
  watcher.write(call(1, 'subscribe', {}));
  await waitFor(() => watcher.received.length === 1, 'the subscribe reply');
  const groupsBefore = s.groups.groups;

  const client = s.connect();
  client.write(
    call(1, 'project.create', { name: 'Memory', key: 'MEM' }),
    call(2, 'task.create', { projectId: 1, title: 'one' }),
    call(3, 'task.get', { id: 42 }),
    call(4, 'task.create', { projectId: 1, title: 'two' }),
  );
  await waitFor(() => client.received.length === 4 && watcher.received.length === 4, 'replies and notifications');
  assert.equal(s.groups.groups, groupsBefore + 1, 'one group, one commit');
  assert.deepEqual(client.received.map((r) => r.id), [1, 2, 3, 4]);
  assert.equal(client.received[2].error.code, -32001);
  assert.deepEqual(watcher.received.slice(1).map((n) => n.params.seq), [1, 2, 3], 'one seq per committed call');
  assert.equal(s.dispatcher.seq, 3);
});

test('the per-call hook runs inside each call\'s savepoint, and a hook failure undoes only that call', async () => {
  const s = await stack();
  const recorded: RecordedCall[] = [];
  s.dispatcher.setRecorder((entry, ctx) => {
    if ((entry.params as { title?: string }).title === 'refused by the recorder') throw new Error('recorder failed');
    ctx.db.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`recorded ${entry.change.seq}`, entry.change.seq);
    recorded.push(entry);
  });
  const client = s.connect();
  client.write(call(0, 'hello', { actor: 'alice', client: 'test' }));
  client.write(
    call(1, 'project.create', { name: 'Hooked', key: 'HOOK' }),
    call(2, 'task.create', { projectId: 1, title: 'refused by the recorder' }),
    call(3, 'atomic', { calls: [{ method: 'task.create', params: { projectId: 1, title: 'kept' } }] }),
  );
  await waitFor(() => client.received.length === 4, 'four replies');
  assert.equal(client.received[2].error.code, -32603);
  assert.deepEqual(recorded.map((r) => [r.method, r.change.seq, r.origin.actor]), [
    ['project.create', 1, 'alice'],
    ['atomic', 2, 'alice'],
  ]);
  const keys = s.sqlite.prepare("SELECT key FROM meta WHERE key LIKE 'recorded %' ORDER BY key").pluck().all();
  assert.deepEqual(keys, ['recorded 1', 'recorded 2'], 'what the hook wrote committed with its call');
  assert.deepEqual(s.sqlite.prepare('SELECT title FROM tasks').pluck().all(), ['kept']);
});

test('daemon.shutdown is asked for only after its reply is written', async () => {
  const s = await stack();
  const client = s.connect();
  client.write(call(1, 'daemon.shutdown'));
  await waitFor(() => client.received.length === 1, 'the reply');
  assert.deepEqual(client.received[0].result, { ok: true });
  assert.deepEqual(s.shutdowns, ['daemon.shutdown']);
});
