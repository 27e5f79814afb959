/** `paso mcp` outlives its daemon: tools and subscriptions work again after a restart or a kill -9. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPidAlive } from '../../client/connection/process-liveness.js';
import { killPid, waitFor } from '../helpers/daemon.js';
import { cleanupAfterEach, rpc, runPaso, statusOf } from '../client/paso-process.js';
import { startMcp } from './mcp-fixture.js';

const { defer, newHome } = cleanupAfterEach();

test('paso mcp starts the daemon, and survives a daemon restart and a kill -9', async () => {
  const home = newHome();
  assert.equal(await statusOf(home), null, 'no daemon before paso mcp');
  const mcp = await startMcp(home);
  defer(() => mcp.close());
  const first = await waitFor(() => statusOf(home), 'the daemon paso mcp started');

  const project = await mcp.tool('project_create', { name: 'Durable', key: 'DUR' });
  assert.equal(project.isError, false, JSON.stringify(project.json));
  const uri = `paso://projects/${project.json.id}/board`;
  await mcp.client.subscribeResource({ uri });

  const restart = await runPaso(home, ['daemon', 'restart']);
  assert.equal(restart.code, 0, restart.stderr);
  // The tool call waits for the reconnection instead of failing.
  const afterRestart = await mcp.tool('task_create', { projectId: project.json.id, title: 'After a restart' });
  assert.equal(afterRestart.isError, false, JSON.stringify(afterRestart.json) + mcp.stderr());
  const second = await statusOf(home);
  assert.notEqual(second.pid, first.pid);

  killPid(second.pid, 'SIGKILL');
  await waitFor(() => !isPidAlive(second.pid), 'the daemon to die');
  const seen = mcp.updates.filter((u) => u === uri).length;
  // Sent at once, this read may go out on the dead socket before paso mcp notices: a read
  // is repeated on the new connection (a change would not be: it may have committed).
  const read = await mcp.tool('board_get', { projectId: project.json.id });
  assert.equal(read.isError, false, JSON.stringify(read.json) + mcp.stderr());
  assert.equal(read.json.columns[0].tasks[0].title, 'After a restart');
  const afterKill = await mcp.tool('task_create', { projectId: project.json.id, title: 'After kill -9' });
  assert.equal(afterKill.isError, false, JSON.stringify(afterKill.json) + mcp.stderr());
  const third = await statusOf(home);
  assert.ok(third && third.pid !== second.pid, 'a new daemon was auto-started');

  // The subscription came back with the connection: a person's change reaches the agent.
  await rpc(home, 'task.create', { projectId: project.json.id, title: 'By a person' });
  await waitFor(async () => {
    if (mcp.updates.filter((u) => u === uri).length <= seen) return false;
    const { contents } = await mcp.client.readResource({ uri });
    return (contents[0] as { text: string }).text.includes('By a person');
  }, 'the board update after the kill');
  const titles = (await rpc(home, 'task.list', { projectId: project.json.id })).map((t: { title: string }) => t.title);
  assert.deepEqual(titles, ['After a restart', 'After kill -9', 'By a person']);
  assert.match(mcp.stderr(), /reconnected to the daemon/);
});

test('paso mcp exits 0 when its client closes stdin, and 7 when no daemon may start', async () => {
  const home = newHome();
  // runPaso closes stdin at once and waits for the exit: no signal is ever sent.
  const ended = await runPaso(home, ['mcp']);
  assert.equal(ended.code, 0, ended.stderr);
  assert.equal(ended.stdout, '');
  assert.ok(await statusOf(home), 'it had started the daemon');

  const refused = await runPaso(newHome(), ['mcp'], { env: { PASO_NO_AUTOSTART: '1' } });
  assert.equal(refused.code, 7, refused.stderr);
  assert.match(refused.stderr, /no daemon is running/);
  assert.equal(refused.stdout, '', 'stdout carries MCP messages only');
});
