/** `paso mcp` tools end to end: the SDK's client over stdio, a real daemon, `paso rpc` to check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfterEach, rpc } from '../client/paso-process.js';
import { startMcp, type McpSession } from './mcp-fixture.js';

const { defer, newHome } = cleanupAfterEach();

async function session(home: string): Promise<McpSession> {
  const mcp = await startMcp(home);
  defer(() => mcp.close());
  return mcp;
}

/** Methods about the connection or the daemon host: never tools. */
const NOT_TOOLS = ['rpc.discover', 'daemon.status', 'daemon.shutdown', 'daemon.backup', 'hello', 'subscribe', 'unsubscribe'];

test('tools/list offers one tool per data method with the schemas and descriptions of rpc.discover', async () => {
  const home = newHome();
  const mcp = await session(home);
  const { methods } = await rpc(home, 'rpc.discover');
  const { tools } = await mcp.client.listTools();

  const expected = methods.filter((m: { name: string }) => !NOT_TOOLS.includes(m.name));
  assert.deepEqual(
    tools.map((t) => t.name),
    expected.map((m: { name: string }) => m.name.replaceAll('.', '_')),
  );
  assert.ok(tools.some((t) => t.name === 'atomic') && tools.some((t) => t.name === 'history_undo'));
  for (const method of expected) {
    const tool = tools.find((t) => t.name === method.name.replaceAll('.', '_'))!;
    assert.equal(tool.description, method.description, method.name);
    // MCP requires an object schema at the top; rpc.discover's anyOf (task.get) gains only that.
    assert.deepEqual(tool.inputSchema, { type: 'object', ...method.params }, method.name);
  }
  assert.ok(!('type' in methods.find((m: { name: string }) => m.name === 'task.get').params), 'task.get is the anyOf case');

  const hints = (name: string) => tools.find((t) => t.name === name)!.annotations;
  assert.deepEqual(hints('board_get'), { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
  assert.deepEqual(hints('task_create'), { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false });
  assert.deepEqual(hints('task_delete'), { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false });
  assert.equal(hints('task_move')!.destructiveHint, true);
});

test('a card created, moved and updated through tools is there for paso rpc', async () => {
  const home = newHome();
  const mcp = await session(home);
  const project = await rpc(home, 'project.create', { name: 'Agents', key: 'AGT' });

  const created = await mcp.tool('task_create', { projectId: project.id, title: 'Written by an agent', priority: 'high' });
  assert.equal(created.isError, false, JSON.stringify(created.json));
  assert.equal(created.json.ref, 'AGT-1');

  const moved = await mcp.tool('task_move', { id: created.json.id, role: 'in_progress', expectedVersion: created.json.version });
  assert.equal(moved.isError, false, JSON.stringify(moved.json));
  const updated = await mcp.tool('task_update', { id: created.json.id, title: 'Renamed by an agent', expectedVersion: moved.json.version });
  assert.equal(updated.isError, false, JSON.stringify(updated.json));

  const task = await rpc(home, 'task.get', { ref: 'AGT-1' });
  const columns = await rpc(home, 'column.list', { projectId: project.id });
  assert.equal(task.title, 'Renamed by an agent');
  assert.equal(task.priority, 'high');
  assert.equal(task.columnId, columns.find((c: { role: string }) => c.role === 'in_progress').id);
  assert.deepEqual(updated.json, task, 'the tool result is the TaskDetail as JSON');

  const board = await mcp.tool('board_get', { projectId: project.id });
  assert.deepEqual(board.json, await rpc(home, 'board.get', { projectId: project.id }));
  const byRef = await mcp.tool('task_get', { ref: 'AGT-1' });
  assert.equal(byRef.json.id, task.id, 'the anyOf params of task.get work');
  // The agent's changes are recorded as the agent's in history.
  const changes = await rpc(home, 'history.list', { taskId: task.id });
  assert.deepEqual(
    changes.map((change: { client: string; method: string }) => [change.client, change.method]),
    [['mcp', 'task.update'], ['mcp', 'task.move'], ['mcp', 'task.create']],
  );
});

test('errors come back as tool errors carrying their kind, and change nothing', async () => {
  const home = newHome();
  const mcp = await session(home);
  const project = await rpc(home, 'project.create', { name: 'Strict', key: 'STR' });

  const invalid = await mcp.tool('task_create', { projectId: project.id, title: '   ' });
  assert.equal(invalid.isError, true);
  assert.equal(invalid.json.error.data.kind, 'validation');
  assert.match(invalid.json.error.message, /title/);
  assert.deepEqual(await rpc(home, 'task.list', { projectId: project.id }), [], 'a rejected call changes nothing');

  const unknownField = await mcp.tool('task_create', { projectId: project.id, title: 'x', colour: 'red' });
  assert.equal(unknownField.isError, true);
  assert.equal(unknownField.json.error.data.kind, 'validation');

  const missing = await mcp.tool('task_get', { id: 999 });
  assert.equal(missing.isError, true);
  assert.equal(missing.json.error.data.kind, 'not_found');

  const task = await rpc(home, 'task.create', { projectId: project.id, title: 'Contested' });
  await rpc(home, 'task.update', { id: task.id, title: 'Changed by a person' });
  const stale = await mcp.tool('task_update', { id: task.id, title: 'Agent overwrite', expectedVersion: task.version });
  assert.equal(stale.isError, true);
  assert.equal(stale.json.error.data.kind, 'conflict');
  assert.equal((await rpc(home, 'task.get', { id: task.id })).title, 'Changed by a person');

  await assert.rejects(mcp.client.callTool({ name: 'daemon_shutdown', arguments: {} }), /unknown tool/);
  assert.ok((await rpc(home, 'daemon.status')).pid, 'the daemon still runs');
});
