/**
 * Over a real sshd on 127.0.0.1: the human CLI, `paso rpc` and `paso watch` reach the far
 * host's daemon through `ssh HOST paso bridge` (which starts that daemon), conflicts and
 * errors come back with their exit codes, forced keys can only talk to the board, and an
 * unreachable host fails fast with exit 7 and ssh's own message.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { killPid, PASO_BIN, pasoEnv, waitFor } from '../helpers/daemon.js';
import { FarHost } from './remote-fixture.js';

const far = new FarHost();
let teamId: number;
before(() => far.start());
after(() => far.stop());

test('paso --remote runs a scripted CLI session on the far daemon, and nothing starts locally', async () => {
  const project = await far.json('plain', ['project', 'add', 'Shared board', '--key', 'TEAM', '--json']);
  assert.equal(project.key, 'TEAM');
  teamId = project.id;
  const task = await far.json('plain', ['task', 'add', '看板を共有する', '--project', 'TEAM', '--priority', 'high', '--json']);
  assert.equal(task.ref, 'TEAM-1');
  const moved = await far.json('plain', ['task', 'move', 'TEAM-1', 'in progress', '--json']);
  const comment = await far.json('plain', ['comment', 'add', 'TEAM-1', 'from afar', '--json']);
  assert.equal(comment.body, 'from afar');
  const listed = await far.json('plain', ['task', 'list', '--project', 'TEAM', '--json']);
  assert.deepEqual(listed.map((t: any) => [t.ref, t.columnId]), [['TEAM-1', moved.columnId]]);

  // A stale expectedVersion is a conflict over ssh as on the socket: exit 4, error on stderr.
  const stale = await far.paso('plain', ['rpc', 'task.update', JSON.stringify({ id: task.id, title: 'x', expectedVersion: 1 })]);
  assert.equal(stale.code, 4, stale.stderr);
  assert.equal(JSON.parse(stale.stderr).data.kind, 'conflict');

  // The far daemon holds it all; the client machine never started one.
  const direct = await far.farClient();
  try {
    assert.equal((await direct.call('task.get', { ref: 'TEAM-1' })).title, '看板を共有する');
  } finally {
    direct.close();
  }
  assert.equal(far.farDaemonPids().length, 1);
  assert.deepEqual(far.clientDaemonPids(), []);
});

test('PASO_REMOTE works like --remote for paso rpc', async () => {
  const run = await far.collect(
    spawn(process.execPath, [PASO_BIN, 'rpc', 'daemon.status'], {
      env: pasoEnv(far.clientHome, far.clientEnv({ PASO_REMOTE: 'plain' })),
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).dbPath, `${far.farHome}/tasks.db`);
});

test('keys with a forced paso bridge --actor work for every command, and each change goes through', async () => {
  const alice = await far.json('alice', ['task', 'add', 'Alice was here', '--project', 'TEAM', '--json']);
  const bob = await far.json('bob', ['task', 'add', 'Bob was here', '--project', 'TEAM', '--json']);
  assert.deepEqual([alice.ref, bob.ref], ['TEAM-2', 'TEAM-3']);
  // The CLI says hello with the local user's name; the forced bridge records its own actor.
  const history = await far.json('alice', ['rpc', 'history.list', '{"limit":5}']);
  const byTask = (id: number) => history.find((change: { taskIds: number[] }) => change.taskIds.includes(id));
  assert.deepEqual([byTask(alice.id)?.actor, byTask(alice.id)?.client], ['alice', 'cli']);
  assert.deepEqual([byTask(bob.id)?.actor, byTask(bob.id)?.client], ['bob', 'cli']);
  // A client that claims another actor in hello, on the same connection, is answered and
  // still recorded as alice.
  const lines = [
    { jsonrpc: '2.0', id: 1, method: 'hello', params: { actor: 'mallory', client: 'agent' } },
    { jsonrpc: '2.0', id: 2, method: 'comment.add', params: { taskId: bob.id, body: 'hi from mallory' } },
  ];
  const run = far.sshd.ssh(['alice', 'paso bridge'], lines.map((line) => JSON.stringify(line) + '\n').join(''));
  assert.equal(run.code, 0, run.stderr);
  const replies = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(replies.map((reply) => reply.id), [1, 2]);
  assert.ok(replies.every((reply) => 'result' in reply), run.stdout);
  const [newest] = await far.json('bob', ['rpc', 'history.list', '{"limit":1}']);
  assert.deepEqual([newest.actor, newest.client, newest.method], ['alice', 'agent', 'comment.add']);
});

test('a forced key cannot run any other command: whatever is asked, the bridge answers', () => {
  const request = '{"jsonrpc":"2.0","id":7,"method":"project.list"}\n';
  const run = far.sshd.ssh(['alice', 'echo pwned; cat /etc/hostname'], request);
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /pwned/);
  const reply = JSON.parse(run.stdout);
  assert.equal(reply.id, 7);
  assert.ok(reply.result.some((p: any) => p.key === 'TEAM'));
  // no-pty: a terminal cannot be had either.
  const tty = far.sshd.ssh(['-tt', 'bob', 'sh']);
  assert.match(tty.stderr, /PTY allocation request failed/);
});

test('an unreachable host fails fast with exit 7 and ssh\'s own message', async () => {
  const run = await far.paso(far.sshd.unreachableHost, ['project', 'list']);
  assert.equal(run.code, 7);
  assert.match(run.stderr, /^paso: cannot reach unreachable over ssh: ssh: connect to host 127\.0\.0\.1 port \d+: Connection refused/);
  const unknownKey = await far.paso('nobody@plain', ['project', 'list']);
  assert.equal(unknownKey.code, 7);
  assert.match(unknownKey.stderr, /cannot reach nobody@plain over ssh: .*Permission denied/);
});

test('paso watch over ssh prints live changes and survives kill -9 of the far daemon', async () => {
  const watch = far.spawnPaso('plain', ['watch']);
  let out = '';
  let err = '';
  watch.stdout!.on('data', (d) => (out += d));
  watch.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => watch.once('close', (code) => resolve(code)));
  try {
    await waitFor(async () => {
      await far.json('plain', ['rpc', 'project.update', JSON.stringify({ id: teamId, description: `ping ${Date.now()}` })]).catch(() => null);
      return out.includes('"projectId"');
    }, 'a db_changed over ssh');
    const [pid] = far.farDaemonPids();
    killPid(pid!, 'SIGKILL');
    await waitFor(() => err.includes('reconnecting'), 'watch to notice the loss');
    // The next client starts a new far daemon (through its bridge); watch reconnects to it too.
    await waitFor(() => err.includes('reconnected'), 'watch to reconnect', 20_000);
    const before = out.length;
    await far.json('bob', ['task', 'add', 'After the crash', '--project', 'TEAM', '--json']);
    await waitFor(() => out.length > before, 'a change after the restart');
    assert.notEqual(far.farDaemonPids()[0], pid);
  } finally {
    watch.kill('SIGINT');
  }
  assert.equal(await exited, 0);
});
