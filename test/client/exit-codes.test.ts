/**
 * Every exit code of CONTRACT section 5, each produced by a real failing call against a real
 * daemon. Exit 1 (internal) is not here: no honest input makes the daemon fail internally.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeHome, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { rpc, runPaso, stopDaemonsOf, type PasoRun } from './paso-process.js';

let home: string;
let daemon: DaemonHandle;
let projectId: number;

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  projectId = (await rpc(home, 'project.create', { name: 'Exit codes', key: 'EXIT' })).id;
});

after(async () => {
  await daemon?.stop();
  await stopDaemonsOf(home);
  removeHome(home);
});

function rpcError(run: PasoRun): { code: number; message: string; data?: any } {
  assert.equal(run.stdout, '');
  return JSON.parse(run.stderr);
}

test('0: a call that succeeds', async () => {
  const run = await runPaso(home, ['rpc', 'daemon.status']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).pid, daemon.process.pid);
});

test('2: an unknown method', async () => {
  const run = await runPaso(home, ['rpc', 'task.teleport', '{}']);
  assert.equal(run.code, 2);
  assert.equal(rpcError(run).code, -32601);
});

test('2: bad command-line arguments', async () => {
  for (const args of [['rpc', '--no-such-option'], ['no-such-command'], ['watch', '--project'], ['daemon', 'start', 'extra']]) {
    const run = await runPaso(home, args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.notEqual(run.stderr, '');
  }
});

test('3: not found', async () => {
  const run = await runPaso(home, ['rpc', 'task.get', '{"id":999999}']);
  assert.equal(run.code, 3);
  const error = rpcError(run);
  assert.equal(error.code, -32001);
  assert.equal(error.data.kind, 'not_found');
});

test('3 from the human CLI prints "paso: <message>"', async () => {
  const run = await runPaso(home, ['task', 'show', '999999']);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /^paso: .*not found/);
});

test('4: conflict on a stale expectedVersion, carrying the current task', async () => {
  const task = await rpc(home, 'task.create', { projectId, title: 'Versioned' });
  const updated = await rpc(home, 'task.update', { id: task.id, title: 'Versioned twice', expectedVersion: task.version });
  const run = await runPaso(home, ['rpc', 'task.update', JSON.stringify({ id: task.id, title: 'Stale', expectedVersion: task.version })]);
  assert.equal(run.code, 4);
  const error = rpcError(run);
  assert.equal(error.code, -32003);
  assert.equal(error.data.kind, 'conflict');
  const current = Object.values(error.data).find((v: any) => v && typeof v === 'object' && v.id === task.id) as any;
  assert.ok(current, 'the error carries the current TaskDetail');
  assert.equal(current.version, updated.version);
  assert.equal((await rpc(home, 'task.get', { id: task.id })).title, 'Versioned twice');
});

test('5: invalid params', async () => {
  const run = await runPaso(home, ['rpc', 'project.create', '{"name":""}']);
  assert.equal(run.code, 5);
  assert.equal(rpcError(run).code, -32602);
});

test('5: a validation error from a service', async () => {
  const project = await rpc(home, 'project.create', { name: 'Has tasks' });
  await rpc(home, 'task.create', { projectId: project.id, title: 'Keeps the project' });
  const run = await runPaso(home, ['rpc', 'project.delete', JSON.stringify({ id: project.id })]);
  assert.equal(run.code, 5);
  const error = rpcError(run);
  assert.equal(error.code, -32002);
  assert.equal(error.data.kind, 'validation');
  assert.equal((await rpc(home, 'project.get', { id: project.id })).id, project.id);
});

test('6: a dependency cycle', async () => {
  const a = await rpc(home, 'task.create', { projectId, title: 'A' });
  const b = await rpc(home, 'task.create', { projectId, title: 'B' });
  await rpc(home, 'task.link', { taskId: a.id, kind: 'blocks', targetId: b.id });
  const run = await runPaso(home, ['rpc', 'task.link', JSON.stringify({ taskId: b.id, kind: 'blocks', targetId: a.id })]);
  assert.equal(run.code, 6);
  const error = rpcError(run);
  assert.equal(error.code, -32004);
  assert.equal(error.data.kind, 'dependency');
});

test('7: no daemon reachable and auto-start off', async () => {
  const empty = makeHome();
  try {
    const run = await runPaso(empty, ['rpc', 'daemon.status'], { env: { PASO_NO_AUTOSTART: '1' } });
    assert.equal(run.code, 7);
    assert.match(run.stderr, /^paso: no daemon is running/);
  } finally {
    removeHome(empty);
  }
});
