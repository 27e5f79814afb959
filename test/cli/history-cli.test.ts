/** `paso undo`, `paso redo` and `paso log` end to end, as a user runs them. */
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { after, before, test } from 'node:test';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();

before(async () => {
  await cli.removeAllProjects();
  await cli.ok(['project', 'add', 'Web', '--key', 'WEB']);
  await cli.ok(['task', 'add', 'Fix login']);
  await cli.ok(['task', 'add', 'Write docs']);
});

after(() => cli.close());

test('changes from the CLI are logged as the OS user via cli; paso rpc ones via rpc', async () => {
  await cli.rpc('label.create', { projectId: (await cli.rpc('project.list'))[0].id, name: 'bug' });
  const log = await cli.json(['log', '--json']);
  assert.equal(log[0].summary, 'created label "bug"');
  assert.equal(log[0].client, 'rpc');
  assert.equal(log[0].actor, null);
  assert.equal(log[1].client, 'cli');
  assert.equal(log[1].actor, userInfo().username);
  assert.equal(log[1].summary, 'created WEB-2 "Write docs"');
  const text = await cli.ok(['log', '--limit', '2']);
  assert.match(text, /^SEQ\s+WHEN\s+WHO\s+SUMMARY\n/);
  assert.match(text, new RegExp(`${log[1].seq}\\s+\\S+ \\S+\\s+${userInfo().username} via cli\\s+created WEB-2 "Write docs"`));
  assert.deepEqual((await cli.ok(['log', '--limit', '2', '--quiet'])).trim().split('\n').map(Number), [log[0].seq, log[1].seq]);
});

test('paso undo undoes my last CLI change, then the one before; paso redo brings them back', async () => {
  await cli.ok(['task', 'move', 'WEB-1', 'Done']);
  const undone = await cli.ok(['undo']);
  assert.match(undone, /^undid: moved WEB-1 Todo → Done \(change \d+, reversing \d+\)\n$/);
  assert.equal((await cli.json(['task', 'show', 'WEB-1', '--json'])).columnId, (await cli.rpc('board.get', { projectId: (await cli.rpc('project.list'))[0].id })).columns[0].id);
  // The rpc change above is not mine from the CLI: the next undo skips it.
  const second = await cli.json(['undo', '--json']);
  assert.equal(second.summary, 'undid: created WEB-2 "Write docs"');
  assert.equal(second.client, 'cli');
  const missing = await cli.run(['task', 'show', 'WEB-2']);
  assert.equal(missing.code, 3);

  assert.match(await cli.ok(['redo']), /^redid: created WEB-2 "Write docs"/);
  assert.equal((await cli.json(['task', 'show', 'WEB-2', '--json'])).title, 'Write docs');
  assert.match(await cli.ok(['redo']), /^redid: moved WEB-1 Todo → Done/);
  const log = await cli.ok(['log', '--task', 'WEB-1']);
  assert.match(log, /redid: moved WEB-1 Todo → Done/);
  assert.match(log, /moved WEB-1 Todo → Done \(undone, redone\)/);
});

test('paso undo SEQ: a refused undo exits 4 and says why; bad seqs are usage errors', async () => {
  await cli.ok(['task', 'edit', 'WEB-1', '--title', 'Fix the login']);
  const [mine] = await cli.json(['log', '--json', '--limit', '1']);
  await cli.rpc('task.update', { id: (await cli.rpc('task.get', { ref: 'WEB-1' })).id, title: 'Fix login on Safari' });
  const refused = await cli.run(['undo', String(mine.seq)]);
  assert.equal(refused.code, 4);
  assert.match(refused.stderr, new RegExp(`^paso: cannot undo change ${mine.seq} \\(renamed WEB-1 "Fix login" → "Fix the login"\\): change \\d+ \\(renamed WEB-1 "Fix the login" → "Fix login on Safari"\\) changed the same data since\\n$`));
  const json = await cli.run(['undo', String(mine.seq), '--json']);
  assert.equal(json.code, 4);
  assert.equal(JSON.parse(json.stderr).data.change.client, 'rpc');
  const bad = await cli.run(['undo', 'x']);
  assert.equal(bad.code, 2);
  const notUndone = await cli.run(['redo', String(mine.seq)]);
  assert.equal(notUndone.code, 5);
  assert.match(notUndone.stderr, /has not been undone/);
});

test('help shows examples, and completion offers the verbs', async () => {
  assert.match(await cli.ok(['undo', '--help']), /Examples:\n {2}\$ paso undo\n/);
  assert.match(await cli.ok(['log', '--help']), /--task <task>/);
  const bash = await cli.ok(['completion', 'bash']);
  for (const verb of ['undo', 'redo', 'log']) assert.match(bash, new RegExp(`\\b${verb}\\b`));
});
