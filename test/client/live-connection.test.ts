import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveConnection, type ConnectionState } from '../../client/connection/live-connection.js';
import { PasoError } from '../../shared/errors.js';
import type { DbChanged } from '../../shared/protocol/index.js';
import { makeHome, pasoEnv, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';
import { collect, daemonPidsOf, rpc, runPaso, stopDaemonsOf, type PasoRun } from './paso-process.js';

let home: string;

before(() => {
  home = makeHome();
  // connect() reads PASO_HOME from this process's environment.
  process.env.PASO_HOME = home;
});

after(async () => {
  await stopDaemonsOf(home);
  removeHome(home);
});

test('reports reconnecting and offline while the daemon is down, then reconnects and re-subscribes', async () => {
  let daemon = await startDaemon(home);
  const states: ConnectionState[] = [];
  const changes: DbChanged[] = [];
  const live = new LiveConnection({
    projectId: null,
    autostart: false, // so the daemon stays down until the test starts it
    onState: (state) => states.push(state),
    onChange: (change) => changes.push(change),
  });
  try {
    await live.start();
    assert.deepEqual(states, ['connected']);
    assert.equal((await live.call('daemon.status')).pid, daemon.process.pid);

    await rpc(home, 'project.create', { name: 'Live one' });
    await waitFor(() => changes.length === 1, 'the first change');

    await daemon.stop();
    await waitFor(() => states.includes('reconnecting'), 'reconnecting');
    await assert.rejects(live.call('daemon.status'), (error: unknown) => error instanceof PasoError && error.kind === 'unavailable');
    await waitFor(() => states.includes('offline'), 'offline after failing for a while', 15_000);

    daemon = await startDaemon(home);
    await waitFor(() => states.at(-1) === 'connected', 'connected again', 10_000);
    assert.deepEqual(states, ['connected', 'reconnecting', 'offline', 'connected']);

    await rpc(home, 'project.create', { name: 'Live two' });
    await waitFor(() => changes.length === 2, 'a change after reconnecting (re-subscribed)');
    assert.ok(changes[1]!.seq > changes[0]!.seq);
  } finally {
    live.close();
    await daemon.stop();
  }
});

test('subscribe() replaces the filter, and the new filter holds', async () => {
  const daemon = await startDaemon(home);
  const changes: DbChanged[] = [];
  const live = new LiveConnection({ onChange: (change) => changes.push(change), autostart: false });
  try {
    const a = await rpc(home, 'project.create', { name: 'Filter A' });
    const b = await rpc(home, 'project.create', { name: 'Filter B' });
    await live.start();
    await live.subscribe(a.id);
    await rpc(home, 'task.create', { projectId: b.id, title: 'Not seen' });
    await rpc(home, 'task.create', { projectId: a.id, title: 'Seen' });
    await waitFor(() => changes.length >= 1, 'a change for project A');
    assert.deepEqual(changes.map((c) => c.projectId), [a.id]);
  } finally {
    live.close();
    await daemon.stop();
  }
});

test('close() while reconnecting leaves nothing that keeps the process alive', async () => {
  const daemon = await startDaemon(home);
  const script = join(home, 'close-while-reconnecting.mjs');
  const liveModule = new URL('../../client/connection/live-connection.js', import.meta.url).href;
  writeFileSync(
    script,
    `import { LiveConnection } from ${JSON.stringify(liveModule)};
const live = new LiveConnection({
  projectId: null,
  autostart: false,
  onState(state) {
    process.stdout.write(state + '\\n');
    if (state === 'reconnecting') setTimeout(() => live.close(), 300); // after a retry or two
  },
});
await live.start();
`,
  );
  const child = spawn(process.execPath, [script], { env: pasoEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  let run: PasoRun | null = null;
  void collect(child).then((result) => (run = result));
  try {
    await waitFor(() => stdout.includes('connected\n'), 'the script to connect');
    await daemon.stop();
    run = await waitFor(() => run, 'the script to exit by itself after close()');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'connected\nreconnecting\n');
  } finally {
    child.kill('SIGKILL');
    await daemon.stop();
  }
});

test('a project deleted while disconnected does not leave the connection offline for good', async () => {
  let daemon = await startDaemon(home);
  const states: ConnectionState[] = [];
  const changes: DbChanged[] = [];
  const doomed = await rpc(home, 'project.create', { name: 'Doomed' });
  const live = new LiveConnection({
    projectId: doomed.id,
    autostart: false,
    onState: (state) => states.push(state),
    onChange: (change) => changes.push(change),
  });
  try {
    await live.start();
    // Deleted while we are still subscribed; on reconnect, subscribing to it is not_found.
    await rpc(home, 'project.delete', { id: doomed.id, force: true });
    await daemon.stop();
    await waitFor(() => states.includes('reconnecting'), 'reconnecting');
    daemon = await startDaemon(home);
    await waitFor(() => states.at(-1) === 'connected', 'connected again', 10_000);
    await assert.rejects(live.call('board.get', { projectId: doomed.id }), (error: unknown) => error instanceof PasoError && error.kind === 'not_found');
    const before = changes.length;
    await rpc(home, 'project.create', { name: 'Survivor' });
    await waitFor(() => changes.length > before, 'changes to every project after falling back');
  } finally {
    live.close();
    await daemon.stop();
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

test('a deliberate stop leaves the connection stopped: it starts no daemon, finds a new one, or starts one on request', async () => {
  let daemon = await startDaemon(home);
  const states: ConnectionState[] = [];
  // Auto-start on: what keeps the daemon down is the stop notice, not the option.
  const live = new LiveConnection({ projectId: null, onState: (state) => states.push(state) });
  try {
    await live.start();
    const stop = await runPaso(home, ['daemon', 'stop']);
    assert.equal(stop.code, 0, stop.stderr);
    await waitFor(() => states.at(-1) === 'stopped', 'the stopped state');
    // The retry backoff reaches 2 s; twice that covers several attempts that must not start one.
    await staysFalse(() => daemonPidsOf(home).length > 0, 4_000, 'a stopped connection started a daemon');
    assert.deepEqual(states, ['connected', 'stopped']);
    await assert.rejects(live.call('daemon.status'), (error: unknown) => error instanceof PasoError && error.kind === 'unavailable');

    // Someone else starts one: the connection finds it.
    daemon = await startDaemon(home);
    await waitFor(() => states.at(-1) === 'connected', 'connected to the new daemon', 10_000);
    assert.equal((await live.call('daemon.status')).pid, daemon.process.pid);

    // Stopped again; this time its owner asks it to start one.
    assert.equal((await runPaso(home, ['daemon', 'stop'])).code, 0);
    await waitFor(() => states.at(-1) === 'stopped', 'stopped again');
    await live.startDaemon();
    assert.equal(states.at(-1), 'connected');
    const started = await live.call('daemon.status');
    assert.notEqual(started.pid, daemon.process.pid);
    assert.deepEqual(daemonPidsOf(home), [started.pid]);
  } finally {
    live.close();
    await daemon.stop();
    await stopDaemonsOf(home);
  }
});

test('a daemon killed by a signal is not a deliberate stop: the connection reconnects, starting one', async () => {
  const daemon = await startDaemon(home);
  const states: ConnectionState[] = [];
  const live = new LiveConnection({ projectId: null, onState: (state) => states.push(state) });
  try {
    await live.start();
    await daemon.stop('SIGTERM');
    await waitFor(() => states.at(-1) === 'connected' && states.length === 3, 'reconnected to a daemon it started');
    assert.deepEqual(states, ['connected', 'reconnecting', 'connected']);
    assert.notEqual((await live.call('daemon.status')).pid, daemon.process.pid);
  } finally {
    live.close();
    await stopDaemonsOf(home);
  }
});
