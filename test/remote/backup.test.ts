/**
 * daemon.backup / paso backup against a real daemon while a client keeps writing: the copy
 * passes integrity_check, holds every write acknowledged before the backup began, and is
 * the user's alone (0600); paso backup resolves FILE against the caller's directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useDaemon } from '../daemon/rpc-fixture.js';
import { runPaso } from '../client/paso-process.js';
import { PASO_BIN, pasoEnv } from '../helpers/daemon.js';
import { collect } from '../client/paso-process.js';
import { spawn } from 'node:child_process';

const fixture = useDaemon();

test('a backup taken during a stream of writes is consistent and holds every write acknowledged before it began', async () => {
  const { rpc, daemon, home } = fixture;
  const { id: projectId } = await rpc.call('project.create', { name: 'Backup', key: 'BAK' });
  const writer = await daemon.client();
  const acknowledged: number[] = [];
  let writing = true;
  const stream = (async () => {
    for (let n = 0; writing; n++) {
      const task = await writer.call('task.create', { projectId, title: `write ${n}`, description: 'x'.repeat(2_000) });
      acknowledged.push(task.id);
    }
  })();
  try {
    while (acknowledged.length < 200) await new Promise((resolve) => setImmediate(resolve));
    const before = [...acknowledged];
    const path = join(home, 'copy.db');
    const result = await rpc.call('daemon.backup', { path });
    writing = false;
    await stream;
    assert.equal(result.path, path);
    assert.equal(result.bytes, statSync(path).size);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const copy = new Database(path, { readonly: true });
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
      const ids = new Set(copy.prepare('SELECT id FROM tasks WHERE project_id = ?').pluck().all(projectId) as number[]);
      assert.deepEqual(before.filter((id) => !ids.has(id)), [], 'every acknowledged write is in the copy');
    } finally {
      copy.close();
    }
  } finally {
    writing = false;
    await stream.catch(() => {});
    writer.close();
  }
});

test('daemon.backup refuses a relative path, a missing directory and the live database itself, and writes nothing', async () => {
  const { rpc, home } = fixture;
  for (const path of ['relative.db', join(home, 'missing', 'x.db'), join(home, 'tasks.db')]) {
    const reply = await rpc.request('daemon.backup', { path });
    assert.equal(reply.error?.data.kind, 'validation', `${path}: ${JSON.stringify(reply)}`);
  }
});

test('paso backup FILE writes relative to the caller\'s working directory', async () => {
  const { home } = fixture;
  const run = await collect(spawn(process.execPath, [PASO_BIN, 'backup', 'from-cli.db'], { cwd: home, env: pasoEnv(home), stdio: ['pipe', 'pipe', 'pipe'] }));
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^backed up \\d+ bytes to ${join(home, 'from-cli.db')}\\n$`));
  assert.equal(statSync(join(home, 'from-cli.db')).mode & 0o777, 0o600);
  const missing = await runPaso(home, ['backup', '/nonexistent-dir/x.db']);
  assert.equal(missing.code, 5);
  assert.match(missing.stderr, /nonexistent-dir/);
});
