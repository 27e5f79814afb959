/** The CLI verbs of archive, WIP limits and natural dates, end to end against a real daemon. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();
after(() => cli.close());

before(async () => {
  await cli.removeAllProjects();
  await cli.ok(['project', 'add', 'Website', '--key', 'WEB']);
});

const web = ['--project', 'WEB'];
const localDay = (offsetDays: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('--due takes natural dates in the local zone and refuses others before any call', async () => {
  const task = await cli.json(['task', 'add', 'Due tomorrow', '--due', 'tomorrow', '--json', ...web]);
  assert.equal(task.dueAt, localDay(1));
  const edited = await cli.json(['task', 'edit', task.ref, '--due', '+2w', '--json']);
  assert.equal(edited.dueAt, localDay(14));
  const bad = await cli.run(['task', 'edit', task.ref, '--due', 'next tuesday']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /'next tuesday' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday \(fri\), \+3d, \+2w, \+1m, eow or eom/);
  assert.equal((await cli.rpc('task.get', { ref: task.ref })).dueAt, localDay(14), 'unchanged');
  await cli.ok(['task', 'delete', task.ref]);
});

test('task archive REF, list --archived, show, unarchive', async () => {
  const a = await cli.json(['task', 'add', 'Alpha', '--json', ...web]);
  const b = await cli.json(['task', 'add', 'Beta', '--json', ...web]);
  assert.match(await cli.ok(['task', 'archive', a.ref]), new RegExp(`^Archived ${a.ref} Alpha \\(Todo\\)`));
  assert.match(await cli.ok(['task', 'archive', a.ref]), new RegExp(`^Already archived: ${a.ref}`));
  assert.deepEqual((await cli.json(['task', 'list', '--json', ...web])).map((t: any) => t.ref), [b.ref]);
  const archived = await cli.ok(['task', 'list', '--archived', ...web]);
  assert.match(archived, /^REF +ARCHIVED +COLUMN/);
  assert.match(archived, new RegExp(`\\n${a.ref} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +Todo`));
  assert.match(await cli.ok(['task', 'show', a.ref]), /Archived: +\d{4}-/);
  const back = await cli.json(['task', 'unarchive', a.ref, '--json']);
  assert.deepEqual([back.archivedAt, back.position], [null, 1]);
  assert.match(await cli.ok(['task', 'unarchive', a.ref]), new RegExp(`^Not archived: ${a.ref}`));
  for (const ref of [a.ref, b.ref]) await cli.ok(['task', 'delete', ref]);
});

test('task archive --done archives the done column in one change; --older-than filters by last update', async () => {
  const refs: string[] = [];
  for (const title of ['One', 'Two', 'Three']) {
    const task = await cli.json(['task', 'add', title, '--json', ...web]);
    await cli.ok(['task', 'done', task.ref]);
    refs.push(task.ref);
  }
  const live = await cli.json(['task', 'add', 'Still open', '--json', ...web]);
  assert.match(await cli.ok(['task', 'archive', '--done', '--older-than', '14d', ...web]), /^Nothing to archive in Done not updated for 14 day\(s\)\./);
  const seqBefore = (await cli.rpc('daemon.status')).seq;
  const ids = (await cli.ok(['task', 'archive', '--done', '--older-than', '0d', '--quiet', ...web])).trim().split('\n').map(Number);
  assert.equal(ids.length, 3);
  assert.equal((await cli.rpc('daemon.status')).seq, seqBefore + 1, 'one atomic commit');
  const archived = await cli.json(['task', 'list', '--archived', '--json', ...web]);
  assert.deepEqual(archived.map((t: any) => t.ref).sort(), [...refs].sort());
  assert.deepEqual((await cli.json(['task', 'list', '--json', ...web])).map((t: any) => t.ref), [live.ref]);
  assert.match(await cli.ok(['task', 'archive', '--done', ...web]), /^Nothing to archive in Done\./);
});

test('task archive refuses unclear requests with exit 2, and a project without a done column with exit 3', async () => {
  const cases: [string[], number, RegExp][] = [
    [['task', 'archive'], 2, /name the task to archive, or give --done/],
    [['task', 'archive', 'WEB-1', '--done'], 2, /give a task or --done, not both/],
    [['task', 'archive', 'WEB-1', '--older-than', '3d'], 2, /--older-than goes with --done/],
    [['task', 'archive', '--done', '--older-than', 'soon', ...web], 2, /'soon' is not an age: write days or weeks, like 14d or 2w/],
  ];
  for (const [args, code, message] of cases) {
    const run = await cli.run(args);
    assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
  await cli.ok(['project', 'add', 'No done', '--key', 'ND']);
  await cli.ok(['column', 'role', 'Done', 'none', '--project', 'ND']);
  const run = await cli.run(['task', 'archive', '--done', '--project', 'ND']);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /project ND has no done column/);
});

test('column update --wip sets, shows and clears an advisory limit', async () => {
  const set = await cli.json(['column', 'update', 'in progress', '--wip', '2', '--json', ...web]);
  assert.equal(set.wipLimit, 2);
  assert.match(await cli.ok(['column', 'list', ...web]), /1 +\d+ +In Progress +in_progress +2/);
  assert.equal((await cli.rpc('board.get', { projectId: set.projectId })).columns[1].wipLimit, 2);
  assert.equal((await cli.json(['column', 'update', 'In Progress', '--wip', 'none', '--json', ...web])).wipLimit, null);
  for (const args of [['--wip', '0'], ['--wip', 'lots'], []]) {
    const run = await cli.run(['column', 'update', 'In Progress', ...args, ...web]);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
  }
  const renamed = await cli.json(['column', 'update', 'In Progress', '--name', 'Doing', '--wip', '4', '--json', ...web]);
  assert.deepEqual([renamed.name, renamed.wipLimit], ['Doing', 4]);
});
