/** One daemon per PASO_HOME, file modes, stale files, and clean shutdown. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isAlive, killPid, makeHome, PASO_BIN, pasoEnv, removeHome, startDaemon, waitFor, withDaemon } from '../helpers/daemon.js';

const mode = (path: string) => statSync(path).mode & 0o777;

test('PASO_HOME is 0700, the socket and the database 0600', async () => {
  const home = join(makeHome(), 'nested-home');
  const daemon = await startDaemon(home);
  try {
    assert.equal(mode(home), 0o700);
    assert.equal(mode(join(home, 'paso.sock')), 0o600);
    assert.equal(mode(join(home, 'tasks.db')), 0o600);
    assert.equal(mode(join(home, 'paso.pid')), 0o600);
  } finally {
    await daemon.stop();
    removeHome(join(home, '..'));
  }
});

test('an existing PASO_HOME with loose permissions is tightened to 0700', async () => {
  const home = makeHome();
  spawnSync('chmod', ['0755', home]);
  const daemon = await startDaemon(home);
  try {
    assert.equal(mode(home), 0o700);
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});

test('a PASO_HOME owned by someone else, or a symlink to one, is refused', () => {
  const base = makeHome();
  try {
    const foreign = join(base, 'foreign');
    mkdirSync(foreign, { mode: 0o700 });
    chownSync(foreign, 65534, 65534);
    const direct = spawnSync(process.execPath, [PASO_BIN, 'daemon'], { env: pasoEnv(foreign), encoding: 'utf8' });
    assert.notEqual(direct.status, 0);
    assert.match(direct.stderr, /belongs to uid 65534/);
    const link = join(base, 'link');
    symlinkSync(foreign, link);
    const viaLink = spawnSync(process.execPath, [PASO_BIN, 'daemon'], { env: pasoEnv(link), encoding: 'utf8' });
    assert.notEqual(viaLink.status, 0);
    assert.match(viaLink.stderr, /belongs to uid 65534/);
    assert.equal(existsSync(join(foreign, 'paso.sock')), false);
  } finally {
    removeHome(base);
  }
});

test('a PASO_HOME whose socket path exceeds the Unix limit fails with a clear message', () => {
  const base = makeHome();
  try {
    const deep = join(base, 'x'.repeat(100));
    const result = spawnSync(process.execPath, [PASO_BIN, 'daemon'], { env: pasoEnv(deep), encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /over the Unix limit of 107/);
  } finally {
    removeHome(base);
  }
});

test('ten daemons started at once on one PASO_HOME: exactly one keeps running', async () => {
  const home = makeHome();
  const children = Array.from({ length: 10 }, () =>
    spawn(process.execPath, [PASO_BIN, 'daemon'], { env: pasoEnv(home), stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  const stderr = children.map(() => '');
  children.forEach((child, i) => child.stderr!.on('data', (d) => (stderr[i] += d)));
  try {
    const exits = children.map(
      (child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    );
    // Nine exit 0 saying who runs; one stays.
    await waitFor(() => children.filter((c) => c.exitCode !== null).length === 9, 'nine daemons to step aside', 30_000);
    const running = children.filter((c) => c.exitCode === null);
    assert.equal(running.length, 1);
    for (const [i, child] of children.entries()) {
      if (child.exitCode === null) continue;
      assert.equal(child.exitCode, 0, stderr[i]);
      assert.match(stderr[i]!, new RegExp(`already running .*pid ${running[0]!.pid}`));
    }
    assert.equal(Number(readFileSync(join(home, 'paso.pid'), 'utf8')), running[0]!.pid);
    running[0]!.kill('SIGTERM');
    await Promise.all(exits);
  } finally {
    for (const child of children) if (child.pid) killPid(child.pid);
    removeHome(home);
  }
});

test('stale socket and pid files from a killed daemon do not block the next start', async () => {
  const home = makeHome();
  const first = await startDaemon(home);
  await first.stop('SIGKILL');
  assert.ok(existsSync(join(home, 'paso.sock')), 'kill -9 leaves the socket behind');
  assert.ok(existsSync(join(home, 'paso.pid')), 'kill -9 leaves the pid file behind');
  writeFileSync(join(home, 'paso.pid'), '999999\n');
  const second = await startDaemon(home);
  try {
    assert.equal(Number(readFileSync(join(home, 'paso.pid'), 'utf8')), second.process.pid);
  } finally {
    await second.stop();
    removeHome(home);
  }
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} stops the daemon and removes its socket and pid file`, async () => {
    const home = makeHome();
    const daemon = await startDaemon(home);
    try {
      await daemon.stop(signal);
      assert.equal(daemon.process.exitCode, 0);
      assert.equal(existsSync(join(home, 'paso.sock')), false);
      assert.equal(existsSync(join(home, 'paso.pid')), false);
    } finally {
      removeHome(home);
    }
  });
}

test('daemon.shutdown replies ok, finishes in-flight calls, then exits and cleans up', () =>
  withDaemon(async (daemon) => {
    const home = daemon.home;
    const client = await daemon.client();
    const project = await client.call('project.create', { name: 'Shutdown' });
    // Calls sent in the same write as the shutdown still get their answers.
    const lines = [
      { jsonrpc: '2.0', id: 'before', method: 'task.create', params: { projectId: project.id, title: 'before' } },
      { jsonrpc: '2.0', id: 'shutdown', method: 'daemon.shutdown' },
    ];
    client.writeRaw(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    await waitFor(() => client.replies.filter((r) => r.id === 'before' || r.id === 'shutdown').length === 2, 'both replies');
    const created = client.replies.find((r) => r.id === 'before');
    assert.equal(created?.result?.title, 'before');
    assert.deepEqual(client.replies.find((r) => r.id === 'shutdown')?.result, { ok: true });
    await waitFor(() => daemon.process.exitCode !== null, 'the daemon to exit');
    assert.equal(daemon.process.exitCode, 0);
    assert.equal(existsSync(join(home, 'paso.sock')), false);
    assert.equal(existsSync(join(home, 'paso.pid')), false);
    assert.equal(isAlive(daemon.process.pid!), false);
    const again = await startDaemon(home);
    const c2 = await again.client();
    const board = await c2.call('board.get', { projectId: project.id });
    assert.equal(board.columns.flatMap((c: { tasks: unknown[] }) => c.tasks).length, 1);
    c2.close();
    await again.stop();
  }));

test('a client that never closes its end (stopped, not reading) does not keep a stopping daemon alive', () =>
  withDaemon(async (daemon) => {
    const home = daemon.home;
    const stuck = await daemon.client();
    await stuck.call('subscribe', {});
    stuck.socket.pause(); // like a board suspended with Ctrl-Z: it never reads our FIN
    daemon.process.kill('SIGTERM');
    await waitFor(() => daemon.process.exitCode !== null, 'the daemon to exit despite the stuck client');
    assert.equal(daemon.process.exitCode, 0);
    assert.equal(existsSync(join(home, 'paso.sock')), false);
    stuck.close();
  }));
