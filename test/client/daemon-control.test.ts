import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPidAlive } from '../../client/connection/process-liveness.js';
import { PASO_VERSION } from '../../shared/version.js';
import { killPid, pasoEnv, waitFor } from '../helpers/daemon.js';
import { collect, daemonPidsOf, readPidFile, runPaso, statusOf, cleanupAfterEach } from './paso-process.js';

const { defer, newHome } = cleanupAfterEach();

test('status with no daemon exits 7 and never starts one', async () => {
  const home = newHome();
  const run = await runPaso(home, ['daemon', 'status']);
  assert.equal(run.code, 7);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^paso: no daemon is running for /);
  assert.deepEqual(daemonPidsOf(home), []);
  assert.equal(existsSync(join(home, 'paso.sock')), false);
});

test('start starts one and prints its status; a second start and status find the same one', async () => {
  const home = newHome();
  const started = await runPaso(home, ['daemon', 'start']);
  assert.equal(started.code, 0, started.stderr);
  const status = JSON.parse(started.stdout);
  assert.equal(status.version, PASO_VERSION);
  assert.ok(isPidAlive(status.pid));
  assert.deepEqual(daemonPidsOf(home), [status.pid]);

  const again = await runPaso(home, ['daemon', 'start']);
  assert.equal(JSON.parse(again.stdout).pid, status.pid);
  const shown = await runPaso(home, ['daemon', 'status']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.equal(JSON.parse(shown.stdout).pid, status.pid);
});

test('stop shuts the daemon down and waits until it is gone; stopping again is a no-op', async () => {
  const home = newHome();
  const { pid } = JSON.parse((await runPaso(home, ['daemon', 'start'])).stdout);
  const stopped = await runPaso(home, ['daemon', 'stop']);
  assert.equal(stopped.code, 0, stopped.stderr);
  // No polling here: stop returns only after the process is gone.
  assert.equal(isPidAlive(pid), false);
  assert.equal(existsSync(join(home, 'paso.sock')), false);
  assert.equal(readPidFile(home), null);

  const again = await runPaso(home, ['daemon', 'stop']);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /^paso: no daemon is running/);
});

test('restart replaces a running daemon, and starts one when none runs', async () => {
  const home = newHome();
  const first = await runPaso(home, ['daemon', 'restart']);
  assert.equal(first.code, 0, first.stderr);
  const firstPid = JSON.parse(first.stdout).pid;
  const second = await runPaso(home, ['daemon', 'restart']);
  assert.equal(second.code, 0, second.stderr);
  const secondPid = JSON.parse(second.stdout).pid;
  assert.notEqual(secondPid, firstPid);
  assert.equal(isPidAlive(firstPid), false);
  assert.deepEqual(daemonPidsOf(home), [secondPid]);
});

test('daemon start is explicit, so it starts one even with PASO_NO_AUTOSTART=1', async () => {
  const home = newHome();
  const run = await runPaso(home, ['daemon', 'start'], { env: { PASO_NO_AUTOSTART: '1' } });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(daemonPidsOf(home), [JSON.parse(run.stdout).pid]);
});

/** A copy of this build that calls itself version 0.0.1: a real older Paso. */
function olderInstall(): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'paso-old-'));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(root, 'dist'), join(dir, 'dist'), {
    recursive: true,
    filter: (source) => !source.startsWith(join(root, 'dist', 'test') + sep) && !source.endsWith('.map'),
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'paso', version: '0.0.1', type: 'module' }));
  return join(dir, 'dist', 'client', 'main.js');
}

test('a newer client replaces an older daemon; an older client keeps using a newer one', async () => {
  const home = newHome();
  const oldBin = olderInstall();
  const oldDaemon = spawn(process.execPath, [oldBin, 'daemon'], { env: pasoEnv(home), stdio: 'ignore' });
  const oldExit = new Promise((resolve) => oldDaemon.once('exit', resolve));
  defer(async () => {
    if (oldDaemon.exitCode === null && oldDaemon.signalCode === null) killPid(oldDaemon.pid!);
    await oldExit;
  });
  await waitFor(async () => (await statusOf(home))?.version === '0.0.1', 'the old daemon to answer');

  const run = await runPaso(home, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  const status = JSON.parse(run.stdout);
  assert.equal(status.version, PASO_VERSION);
  assert.notEqual(status.pid, oldDaemon.pid);
  assert.match(run.stderr, new RegExp(`^paso: replacing daemon 0\\.0\\.1 \\(pid ${oldDaemon.pid}\\) with ${PASO_VERSION.replace(/\./g, '\\.')}\n$`));
  assert.deepEqual(await oldExit, 0, 'the old daemon shut down gracefully');

  const oldClient = await collect(spawn(process.execPath, [oldBin, 'rpc', 'daemon.status'], { env: pasoEnv(home) }));
  assert.equal(oldClient.code, 0, oldClient.stderr);
  assert.equal(oldClient.stderr, '');
  assert.equal(JSON.parse(oldClient.stdout).pid, status.pid);
});
