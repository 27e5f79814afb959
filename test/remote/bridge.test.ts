/**
 * `paso bridge` on its own, with a real daemon: what goes in on stdin reaches the daemon's
 * socket and its answers come out on stdout unchanged; the bridge's own requests never show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { LineSplitter } from '../../shared/framing.js';
import { PASO_BIN, pasoEnv, startDaemon, waitFor } from '../helpers/daemon.js';
import { cleanupAfterEach, collect } from '../client/paso-process.js';

const cleanup = cleanupAfterEach();

const request = (id: number | string, method: string, params?: unknown) =>
  JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });

function bridge(home: string, args: string[] = []) {
  const child = spawn(process.execPath, [PASO_BIN, 'bridge', ...args], { env: pasoEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  cleanup.defer(() => void child.kill('SIGKILL'));
  const lines: string[] = [];
  const splitter = new LineSplitter({ onLine: (line) => lines.push(line), onOversized: () => {} }, 1 << 26);
  child.stdout!.on('data', (chunk: Buffer) => splitter.push(chunk));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

test('requests piped into paso bridge are answered on stdout, and it exits 0 once every one is answered', async () => {
  const home = cleanup.newHome();
  const run = await collect(
    spawn(process.execPath, [PASO_BIN, 'bridge'], { env: pasoEnv(home), stdio: ['pipe', 'pipe', 'pipe'] }),
    [request(1, 'project.create', { name: 'Piped', key: 'PIPE' }), `[${request(2, 'project.list')},${request('x', 'nope')}]`, ''].join('\n'),
  );
  assert.equal(run.code, 0, run.stderr);
  const [created, batch, ...rest] = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(created.id, 1);
  assert.equal(created.result.key, 'PIPE');
  assert.deepEqual(batch.map((reply: { id: unknown }) => reply.id), [2, 'x']);
  assert.equal(batch[1].error.code, -32601);
  assert.deepEqual(rest, [], 'nothing of the bridge\'s own leaks out');
});

test('bytes pass through unchanged, notifications included', async () => {
  const home = cleanup.newHome();
  const daemon = await startDaemon(home);
  cleanup.defer(() => daemon.stop());
  const b = bridge(home);
  b.child.stdin!.write(request(1, 'subscribe', { projectId: null }) + '\n');
  await waitFor(() => b.lines.length >= 1, 'the subscribe reply');
  const writer = await daemon.client();
  cleanup.defer(() => writer.close());
  await writer.call('project.create', { name: '東京 board', key: 'TKO' });
  await waitFor(() => b.lines.some((line) => line.includes('db_changed')), 'the db_changed notification');
  const direct = await daemon.client();
  cleanup.defer(() => direct.close());
  b.child.stdin!.write(request(2, 'project.list') + '\n');
  await waitFor(() => b.lines.length >= 3, 'the project.list reply');
  // The same bytes the daemon sends on a socket of its own.
  const reply = await direct.request('project.list');
  assert.equal(b.lines[2], JSON.stringify({ ...reply, id: 2 }));
  b.child.stdin!.end();
  assert.equal(await b.exited, 0);
});

test('--actor: the bridge\'s own hello is answered but never shown; the client\'s hellos are answered once each', async () => {
  const home = cleanup.newHome();
  const daemon = await startDaemon(home);
  cleanup.defer(() => daemon.stop());
  const b = bridge(home, ['--actor', 'alice']);
  b.child.stdin!.write(request(1, 'hello', { actor: 'mallory', client: 'cli' }) + '\n');
  b.child.stdin!.write(`[${request(2, 'hello', { actor: 'mallory' })},${request(3, 'daemon.status')}]\n`);
  b.child.stdin!.end();
  assert.equal(await b.exited, 0, b.stderr());
  const replies = b.lines.map((line) => JSON.parse(line));
  assert.equal(replies.length, 2);
  assert.equal(replies[0].id, 1);
  assert.equal(typeof replies[0].result.seq, 'number');
  assert.deepEqual(replies[1].map((r: { id: number }) => r.id), [2, 3]);
});

test('--actor refuses a name hello would refuse, before connecting', async () => {
  const home = cleanup.newHome();
  const run = await collect(spawn(process.execPath, [PASO_BIN, 'bridge', '--actor', ' '], { env: pasoEnv(home, { PASO_NO_AUTOSTART: '1' }), stdio: ['pipe', 'pipe', 'pipe'] }));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--actor must be one line/);
});

test('when the daemon goes away the bridge says so on stderr and exits 7', async () => {
  const home = cleanup.newHome();
  const daemon = await startDaemon(home);
  const b = bridge(home);
  b.child.stdin!.write(request(1, 'daemon.status') + '\n');
  await waitFor(() => b.lines.length === 1, 'the status reply');
  await daemon.stop('SIGKILL');
  assert.equal(await b.exited, 7);
  assert.match(b.stderr(), /paso: the daemon closed the connection/);
});
