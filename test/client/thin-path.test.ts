/**
 * The thin paths (`paso rpc`, `paso watch`, `paso mcp`, `paso bridge`, `paso daemon status`, CLI verbs) must not load the
 * daemon's or the board's heavy modules: every module each command loads is traced (ESM
 * through a resolve hook, CommonJS through Module._load) and checked.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeHome, PASO_BIN, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { collect, rpc, statusOf, stopDaemonsOf, type PasoRun } from './paso-process.js';

const HEAVY = /(^|[\\/])(kysely|better-sqlite3|terminal-kit|@sinclair[\\/]typebox)([\\/]|$)/;

let home: string;
let daemon: DaemonHandle;
let tracer: string;

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  await rpc(home, 'project.create', { name: 'Thin', key: 'THIN' });
  const hooks = join(home, 'trace-hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, 'esm ' + resolved.url + '\\n');
  return resolved;
}
`,
  );
  tracer = join(home, 'trace.mjs');
  writeFileSync(
    tracer,
    `import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
const file = process.env.PASO_TEST_TRACE_FILE;
register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { file } });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  appendFileSync(file, 'cjs ' + request + ' from ' + (parent && parent.filename) + '\\n');
  return load.apply(this, arguments);
};
`,
  );
});

after(async () => {
  await daemon?.stop();
  await stopDaemonsOf(home);
  removeHome(home);
});

let traces = 0;
function traced(args: string[]): { child: ReturnType<typeof spawn>; loaded: () => string[] } {
  const file = join(home, `trace-${++traces}.log`);
  writeFileSync(file, '');
  const child = spawn(process.execPath, ['--import', pathToFileURL(tracer).href, PASO_BIN, ...args], {
    env: pasoEnv(home, { PASO_TEST_TRACE_FILE: file }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { child, loaded: () => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') };
}

function assertThin(command: string, run: PasoRun, loaded: string[]): void {
  assert.equal(run.code, 0, `${command}: ${run.stderr}`);
  // shared/errors.js: every path loads it (`paso rpc` takes a fast path without commander).
  assert.ok(loaded.some((l) => l.startsWith('esm ') && l.endsWith('/shared/errors.js')), `${command}: the tracer sees ESM imports`);
  assert.ok(loaded.some((l) => l.startsWith('cjs json-rpc-2.0')), `${command}: the tracer sees CommonJS requires`);
  assert.deepEqual(loaded.filter((l) => HEAVY.test(l)), [], `${command} loads none of kysely, better-sqlite3, terminal-kit, typebox`);
}

for (const args of [
  ['rpc', 'daemon.status'],
  ['rpc', 'project.list'],
  ['rpc', '--list'],
  ['daemon', 'status'],
  ['project', 'list'],
  ['task', 'list', '--project', 'THIN'],
  ['bridge'],
  ['bridge', '--actor', 'alice'],
]) {
  test(`paso ${args.join(' ')} stays thin`, async () => {
    const { child, loaded } = traced(args);
    const run = await collect(child);
    assertThin(`paso ${args.join(' ')}`, run, loaded());
  });
}

test('paso watch stays thin', async () => {
  const before = (await statusOf(home)).subscribers;
  const { child, loaded } = traced(['watch']);
  const exited = collect(child);
  try {
    await waitFor(async () => (await statusOf(home))?.subscribers > before, 'the watcher to subscribe');
    child.kill('SIGINT');
    assertThin('paso watch', await exited, loaded());
  } finally {
    child.kill('SIGKILL');
  }
});

test('paso mcp stays thin, and answers what it was asked before stdin closed', async () => {
  const { child, loaded } = traced(['mcp']);
  const requests = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'thin-path', version: '1' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'project_list', arguments: {} } },
    { jsonrpc: '2.0', id: 3, method: 'resources/read', params: { uri: 'paso://projects' } },
  ];
  const run = await collect(child, requests.map((r) => JSON.stringify(r) + '\n').join(''));
  assertThin('paso mcp', run, loaded());
  const replies = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  assert.deepEqual(replies.map((r) => r.id).sort(), [1, 2, 3], run.stdout);
  assert.match(replies.find((r) => r.id === 2).result.content[0].text, /"key":"THIN"/);
  assert.match(replies.find((r) => r.id === 3).result.contents[0].text, /\*\*THIN\*\*/);
});
