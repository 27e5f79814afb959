/**
 * The remote layers alone: the bridge's actor rewriting, the ssh command line and failure
 * messages, the choice of target, the JSON-RPC client over an in-memory transport, CSV.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgeHello, checkActor, withFixedActor } from '../../client/scripting/bridge-actor.js';
import { connectionTarget } from '../../client/connection/connection-target.js';
import { failureReason, sshArgv } from '../../client/connection/ssh-transport.js';
import { csvField, exportToCsv } from '../../client/cli/export-csv.js';
import { clientOver, isDisconnectError, type Transport } from '../../shared/socket-client.js';
import { PasoError } from '../../shared/errors.js';

test('withFixedActor replaces the actor of every hello, alone or in a batch, and leaves other lines byte for byte', () => {
  const other = '{"jsonrpc":"2.0","id":1,"method":"task.get","params":{"id":1}}';
  assert.equal(withFixedActor(other, 'alice'), other);
  assert.equal(withFixedActor('not json', 'alice'), 'not json');
  const hello = JSON.parse(withFixedActor('{"jsonrpc":"2.0","id":2,"method":"hello","params":{"actor":"mallory","client":"board"}}', 'alice'));
  assert.deepEqual(hello.params, { actor: 'alice', client: 'board' });
  assert.deepEqual(JSON.parse(withFixedActor('{"jsonrpc":"2.0","id":3,"method":"hello"}', 'alice')).params, { actor: 'alice' });
  // An escaped method name is the same method to JSON.parse, so to the daemon.
  const escaped = JSON.parse(withFixedActor('[{"jsonrpc":"2.0","id":4,"method":"h\\u0065llo","params":{"actor":"x"}},' + other + ']', 'alice'));
  assert.equal(escaped[0].params.actor, 'alice');
  assert.deepEqual(escaped[1], JSON.parse(other));
  assert.deepEqual(JSON.parse(bridgeHello('alice')).params, { actor: 'alice' });
});

test('checkActor takes one trimmed line of 1-100 characters', () => {
  assert.equal(checkActor('  alice '), 'alice');
  assert.equal(checkActor(''), null);
  assert.equal(checkActor('a\nb'), null);
  assert.equal(checkActor('x'.repeat(101)), null);
  assert.equal(checkActor('鈴'.repeat(100)), '鈴'.repeat(100));
});

test('sshArgv runs ssh -T HOST paso bridge, BatchMode only when asked, PASO_SSH_COMMAND as the ssh', () => {
  const plain = sshArgv('bob@host', { batch: false, env: {} });
  assert.equal(plain[0], 'ssh');
  assert.ok(plain.includes('-T'));
  assert.ok(!plain.includes('BatchMode=yes'));
  assert.deepEqual(plain.slice(-4), ['--', 'bob@host', 'paso', 'bridge']);
  const batch = sshArgv('host', { batch: true, env: { PASO_SSH_COMMAND: 'ssh  -F /tmp/cfg' } });
  assert.deepEqual(batch.slice(0, 3), ['ssh', '-F', '/tmp/cfg']);
  assert.ok(batch.includes('BatchMode=yes'));
});

test('failureReason says which side failed', () => {
  const refused = failureReason('h', 'ssh', { code: 255, signal: null, stderr: 'ssh: connect to host h port 22: Connection refused\r\n', spawnError: null });
  assert.match(refused, /^cannot reach h over ssh: ssh: connect to host h port 22: Connection refused/);
  const far = failureReason('h', 'ssh', { code: 7, signal: null, stderr: 'paso: the daemon exited with code 1\n', spawnError: null });
  assert.equal(far, 'paso bridge on h exited with code 7: paso: the daemon exited with code 1');
  assert.match(failureReason('h', 'ssh', { code: 127, signal: null, stderr: 'sh: paso: not found', spawnError: null }), /not on the PATH/);
  assert.match(failureReason('h', 'nossh', { code: null, signal: null, stderr: '', spawnError: new Error('spawn nossh ENOENT') }), /cannot run nossh/);
});

test('connectionTarget: PASO_REMOTE wins unless local; PASO_SOCKET elsewhere is its own target; a host starting with - is refused', () => {
  const home = '/tmp/paso-target-home';
  assert.deepEqual(connectionTarget({ env: { PASO_HOME: home, PASO_REMOTE: 'bob@h' } }), { kind: 'ssh', host: 'bob@h' });
  assert.equal(connectionTarget({ local: true, env: { PASO_HOME: home, PASO_REMOTE: 'h' } }).kind, 'home');
  assert.equal(connectionTarget({ env: { PASO_HOME: home, PASO_SOCKET: `${home}/paso.sock` } }).kind, 'home');
  const other = connectionTarget({ env: { PASO_HOME: home, PASO_SOCKET: '/tmp/fwd.sock' } });
  assert.equal(other.kind, 'socket');
  assert.equal(other.kind === 'socket' && other.paths.socket, '/tmp/fwd.sock');
  assert.throws(() => connectionTarget({ env: { PASO_REMOTE: '-oProxyCommand=x' } }), (e: unknown) => e instanceof PasoError && e.kind === 'usage');
});

/** A transport whose far end is this test: it sees our lines and answers as it likes. */
function memoryTransport(answer: (line: string, reply: (text: string) => void) => void) {
  let onData: (chunk: Buffer) => void = () => {};
  let onClose: (reason: string | null) => void = () => {};
  const transport: Transport = {
    write: (text) => answer(text.trimEnd(), (reply) => queueMicrotask(() => onData(Buffer.from(reply)))),
    onData: (handler) => (onData = handler),
    onClose: (handler) => (onClose = handler),
    close: () => onClose(null),
  };
  return { transport, drop: (reason: string) => onClose(reason) };
}

test('the JSON-RPC client works over any transport and reports the transport\'s reason for a lost connection', async () => {
  const far = memoryTransport((line, reply) => {
    const { id, method } = JSON.parse(line);
    if (method === 'daemon.status') reply(`{"jsonrpc":"2.0","method":"db_changed","params":{"seq":1}}\n{"jsonrpc":"2.0","id":${id},"result":{"pid":1}}\n`);
  });
  const client = clientOver(far.transport);
  const seen: unknown[] = [];
  client.onNotification((method, params) => seen.push([method, params]));
  assert.deepEqual(await client.callRaw('daemon.status'), { pid: 1 });
  assert.deepEqual(seen, [['db_changed', { seq: 1 }]]);
  const pending = client.callRaw('project.list');
  far.drop('cannot reach h over ssh: ssh: Connection refused');
  await assert.rejects(pending, (error: unknown) => isDisconnectError(error) && /Connection refused/.test((error as Error).message));
});

test('CSV quotes commas, quotes and line breaks, and lists archived tasks too', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  const task = (ref: string, archivedAt: string | null) => ({
    ref, title: `T ${ref}`, columnId: 1, priority: 'high', type: 'bug', dueAt: null, labels: [{ name: 'x' }, { name: 'y,z' }],
    blocked: false, archivedAt, createdAt: 'c', updatedAt: 'u',
  });
  const csv = exportToCsv({
    format: 'paso-export', version: 1, exportedAt: 'now',
    projects: [{ project: {} as never, labels: [], columns: [{ id: 1, name: 'Todo' }] as never, tasks: [task('A-1', null), task('A-2', '2026-01-01T00:00:00.000Z')] as never }],
  });
  assert.deepEqual(csv.split('\r\n'), [
    'ref,title,column,priority,type,due,labels,blocked,archived,created,updated',
    'A-1,T A-1,Todo,high,bug,,"x;y,z",false,,c,u',
    'A-2,T A-2,Todo,high,bug,,"x;y,z",false,2026-01-01T00:00:00.000Z,c,u',
    '',
  ]);
});
