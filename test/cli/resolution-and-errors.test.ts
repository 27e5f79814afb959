/**
 * How the human CLI names things (refs in any case, projects by id, key, name, PASO_PROJECT
 * or the only one) and how it fails: exit codes of CONTRACT section 5, `--json` errors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { pasoEnv, PASO_BIN } from '../helpers/daemon.js';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();
let web: any;
let api: any;

before(async () => {
  await cli.removeAllProjects();
  web = await cli.json(['project', 'add', 'Web site', '--key', 'WEB', '--json']);
  await cli.ok(['task', 'add', 'Only project default', '--json']);
  api = await cli.json(['project', 'add', 'Backend API', '--key', 'API', '--json']);
});

after(() => cli.close());

test('with no projects at all, a project verb fails with not found and a hint', async () => {
  const empty = new CliHome();
  try {
    await empty.removeAllProjects();
    const result = await empty.run(['task', 'list']);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /^paso: there are no projects yet; create one with: paso project add NAME\n$/);
  } finally {
    await empty.close();
  }
});

test('the only project is the default', async () => {
  const [task] = await cli.rpc('task.list', { projectId: web.id });
  assert.equal(task.ref, 'WEB-1');
  assert.equal(task.title, 'Only project default');
});

test('several projects and no --project: a usage error naming them', async () => {
  const result = await cli.run(['task', 'add', 'Where does this go?']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^paso: there are 2 projects \(WEB, API\); choose one with --project or PASO_PROJECT\n$/);
  assert.equal(result.stdout, '');
  assert.deepEqual(await cli.rpc('task.list', { projectId: api.id }), []);
});

test('PASO_PROJECT picks the project by key, name or id, in any case', async () => {
  for (const value of ['api', 'backend api', String(api.id)]) {
    const task = await cli.json(['task', 'add', `via ${value}`, '--json'], { env: { PASO_PROJECT: value } });
    assert.equal(task.projectId, api.id, `PASO_PROJECT=${value}`);
  }
  const flagWins = await cli.json(['task', 'add', 'flag wins', '--project', 'web', '--json'], { env: { PASO_PROJECT: 'API' } });
  assert.equal(flagWins.projectId, web.id);
  const missing = await cli.run(['task', 'list'], { env: { PASO_PROJECT: 'nope' } });
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /project 'nope' \(from PASO_PROJECT\) not found/);
});

test('task refs resolve case-insensitively, and by id', async () => {
  const upper = await cli.json(['task', 'show', 'WEB-1', '--json']);
  assert.deepEqual(await cli.json(['task', 'show', 'web-1', '--json']), upper);
  assert.deepEqual(await cli.json(['task', 'show', String(upper.id), '--json']), upper);
  assert.deepEqual(upper, await cli.rpc('task.get', { ref: 'WEB-1' }));
});

test('an unknown task exits 3; with --json the error object goes to stderr', async () => {
  const plain = await cli.run(['task', 'show', 'WEB-99']);
  assert.equal(plain.code, 3);
  assert.equal(plain.stderr, "paso: task 'WEB-99' not found\n");
  const json = await cli.run(['task', 'done', 'web-99', '--json']);
  assert.equal(json.code, 3);
  assert.equal(json.stdout, '');
  const error = JSON.parse(json.stderr);
  assert.equal(error.code, -32001);
  assert.equal(error.data.kind, 'not_found');
});

test('bad input: usage errors exit 2, rejected values exit 5, and change nothing', async () => {
  const before = await cli.rpc('task.get', { ref: 'WEB-1' });
  const cases: [string[], number][] = [
    [['task', 'show', 'not a ref'], 2],
    [['task', 'edit', 'WEB-1'], 2],
    [['task', 'edit', 'WEB-1', '--priority', 'urgent'], 2],
    [['task', 'move', 'WEB-1', 'todo', '--position', '-1'], 2],
    [['task', 'link', 'WEB-1', 'sibling', 'WEB-2'], 2],
    [['task', 'label', 'WEB-1'], 2],
    [['task', 'move', 'WEB-1', 'Nowhere'], 3],
    [['task', 'label', 'WEB-1', 'no-such-label'], 3],
    [['task', 'edit', 'WEB-1', '--due', 'someday'], 2],
    [['task', 'edit', 'WEB-1', '--due', '2026-02-30'], 2],
    [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', '99'], 4],
    [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', 'abc'], 2],
    [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', '1.5'], 2],
    [['comment', 'delete', 'one'], 2],
    [['task', 'link', 'WEB-1', 'blocks', 'web-1'], 5],
    [['label', 'add', 'red', '--color', 'red', '--project', 'WEB'], 5],
  ];
  for (const [args, code] of cases) {
    const result = await cli.run(args);
    assert.equal(result.code, code, `paso ${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /\S/, `paso ${args.join(' ')} said nothing on stderr`);
  }
  assert.deepEqual(await cli.rpc('task.get', { ref: 'WEB-1' }), before);
  assert.deepEqual(await cli.rpc('label.list', { projectId: web.id }), []);
});

test('a dependency cycle exits 6', async () => {
  await cli.ok(['task', 'add', 'second', '--project', 'WEB']);
  await cli.ok(['task', 'link', 'WEB-1', 'blocks', 'WEB-3']);
  const result = await cli.run(['task', 'link', 'WEB-3', 'blocks', 'WEB-1']);
  assert.equal(result.code, 6, result.stderr);
});

test('--quiet prints ids, one a line', async () => {
  const tasks = await cli.rpc('task.list', { projectId: api.id });
  assert.ok(tasks.length >= 3);
  assert.equal(await cli.ok(['task', 'list', '--project', 'API', '--quiet']), tasks.map((t: any) => `${t.id}\n`).join(''));
  const created = await cli.ok(['task', 'add', 'quiet one', '--project', 'API', '--quiet']);
  assert.match(created, /^[0-9]+\n$/);
  assert.equal((await cli.rpc('task.get', { id: Number(created) })).title, 'quiet one');
  assert.equal(await cli.ok(['project', 'list', '--quiet']), `${web.id}\n${api.id}\n`);
  assert.equal((await cli.run(['task', 'list', '--json', '--quiet', '--project', 'API'])).code, 2);
});

test('without a terminal, or with NO_COLOR, output has no escape codes', async () => {
  await cli.ok(['label', 'add', 'ui', '--color', '#123456', '--project', 'WEB']);
  await cli.ok(['task', 'label', 'WEB-1', 'ui']);
  await cli.ok(['comment', 'add', 'WEB-1', 'A note']);
  const commands = [
    ['task', 'list', '--project', 'WEB'],
    ['task', 'show', 'WEB-1'],
    ['label', 'list', '--project', 'WEB'],
    ['project', 'list'],
    ['column', 'list', '--project', 'WEB'],
    ['project', 'show', 'WEB'],
  ];
  for (const args of commands) {
    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '' }]) {
      const output = await cli.ok(args, { env });
      assert.ok(output.length > 0);
      assert.ok(!output.includes('\x1b'), `paso ${args.join(' ')} printed an escape code:\n${JSON.stringify(output)}`);
    }
  }
});

test('on a terminal, tables are coloured unless NO_COLOR is set', async () => {
  // util-linux `script` gives the command a pseudo-terminal as stdout.
  const onTerminal = (noColor: string) =>
    execFileSync('script', ['-qec', `${process.execPath} ${PASO_BIN} task list --project WEB`, '/dev/null'], {
      env: pasoEnv(cli.home, { NO_COLOR: noColor }),
      encoding: 'utf8',
    });
  const coloured = onTerminal('');
  assert.ok(coloured.includes('\x1b['), `expected colour on a terminal:\n${JSON.stringify(coloured)}`);
  assert.match(coloured, /WEB-1/);
  const plain = onTerminal('1');
  assert.ok(!plain.includes('\x1b'), JSON.stringify(plain));
  assert.match(plain, /WEB-1/);
});
