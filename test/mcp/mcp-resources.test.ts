/** `paso mcp` resources end to end: listing, reading, and live updates fed by db_changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextResourceContents } from '@modelcontextprotocol/sdk/types.js';
import { cleanupAfterEach, rpc } from '../client/paso-process.js';
import { startMcp, type McpSession } from './mcp-fixture.js';

const { defer, newHome } = cleanupAfterEach();

async function session(home: string): Promise<McpSession> {
  const mcp = await startMcp(home);
  defer(() => mcp.close());
  return mcp;
}

async function readText(mcp: McpSession, uri: string): Promise<TextResourceContents> {
  const { contents } = await mcp.client.readResource({ uri });
  assert.equal(contents.length, 1);
  assert.equal(contents[0]!.uri, uri);
  return contents[0] as TextResourceContents;
}

test('resources list the projects and each board, as Markdown and JSON', async () => {
  const home = newHome();
  const mcp = await session(home);
  const web = await rpc(home, 'project.create', { name: 'Website', key: 'WEB', description: 'The public site\nand its blog' });
  const bug = await rpc(home, 'label.create', { projectId: web.id, name: 'bug', color: '#ff0000' });
  const columns = await rpc(home, 'column.list', { projectId: web.id });
  const blocker = await rpc(home, 'task.create', { projectId: web.id, title: 'Fix the login form', priority: 'high', type: 'bug', labelIds: [bug.id], dueAt: '2030-01-31' });
  const blocked = await rpc(home, 'task.create', { projectId: web.id, title: 'Ship the release', columnId: columns[1].id });
  await rpc(home, 'task.create', { projectId: web.id, title: 'Write the notes', columnId: columns[1].id });
  await rpc(home, 'task.link', { taskId: blocker.id, kind: 'blocks', targetId: blocked.id });

  const { resources } = await mcp.client.listResources();
  const expected = ['paso://projects'];
  for (const { id } of await rpc(home, 'project.list')) expected.push(`paso://projects/${id}/board`, `paso://projects/${id}/board.json`);
  assert.deepEqual(resources.map((r) => r.uri), expected);
  assert.ok(expected.includes(`paso://projects/${web.id}/board.json`));
  const { resourceTemplates } = await mcp.client.listResourceTemplates();
  assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['paso://projects/{id}/board', 'paso://projects/{id}/board.json']);

  const projects = await readText(mcp, 'paso://projects');
  assert.equal(projects.mimeType, 'text/markdown');
  assert.match(projects.text, new RegExp(`\\*\\*WEB\\*\\* Website \\(project id ${web.id}\\): paso://projects/${web.id}/board`));

  const board = await readText(mcp, `paso://projects/${web.id}/board`);
  assert.equal(board.mimeType, 'text/markdown');
  const lines = board.text.split('\n');
  assert.equal(lines[0], '# WEB: Website');
  assert.ok(lines.includes('> The public site') && lines.includes('> and its blog'), board.text);
  assert.ok(lines.includes(`Labels: bug (id ${bug.id}, ${bug.color})`), board.text);
  assert.ok(lines.includes(`## Todo (column id ${columns[0].id}, role ready, 1 task)`), board.text);
  assert.ok(lines.includes(`- **WEB-1** Fix the login form (id ${blocker.id}, priority high, type bug, labels bug, due 2030-01-31)`), board.text);
  assert.ok(lines.includes(`## In Progress (column id ${columns[1].id}, role in_progress, 2 tasks)`), board.text);
  assert.ok(lines.includes(`- **WEB-2** Ship the release (id ${blocked.id}, priority medium, BLOCKED)`), board.text);
  assert.ok(lines.indexOf('## Done (column id ' + columns[2].id + ', role done, 0 tasks)') < lines.indexOf('(no tasks)'), board.text);

  const json = await readText(mcp, `paso://projects/${web.id}/board.json`);
  assert.equal(json.mimeType, 'application/json');
  assert.deepEqual(JSON.parse(json.text), await rpc(home, 'board.get', { projectId: web.id }));

  await assert.rejects(mcp.client.readResource({ uri: 'paso://projects/999/board' }), /no such project/);
  await assert.rejects(mcp.client.readResource({ uri: 'paso://elsewhere' }), /no such resource/);
  await assert.rejects(mcp.client.subscribeResource({ uri: 'paso://projects/999/board' }), /no such project/);
});

test('a subscribed board is updated after each change to its project, and only to its project', async () => {
  const home = newHome();
  const mcp = await session(home);
  const mine = await rpc(home, 'project.create', { name: 'Mine', key: 'MINE' });
  const other = await rpc(home, 'project.create', { name: 'Other', key: 'OTH' });
  const uri = `paso://projects/${mine.id}/board`;
  const jsonUri = `paso://projects/${mine.id}/board.json`;
  await mcp.client.subscribeResource({ uri });
  await mcp.client.subscribeResource({ uri: jsonUri });

  // Notifications keep commit order: had the other project's change reached this URI, it
  // would show before the one that follows.
  await rpc(home, 'task.create', { projectId: other.id, title: 'Not on my board' });
  const task = await rpc(home, 'task.create', { projectId: mine.id, title: 'Added by a person' });
  await mcp.waitForUpdate(uri, 0);
  await mcp.waitForUpdate(jsonUri, 0);
  assert.deepEqual(mcp.updates.filter((u) => u === uri), [uri]);
  assert.match((await readText(mcp, uri)).text, /\*\*MINE-1\*\* Added by a person/);

  await mcp.client.unsubscribeResource({ uri: jsonUri });
  await rpc(home, 'task.update', { id: task.id, title: 'Renamed by a person' });
  await mcp.waitForUpdate(uri, 1);
  assert.match((await readText(mcp, uri)).text, /\*\*MINE-1\*\* Renamed by a person/);
  assert.equal(mcp.updates.filter((u) => u === jsonUri).length, 1, 'no update after unsubscribing');
});

test('paso://projects is updated when the project list changes, not on task changes', async () => {
  const home = newHome();
  const mcp = await session(home);
  const first = await rpc(home, 'project.create', { name: 'First', key: 'ONE' });
  await mcp.client.subscribeResource({ uri: 'paso://projects' });

  await rpc(home, 'task.create', { projectId: first.id, title: 'Leaves the list as it is' });
  await rpc(home, 'project.create', { name: 'Second', key: 'TWO' });
  await mcp.waitForUpdate('paso://projects', 0);
  assert.deepEqual(mcp.updates, ['paso://projects']);
  assert.match((await readText(mcp, 'paso://projects')).text, /\*\*TWO\*\* Second/);
});
