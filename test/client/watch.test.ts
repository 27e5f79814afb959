import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { isPidAlive } from '../../client/connection/process-liveness.js';
import { killPid, PASO_BIN, pasoEnv, waitFor } from '../helpers/daemon.js';
import { daemonPidsOf, rpc, runPaso, statusOf, cleanupAfterEach } from './paso-process.js';

interface Watcher {
  process: ChildProcess;
  lines: () => string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const { defer, newHome } = cleanupAfterEach();

function startWatch(home: string, args: string[] = [], env: Record<string, string> = {}): Watcher {
  const child = spawn(process.execPath, [PASO_BIN, 'watch', ...args], { env: pasoEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  defer(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { process: child, lines: () => stdout.split('\n').filter((l) => l !== ''), stderr: () => stderr, exited };
}

/** Waits until a daemon other than `notPid` has a subscriber (the watcher), and returns its pid. */
async function subscribedDaemon(home: string, notPid?: number): Promise<number> {
  const status = await waitFor(async () => {
    const s = await statusOf(home);
    return s && s.pid !== notPid && s.subscribers >= 1 ? s : null;
  }, 'the watcher to subscribe');
  return status.pid;
}

test('paso watch prints a line per commit across a daemon restart and a kill -9, and exits 0 on SIGINT', async () => {
  const home = newHome();
  const watch = startWatch(home);
  const first = await subscribedDaemon(home); // the watcher started it

  const a = await rpc(home, 'project.create', { name: 'Watched A' });
  await waitFor(() => watch.lines().length === 1, 'the first line');

  const restart = await runPaso(home, ['daemon', 'restart']);
  assert.equal(restart.code, 0, restart.stderr);
  const second = await subscribedDaemon(home, first);
  await rpc(home, 'task.create', { projectId: a.id, title: 'After restart' });
  await waitFor(() => watch.lines().length === 2, 'a line after the restart');

  killPid(second, 'SIGKILL');
  await waitFor(() => !isPidAlive(second), 'the daemon to die');
  const third = await subscribedDaemon(home, second); // the watcher starts a new one itself
  await rpc(home, 'task.create', { projectId: a.id, title: 'After kill -9' });
  await waitFor(() => watch.lines().length === 3, 'a line after kill -9');

  const changes = watch.lines().map((line) => JSON.parse(line));
  for (const change of changes) {
    assert.deepEqual(Object.keys(change).sort(), ['at', 'projectId', 'seq']);
    assert.equal(change.projectId, a.id);
    assert.ok(!Number.isNaN(Date.parse(change.at)));
  }
  assert.ok(changes[0].seq < changes[1].seq && changes[1].seq < changes[2].seq, 'seq rises across restarts');
  assert.match(watch.stderr(), /reconnecting/);
  assert.ok(isPidAlive(third));

  watch.process.kill('SIGINT');
  assert.deepEqual(await watch.exited, { code: 0, signal: null });
});

test('paso watch exits 0 on SIGTERM', async () => {
  const home = newHome();
  const watch = startWatch(home);
  await subscribedDaemon(home);
  watch.process.kill('SIGTERM');
  assert.deepEqual(await watch.exited, { code: 0, signal: null });
});

test('paso watch --project ID prints only that project\'s changes', async () => {
  const home = newHome();
  const wanted = await rpc(home, 'project.create', { name: 'Wanted' });
  const other = await rpc(home, 'project.create', { name: 'Other' });
  const watch = startWatch(home, ['--project', String(wanted.id)]);
  await subscribedDaemon(home);

  await rpc(home, 'task.create', { projectId: other.id, title: 'Not for this watcher' });
  await rpc(home, 'task.create', { projectId: wanted.id, title: 'For this watcher' });
  await waitFor(() => watch.lines().length >= 1, 'a line for the wanted project');
  await rpc(home, 'task.create', { projectId: wanted.id, title: 'And another' });
  await waitFor(() => watch.lines().length >= 2, 'a second line');

  const changes = watch.lines().map((line) => JSON.parse(line));
  assert.deepEqual(changes.map((c) => c.projectId), [wanted.id, wanted.id]);
});

test('paso watch with no daemon and PASO_NO_AUTOSTART=1 exits 7', async () => {
  const home = newHome();
  const watch = startWatch(home, [], { PASO_NO_AUTOSTART: '1' });
  assert.deepEqual(await watch.exited, { code: 7, signal: null });
  assert.match(watch.stderr(), /^paso: no daemon is running/);
  assert.deepEqual(watch.lines(), []);
});

test('paso watch --project with an unknown id or key exits 3 instead of waiting in silence', async () => {
  const home = newHome();
  for (const project of ['999999', 'NOPE']) {
    const watch = startWatch(home, ['--project', project]);
    assert.deepEqual(await watch.exited, { code: 3, signal: null });
    assert.match(watch.stderr(), new RegExp(`^paso: project '${project}' not found; projects: MY`));
  }
});

test('paso watch --project takes a key or a name like every other command', async () => {
  const home = newHome();
  const web = await rpc(home, 'project.create', { name: 'Website', key: 'WEB' });
  const other = await rpc(home, 'project.create', { name: 'Other' });
  const byKey = startWatch(home, ['--project', 'web']);
  const byName = startWatch(home, ['-p', 'Website']);
  await waitFor(async () => (await statusOf(home))?.subscribers === 2, 'both watchers to subscribe');
  await rpc(home, 'task.create', { projectId: other.id, title: 'Not watched' });
  await rpc(home, 'task.create', { projectId: web.id, title: 'Watched' });
  for (const watch of [byKey, byName]) {
    await waitFor(() => watch.lines().length === 1, 'a line for WEB');
    assert.equal(JSON.parse(watch.lines()[0]!).projectId, web.id);
  }
});

/** Holds `cond` false for `ms`: how a test shows that something (a new daemon) does not happen. */
async function staysFalse(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    assert.ok(!cond(), what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('paso daemon stop sticks while paso watch runs: watch waits, then resubscribes to a daemon started later', async () => {
  const home = newHome();
  const project = await rpc(home, 'project.create', { name: 'Stopped' });
  const watch = startWatch(home);
  const first = await subscribedDaemon(home);
  const stop = await runPaso(home, ['daemon', 'stop']);
  assert.equal(stop.code, 0, stop.stderr);
  await waitFor(() => watch.stderr().includes('paso: the daemon was stopped; waiting for it to be started again'), 'the notice on stderr');
  // Longer than the retry backoff (2 s): a watcher that auto-started would have done so by now.
  await staysFalse(() => daemonPidsOf(home).length > 0, 4_000, 'paso watch started a daemon after paso daemon stop');
  assert.equal(watch.process.exitCode, null, 'watch keeps running');

  const start = await runPaso(home, ['daemon', 'start']);
  assert.equal(start.code, 0, start.stderr);
  await subscribedDaemon(home, first);
  await waitFor(() => watch.stderr().includes('paso: reconnected to the daemon'), 'the reconnect notice');
  await rpc(home, 'task.create', { projectId: project.id, title: 'After the restart' });
  await waitFor(() => watch.lines().length === 1, 'a line after the new daemon started');
  watch.process.kill('SIGINT');
  assert.deepEqual(await watch.exited, { code: 0, signal: null });
});
