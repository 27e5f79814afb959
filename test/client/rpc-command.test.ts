import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { makeHome, removeHome, startDaemon, PASO_BIN, type DaemonHandle, type RawClient } from '../helpers/daemon.js';
import { daemonPidsOf, runPaso, stopDaemonsOf } from './paso-process.js';

let home: string;
let daemon: DaemonHandle;
let raw: RawClient;

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  raw = await daemon.client();
});

after(async () => {
  raw?.close();
  await daemon?.stop();
  await stopDaemonsOf(home);
  removeHome(home);
});

test('prints the result as one line of JSON when stdout is not a terminal', async () => {
  const run = await runPaso(home, ['rpc', 'project.create', '{"name":"Rpc one"}']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^\{.*\}\n$/);
  const project = JSON.parse(run.stdout);
  assert.deepEqual(await raw.call('project.get', { id: project.id }), project);
});

test('prints the result indented when stdout is a terminal', () => {
  // script(1) gives the command a pseudo-terminal.
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(PASO_BIN)} rpc daemon.status`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { env: { ...process.env, PASO_HOME: home }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const text = run.stdout.replace(/\r\n/g, '\n');
  assert.match(text, /^\{\n {2}"version": /);
  assert.equal(JSON.parse(text).pid, daemon.process.pid);
});

test('reads PARAMS from stdin when the argument is -', async () => {
  const run = await runPaso(home, ['rpc', 'project.create', '-'], { input: '{\n  "name": "From stdin"\n}\n' });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).name, 'From stdin');
});

test('a JSON-RPC error goes to stderr as the error object the daemon sent', async () => {
  const expected = await raw.request('project.get', { id: 987654 });
  assert.ok(expected.error);
  const run = await runPaso(home, ['rpc', 'project.get', '{"id":987654}']);
  assert.equal(run.code, 3);
  assert.equal(run.stdout, '');
  assert.deepEqual(JSON.parse(run.stderr), expected.error);
});

test('--list prints every method of rpc.discover, one per line', async () => {
  const { methods } = await raw.call('rpc.discover');
  const run = await runPaso(home, ['rpc', '--list']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(run.stdout.split('\n'), [...methods.map((m: { name: string }) => m.name), '']);
  assert.ok(run.stdout.includes('task.create\n'));
});

for (const [what, args, input] of [
  ['invalid JSON', ['rpc', 'project.get', '{"id":'], undefined],
  ['a JSON array', ['rpc', 'project.get', '[1]'], undefined],
  ['a JSON string', ['rpc', 'project.get', '"x"'], undefined],
  ['null', ['rpc', 'project.get', 'null'], undefined],
  ['empty stdin', ['rpc', 'project.get', '-'], ''],
  ['invalid JSON on stdin', ['rpc', 'project.get', '-'], '{nope'],
] as const) {
  test(`PARAMS that is ${what} exits 2 with a message`, async () => {
    const run = await runPaso(home, [...args], input === undefined ? {} : { input });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^paso: PARAMS (is not valid JSON|must be a JSON object)/);
  });
}

test('missing METHOD, or METHOD with --list, is a usage error', async () => {
  for (const args of [['rpc'], ['rpc', '--list', 'task.get']]) {
    const run = await runPaso(home, args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /^paso: /);
  }
});

test('bad PARAMS never starts a daemon', async () => {
  const empty = makeHome();
  try {
    const run = await runPaso(empty, ['rpc', 'project.get', '{oops']);
    assert.equal(run.code, 2);
    assert.deepEqual(daemonPidsOf(empty), []);
  } finally {
    await stopDaemonsOf(empty);
    removeHome(empty);
  }
});

test('a request over 1 MiB gets the daemon\'s -32600 and exit 2, not "unavailable"', async () => {
  const h = makeHome();
  try {
    const params = JSON.stringify({ projectId: 1, title: 'big', description: 'x'.repeat(1_100_000) });
    const run = await runPaso(h, ['rpc', 'task.create', '-'], { input: params });
    assert.equal(run.code, 2, run.stderr);
    const error = JSON.parse(run.stderr);
    assert.equal(error.code, -32600);
    assert.match(error.message, /line too long/);
  } finally {
    await stopDaemonsOf(h);
    removeHome(h);
  }
});
