/**
 * Issue 8: `paso watch` missed commits made while it reconnected. Here the watcher is stopped
 * (SIGSTOP) while its daemon is killed -9 and a `paso rpc task.create` auto-starts a new daemon
 * and commits; once resumed, the watcher reconnects with `subscribe {sinceSeq}` and reports it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { isPidAlive } from '../../client/connection/process-liveness.js';
import { cleanupAfterEach, rpc, statusOf } from '../client/paso-process.js';
import { killPid, PASO_BIN, pasoEnv, waitFor } from '../helpers/daemon.js';

const { defer, newHome } = cleanupAfterEach();

test('paso watch reports a commit made by a daemon auto-started while it was away', async () => {
  const home = newHome();
  const watch = spawn(process.execPath, [PASO_BIN, 'watch'], { env: pasoEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  watch.stdout!.on('data', (d) => (stdout += d));
  watch.stderr!.resume();
  defer(async () => {
    if (watch.exitCode === null && watch.signalCode === null) {
      watch.kill('SIGCONT');
      watch.kill('SIGKILL');
      await once(watch, 'exit');
    }
  });
  const lines = () => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  const first = await waitFor(async () => {
    const status = await statusOf(home);
    return status && status.subscribers >= 1 ? status.pid : null;
  }, 'the watcher to start a daemon and subscribe');
  const project = await rpc(home, 'project.create', { name: 'Away', key: 'AWAY' });
  await waitFor(() => lines().length === 1, 'the first line');

  watch.kill('SIGSTOP');
  killPid(first, 'SIGKILL');
  await waitFor(() => !isPidAlive(first), 'the daemon to die');
  const created = await rpc(home, 'task.create', { projectId: project.id, title: 'made while watch was away' });
  const status = await statusOf(home);
  assert.notEqual(status.pid, first, 'task.create started a new daemon');
  assert.equal(status.subscribers, 0, 'nobody was listening when it committed');
  watch.kill('SIGCONT');

  await waitFor(() => lines().length === 2, 'a line for the commit made while away');
  const [seen, caughtUp] = lines();
  assert.equal(caughtUp.seq, status.seq, 'it carries the seq of that commit');
  assert.ok(caughtUp.seq > seen.seq);
  assert.equal(caughtUp.projectId, null);
  assert.equal(created.title, 'made while watch was away');
});
