import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPidAlive } from '../../client/connection/process-liveness.js';
import { makeHome, removeHome, waitFor, killPid } from '../helpers/daemon.js';
import { daemonPidsOf, readPidFile, runPaso, stopDaemonsOf } from './paso-process.js';

const homes: string[] = [];
function home(): string {
  const h = makeHome();
  homes.push(h);
  return h;
}

afterEach(async () => {
  for (const h of homes.splice(0)) {
    await stopDaemonsOf(h);
    removeHome(h);
  }
});

test('the first paso rpc with no daemon starts one, detached, logging to daemon.log', async () => {
  const h = home();
  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  const status = JSON.parse(run.stdout);
  assert.ok(isPidAlive(status.pid), 'the daemon outlives the client that started it');
  assert.equal(readPidFile(h), status.pid);
  assert.deepEqual(daemonPidsOf(h), [status.pid]);
  assert.ok(existsSync(join(h, 'daemon.log')));

  const again = JSON.parse((await runPaso(h, ['rpc', 'daemon.status'])).stdout);
  assert.equal(again.pid, status.pid, 'the next client reuses the running daemon');
  assert.equal(existsSync(join(h, 'start.lock')), false, 'the start lock is released');
});

test('20 clients started at once with no daemon all succeed and leave exactly one daemon', async () => {
  const h = home();
  const runs = await Promise.all(Array.from({ length: 20 }, () => runPaso(h, ['rpc', 'daemon.status'])));
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const pids = new Set(runs.map((run) => JSON.parse(run.stdout).pid));
  assert.equal(pids.size, 1, `all clients talk to one daemon, got pids ${[...pids].join(', ')}`);
  const [pid] = pids;
  assert.equal(readPidFile(h), pid);
  await waitFor(() => {
    const live = daemonPidsOf(h);
    return live.length === 1 && live[0] === pid;
  }, 'exactly one live daemon process for this PASO_HOME');
});

test('PASO_NO_AUTOSTART=1 with no daemon fails with exit 7 and starts nothing', async () => {
  const h = home();
  const run = await runPaso(h, ['rpc', 'daemon.status'], { env: { PASO_NO_AUTOSTART: '1' } });
  assert.equal(run.code, 7);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^paso: no daemon is running for .* auto-start is off \(PASO_NO_AUTOSTART=1\)\n$/);
  assert.deepEqual(daemonPidsOf(h), []);
  assert.equal(existsSync(join(h, 'paso.sock')), false);
});

test('the stale socket and pid file of a killed daemon do not block the next start', async () => {
  const h = home();
  const first = JSON.parse((await runPaso(h, ['rpc', 'daemon.status'])).stdout);
  killPid(first.pid, 'SIGKILL');
  await waitFor(() => !isPidAlive(first.pid), 'the daemon to die');
  assert.ok(existsSync(join(h, 'paso.sock')), 'kill -9 leaves the socket behind');

  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  const second = JSON.parse(run.stdout);
  assert.notEqual(second.pid, first.pid);
  assert.ok(isPidAlive(second.pid));
});

test('a start lock left by a dead client is taken over', async () => {
  const h = home();
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => dead.once('exit', resolve));
  writeFileSync(join(h, 'start.lock'), String(dead.pid));

  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(isPidAlive(JSON.parse(run.stdout).pid));
  assert.equal(existsSync(join(h, 'start.lock')), false);
});

test('a start lock held by a live process is never taken: the client waits, bounded, and spawns nothing', async () => {
  const h = home();
  // This test process plays a client that holds the lock and never gets its daemon up.
  writeFileSync(join(h, 'start.lock'), String(process.pid));
  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 7);
  assert.match(run.stderr, new RegExp(`^paso: another client \\(pid ${process.pid}\\) is starting the daemon`));
  assert.equal(readFileSync(join(h, 'start.lock'), 'utf8'), String(process.pid), 'the live holder keeps its lock');
  assert.deepEqual(daemonPidsOf(h), []);
});

test('a daemon that cannot start gives exit 7 with the end of daemon.log', async () => {
  const h = home();
  mkdirSync(join(h, 'tasks.db')); // a directory where the database file should be
  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 7);
  assert.match(run.stderr, /^paso: the daemon exited with code \d+ before answering; last lines of .*daemon\.log:\n/);
  assert.match(run.stderr, /tasks\.db/, 'the daemon\'s own reason is shown');
  assert.deepEqual(daemonPidsOf(h), []);
});

test('a start lock older than any start can take is stale even if its pid is alive again (reused)', async () => {
  const h = home();
  const lock = join(h, 'start.lock');
  writeFileSync(lock, String(process.pid));
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(lock, aMinuteAgo, aMinuteAgo);
  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(isPidAlive(JSON.parse(run.stdout).pid));
  assert.equal(existsSync(lock), false);
});

test('a file in PASO_HOME the client cannot use gives exit 7 naming the home, not a stack trace', async () => {
  const h = home();
  // Root writes through any mode bits, so break the start lock another way: a directory
  // where the lock file goes.
  mkdirSync(join(h, 'start.lock'));
  const run = await runPaso(h, ['rpc', 'daemon.status']);
  assert.equal(run.code, 7, run.stderr);
  assert.match(run.stderr, new RegExp(`^paso: cannot write to PASO_HOME ${h}: `));
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(daemonPidsOf(h), []);
});
