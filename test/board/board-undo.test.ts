/**
 * Undo, redo and history on two real boards in tmux over one daemon: `u` reverts the board's
 * own last change (never another terminal's) while the other board watches, Ctrl+R brings it
 * back, a refused undo says why and changes nothing, the history view and the task view's
 * history follow changes live. The database is checked through `paso rpc`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { columnOf, selectedCardText, shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-undo-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;
let columns: { id: number; name: string }[] = [];

function boardCommand(): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project UT`;
}

function rpc(method: string, params: object): any {
  const out = execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' });
  return JSON.parse(out);
}

function columnNameOf(ref: string): string {
  const task = rpc('task.get', { ref });
  return columns.find((c) => c.id === task.columnId)!.name;
}

function newestSeq(): number {
  return rpc('history.list', { projectId, limit: 1 })[0].seq;
}

/** The tasks of the project as `ref:column` in board order, from the daemon. */
function dbCards(): string[] {
  return rpc('board.get', { projectId }).columns.flatMap((c: any) => c.tasks.map((t: any) => `${t.ref}:${c.name}`));
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  const client = await daemon.client();
  try {
    projectId = (await client.call('project.create', { name: 'Undo test', key: 'UT' })).id;
    columns = (await client.call('column.list', { projectId })).map((c: { id: number; name: string }) => ({ id: c.id, name: c.name }));
    await client.call('task.create', { projectId, title: 'Card one' });
    await client.call('task.create', { projectId, title: 'Card two' });
  } finally {
    client.close();
  }
  tmux.start('b1', boardCommand());
  tmux.start('b2', boardCommand());
  await tmux.waitForText('b1', 'UT · Undo test');
  await tmux.waitForText('b2', 'UT · Undo test');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('u in one board reverts its own move while the other board watches; Ctrl+R redoes it; changes by others in between stay', async () => {
  // Board 1 moves Card one (selected: the first card) to In Progress.
  tmux.burst('b1', 'L');
  await tmux.waitForScreen('b2', (s) => columnOf(s, 'Card one') === 1, 'board 2 shows Card one in In Progress');
  assert.equal(columnNameOf('UT-1'), 'In Progress');

  // Board 2 (the same person, also a board) moves Card two, and paso rpc renames it, after board 1's move.
  tmux.burst('b2', 'h', 'g', 'L');
  await tmux.waitForScreen('b1', (s) => columnOf(s, 'Card two') === 1, 'board 1 shows Card two moved by board 2');
  rpc('task.update', { id: rpc('task.get', { ref: 'UT-2' }).id, title: 'Card two renamed' });
  await tmux.waitForText('b1', 'Card two renamed');

  tmux.burst('b1', 'u');
  await tmux.waitForText('b1', 'undid: moved UT-1 Todo → In Progress');
  await tmux.waitForScreen('b2', (s) => columnOf(s, 'Card one') === 0, 'board 2 shows Card one back in Todo');
  assert.deepEqual(dbCards(), ['UT-1:Todo', 'UT-2:In Progress'], "board 2's move is kept, board 1's is undone");
  assert.equal(rpc('task.get', { ref: 'UT-2' }).title, 'Card two renamed');

  tmux.burst('b1', 'C-r');
  await tmux.waitForText('b1', 'redid: moved UT-1 Todo → In Progress');
  await tmux.waitForScreen('b2', (s) => columnOf(s, 'Card one') === 1, 'board 2 shows Card one in In Progress again');
  assert.equal(columnNameOf('UT-1'), 'In Progress');
  const [redo, undo] = rpc('history.list', { projectId, limit: 2 });
  assert.deepEqual(
    [redo.summary, redo.client, undo.summary, undo.client],
    ['redid: moved UT-1 Todo → In Progress', 'board', 'undid: moved UT-1 Todo → In Progress', 'board'],
  );
});

test('u typed right behind a move waits for it and undoes that very move', async () => {
  // Board 2's selection is Card two (In Progress): move it on to Done and undo, in one burst.
  const before = newestSeq();
  tmux.burst('b2', 'L', 'u');
  await tmux.waitForText('b2', 'undid: moved UT-2 In Progress → Done');
  assert.equal(columnNameOf('UT-2'), 'In Progress');
  const changes = rpc('history.list', { projectId, limit: 5 }).filter((c: any) => c.seq > before);
  assert.deepEqual(
    changes.map((c: any) => c.summary),
    ['undid: moved UT-2 In Progress → Done', 'moved UT-2 In Progress → Done'],
  );
  assert.equal(changes[1].client, 'board');
  assert.ok(changes[1].actor, 'the board says who it acts for');
});

test('a refused undo says who changed the card since, and changes nothing', async () => {
  // Board 1 moves Card one to Done; then paso rpc moves it back to Todo.
  tmux.burst('b1', 'L');
  await tmux.waitForScreen('b2', (s) => columnOf(s, 'Card one') === 2, 'board 2 shows Card one in Done');
  assert.equal(columnNameOf('UT-1'), 'Done');
  const todo = columns.find((c) => c.name === 'Todo')!.id;
  rpc('task.move', { id: rpc('task.get', { ref: 'UT-1' }).id, columnId: todo });
  await tmux.waitForScreen('b1', (s) => columnOf(s, 'Card one') === 0, 'board 1 shows Card one in Todo');
  const cards = dbCards();
  const seq = newestSeq();

  tmux.burst('b1', 'u');
  const screen = await tmux.waitForText('b1', 'cannot undo: UT-1 was changed since by rpc (moved UT-1 Done → Todo)');
  assert.equal(columnOf(screen, 'Card one'), 0);
  assert.deepEqual(dbCards(), cards);
  assert.equal(newestSeq(), seq, 'no change was made');
});

test('the history view lists changes, follows them live, and undoes the selected one', async () => {
  tmux.burst('b2', 'y');
  let screen = await tmux.waitForScreen('b2', (s) => /▶ #\d+ +just now +rpc +moved UT-1 Done → Todo/.test(s), 'the newest change selected');
  assert.match(screen, /moved UT-1 In Progress → Done/);
  assert.match(screen, /undid: moved UT-2 In Progress → Done/);

  const created = rpc('task.create', { projectId, title: 'Made while watching' });
  screen = await tmux.waitForText('b2', `created ${created.ref} "Made while watching"`);
  assert.match(screen, /▶ #\d+ +just now +rpc +moved UT-1 Done → Todo/, 'the selection stays on its change');

  // The newest change (the creation), selected with k, undone from the view.
  tmux.burst('b2', 'k', 'u');
  await tmux.waitForText('b2', `undid: created ${created.ref} "Made while watching"`);
  await tmux.waitForScreen('b2', (s) => /created UT-\d+ "Made while watching" +\(undone\)/.test(s), 'the creation marked undone');
  assert.ok(!dbCards().includes(`${created.ref}:Todo`), 'the task is gone from the database');

  tmux.burst('b2', 'Escape');
  await tmux.waitForNoText('b2', 'Ctrl+R: redo the selected change');
});

test("the task view shows its task's history, live", async () => {
  // Board 1's selection is Card one.
  assert.match(selectedCardText(tmux.screen('b1')), /Card one/);
  tmux.burst('b1', 'Enter');
  let screen = await tmux.waitForText('b1', '── History');
  assert.match(screen, /moved UT-1 Done → Todo/);
  assert.match(screen, /created UT-1 "Card one"/);
  rpc('task.update', { id: rpc('task.get', { ref: 'UT-1' }).id, title: 'Card one renamed' });
  screen = await tmux.waitForText('b1', 'renamed UT-1 "Card one" → "Card one renamed"');
  tmux.burst('b1', 'Escape');
  await tmux.waitForNoText('b1', '── History');
});
