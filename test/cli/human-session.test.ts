/**
 * A scripted session through the human CLI against a real daemon, read back with `--json`
 * and compared with what `paso rpc` returns for the same method.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();
let projectId: number;

before(async () => {
  await cli.removeAllProjects();
  const project = await cli.json(['project', 'add', 'Web site', '--key', 'web', '--description', 'Marketing', '--json']);
  assert.equal(project.key, 'WEB');
  projectId = project.id;
});

after(() => cli.close());

test('projects: list, show, rename and edit agree with the rpc methods', async () => {
  assert.deepEqual(await cli.json(['project', 'list', '--json']), await cli.rpc('project.list'));
  assert.deepEqual(await cli.json(['project', 'show', '--json']), await cli.rpc('project.get', { id: projectId }));
  const renamed = await cli.json(['project', 'rename', 'web', 'Website', '--json']);
  assert.equal(renamed.name, 'Website');
  const edited = await cli.json(['project', 'edit', 'website', '--description', '-', '--json'], { input: 'Our site\n' });
  assert.equal(edited.description, 'Our site');
  assert.deepEqual(edited, await cli.rpc('project.get', { id: projectId }));
  assert.match(await cli.ok(['project', 'list']), /WEB\s+Website/);
});

test('columns: add, rename, move and set roles', async () => {
  const review = await cli.json(['column', 'add', 'Review', '--after', 'in progress', '--json']);
  assert.equal(review.name, 'Review');
  assert.equal(review.position, 2);
  await cli.ok(['column', 'rename', 'review', 'Code review']);
  const order = await cli.json(['column', 'move', 'Code Review', '0', '--json']);
  assert.deepEqual(order.map((c: any) => c.name), ['Code review', 'Todo', 'In Progress', 'Done']);
  await cli.ok(['column', 'move', 'code review', '2']);
  const shipped = await cli.json(['column', 'add', 'Shipped', '--role', 'done', '--json']);
  assert.equal(shipped.role, 'done');
  const cleared = await cli.json(['column', 'role', 'Done', 'none', '--json']);
  assert.equal(cleared.role, null);
  await cli.ok(['column', 'role', 'shipped', 'done']);
  const columns = await cli.json(['column', 'list', '--json']);
  assert.deepEqual(columns, await cli.rpc('column.list', { projectId }));
  assert.deepEqual(
    columns.map((c: any) => [c.name, c.role]),
    [['Todo', 'ready'], ['In Progress', 'in_progress'], ['Code review', null], ['Done', null], ['Shipped', 'done']],
  );
  await cli.ok(['column', 'delete', 'Done']);
  assert.equal((await cli.rpc('column.list', { projectId })).length, 4);
});

test('labels: add, edit, rename and list', async () => {
  const ui = await cli.json(['label', 'add', 'ui', '--color', '#00ff00', '--json']);
  assert.equal(ui.color.toLowerCase(), '#00ff00');
  await cli.ok(['label', 'add', 'urgent']);
  await cli.ok(['label', 'add', 'obsolete']);
  const recoloured = await cli.json(['label', 'edit', 'URGENT', '--color', '#ff0000', '--json']);
  assert.equal(recoloured.color.toLowerCase(), '#ff0000');
  await cli.ok(['label', 'rename', 'obsolete', 'old']);
  await cli.ok(['label', 'delete', 'old']);
  const labels = await cli.json(['label', 'list', '--json']);
  assert.deepEqual(labels, await cli.rpc('label.list', { projectId }));
  assert.deepEqual(labels.map((l: any) => l.name).sort(), ['ui', 'urgent']);
});

test('tasks: add, move, finish, label, link, comment, and read back like task.get', async () => {
  const first = await cli.json(['task', 'add', 'Fix the login form', '--priority', 'high', '--type', 'bug', '--json']);
  assert.equal(first.ref, 'WEB-1');
  assert.deepEqual(first, await cli.rpc('task.get', { id: first.id }));
  const second = await cli.json(['task', 'add', 'Write docs', '--column', 'in progress', '--label', 'UI', '--due', '2026-12-01', '--json']);
  assert.deepEqual(second.labels.map((l: any) => l.name), ['ui']);
  assert.equal(second.dueAt, '2026-12-01');
  const third = await cli.json(['task', 'add', 'Login tests', '--parent', 'web-1', '--description', 'Cover every form', '--json']);
  assert.deepEqual(third.parents.map((p: any) => p.ref), ['WEB-1']);

  await cli.ok(['task', 'move', 'web-2', 'ready', '--position', '0']); // a column named by its role
  await cli.ok(['task', 'move', 'web-1', 'code review']);
  await cli.ok(['task', 'done', 'WEB-2']);
  await cli.ok(['task', 'label', 'web-3', 'ui', 'urgent']);
  await cli.ok(['task', 'link', 'WEB-1', 'blocks', 'web-3']);
  await cli.ok(['task', 'edit', 'WEB-3', '--title', 'Login form tests', '--priority', 'critical', '--due', '2026-11-30']);
  await cli.ok(['task', 'edit', 'WEB-3', '--no-due']);
  const comment = await cli.json(['comment', 'add', 'web-3', 'Started on this', '--author', 'ana', '--json']);
  await cli.ok(['comment', 'edit', String(comment.id), 'Half done']);
  await cli.ok(['comment', 'add', 'WEB-3', '-'], { input: 'From stdin\n' });

  const shown = await cli.json(['task', 'show', 'WEB-3', '--json']);
  assert.deepEqual(shown, await cli.rpc('task.get', { ref: 'WEB-3' }));
  const columns = await cli.rpc('column.list', { projectId });
  const columnNamed = (name: string) => columns.find((c: any) => c.name === name).id;
  assert.equal(shown.title, 'Login form tests');
  assert.equal(shown.priority, 'critical');
  assert.equal(shown.dueAt, null);
  assert.equal(shown.blocked, true);
  assert.deepEqual(shown.blockedBy.map((t: any) => t.ref), ['WEB-1']);
  assert.deepEqual(shown.labels.map((l: any) => l.name).sort(), ['ui', 'urgent']);
  assert.deepEqual(shown.comments.map((c: any) => [c.body, c.author]).slice(0, 1), [['Half done', 'ana']]);
  assert.equal(shown.comments[1].body, 'From stdin');
  assert.equal((await cli.rpc('task.get', { ref: 'WEB-1' })).columnId, columnNamed('Code review'));
  assert.equal((await cli.rpc('task.get', { ref: 'WEB-2' })).columnId, columnNamed('Shipped'));

  assert.deepEqual(await cli.json(['comment', 'list', 'web-3', '--json']), shown.comments);
  assert.deepEqual(await cli.json(['task', 'list', '--json']), await cli.rpc('task.list', { projectId }));
  assert.deepEqual(
    await cli.json(['task', 'list', '--blocked', '--json']),
    await cli.rpc('task.list', { projectId, blocked: true }),
  );
  assert.deepEqual(
    (await cli.json(['task', 'list', '--label', 'urgent', '--query', 'LOGIN', '--json'])).map((t: any) => t.ref),
    ['WEB-3'],
  );

  const view = await cli.ok(['task', 'show', 'web-3']);
  for (const text of ['WEB-3', 'Login form tests', 'critical', 'Blocked by', 'WEB-1', 'Half done', 'From stdin', 'ui, urgent']) {
    assert.ok(view.includes(text), `task show lacks ${text}:\n${view}`);
  }
  const table = await cli.ok(['task', 'list']);
  assert.match(table, /^REF\s+COLUMN\s+PRIORITY/);
  assert.match(table, /WEB-2\s+Shipped/);
});

test('unlink, label --clear and delete', async () => {
  const unlinked = await cli.json(['task', 'unlink', 'web-1', 'blocks', 'WEB-3', '--json']);
  assert.deepEqual(unlinked.blocks, []);
  assert.equal((await cli.rpc('task.get', { ref: 'WEB-3' })).blocked, false);
  const cleared = await cli.json(['task', 'label', 'WEB-3', '--clear', '--json']);
  assert.deepEqual(cleared.labels, []);
  const [commentId] = (await cli.rpc('task.get', { ref: 'WEB-3' })).comments.map((c: any) => c.id);
  assert.deepEqual(await cli.json(['comment', 'delete', String(commentId), '--json']), { ok: true });
  const id = (await cli.rpc('task.get', { ref: 'WEB-3' })).id;
  assert.equal(await cli.ok(['task', 'delete', 'WEB-3', '--quiet']), `${id}\n`);
  assert.equal((await cli.run(['task', 'show', 'WEB-3'])).code, 3);
});
