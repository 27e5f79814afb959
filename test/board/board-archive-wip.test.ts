/**
 * Archive and WIP limits from real boards in tmux, checked in the database through
 * `paso rpc`: archive cards typed ahead, unarchive from the archive view, archive the done
 * column in one change, and a WIP limit set in one board marking the column in another.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-archive-wip-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;
let columns: { id: number; name: string; role: string | null }[] = [];

function boardCommand(): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project AW`;
}

function rpc(method: string, params: object): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

const columnId = (name: string) => columns.find((c) => c.name === name)!.id;
const archivedRefs = () => rpc('task.list', { projectId, archived: true }).map((t: { ref: string }) => t.ref).sort();

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  projectId = rpc('project.create', { name: 'Archive and WIP', key: 'AW' }).id;
  columns = rpc('column.list', { projectId });
  for (const title of ['First card', 'Second card', 'Third card']) rpc('task.create', { projectId, title });
  tmux.start('board1', boardCommand());
  tmux.start('board2', boardCommand());
  await tmux.waitForText('board1', 'Third card');
  await tmux.waitForText('board2', 'Third card');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('x x typed in one burst archives the selected card, then the one that took its place', async () => {
  tmux.burst('board1', 'x', 'x');
  await tmux.waitForText('board1', 'archived AW-2 "Second card"');
  assert.deepEqual(archivedRefs(), ['AW-1', 'AW-2']);
  const screen = await tmux.waitForNoText('board2', 'Second card');
  assert.doesNotMatch(screen, /First card/, 'the other board no longer shows them');
  assert.match(screen, /Third card/);
});

test('the archive view lists archived cards and unarchives the selected one', async () => {
  const listed = rpc('task.list', { projectId, archived: true }).map((t: { ref: string; title: string }) => `${t.ref} ${t.title}`);
  assert.equal(listed.length, 2);
  tmux.burst('board1', 'v', 'j', 'u');
  const second = listed[1]!.split(' ')[0];
  await tmux.waitForText('board1', `unarchived ${second} "${listed[1]!.slice(second.length + 1)}" (back at the end of Todo)`);
  assert.deepEqual(archivedRefs(), [listed[0]!.split(' ')[0]]);
  const view = tmux.screen('board1');
  assert.match(view, /Archived cards of AW \(1\)/);
  assert.ok(view.includes(`▶ ${listed[0]}`), 'the card left is selected');
  tmux.keys('board1', 'Escape');
  await tmux.waitForNoText('board1', 'Archived cards of AW');
  await tmux.waitForText('board2', listed[1]!.slice(second.length + 1));
});

test('A archives the done column in one change; an age keeps recent cards', async () => {
  const done = columnId('Done');
  const a = rpc('task.create', { projectId, title: 'Shipped one', columnId: done });
  const b = rpc('task.create', { projectId, title: 'Shipped two', columnId: done });
  await tmux.waitForText('board1', 'Shipped two');
  tmux.burst('board1', 'A', '3', '0', 'Enter');
  await tmux.waitForText('board1', 'nothing to archive in Done not updated for 30 days');
  tmux.burst('board1', 'A', 'Enter');
  await tmux.waitForText('board1', `archived 2 cards from Done: ${a.ref}, ${b.ref}`);
  assert.equal(archivedRefs().length, 3);
  assert.ok(archivedRefs().includes(a.ref) && archivedRefs().includes(b.ref));
  const [change] = rpc('history.list', { projectId, limit: 1 });
  assert.equal(change.method, 'atomic', 'one atomic call');
  assert.deepEqual([...change.taskIds].sort(), [a.id, b.id].sort());
  await tmux.waitForNoText('board2', 'Shipped one');
});

test('a WIP limit set in one board marks the column over it in the other, and a move into it says so', async () => {
  // Board 1: In Progress is the second column.
  tmux.burst('board1', 'l', 'W', 'C-u', '1', 'Enter');
  await tmux.waitForText('board1', 'set the WIP limit of In Progress to 1');
  assert.equal(rpc('column.list', { projectId }).find((c: { name: string }) => c.name === 'In Progress').wipLimit, 1);
  await tmux.waitForScreen('board2', (s) => /In Progress +0\/1/.test(s), 'the limit in the other board');
  const third = rpc('task.list', { projectId }).find((t: { title: string }) => t.title === 'Third card');
  rpc('task.move', { id: third.id, columnId: columnId('In Progress') });
  await tmux.waitForScreen('board2', (s) => /In Progress +1\/1/.test(s), 'a full column');
  // Board 2's selection followed Third card into In Progress; it moves a Todo card into the
  // full column: the card goes, and the status bar says so.
  tmux.burst('board2', 'h', 'g', 'L');
  await tmux.waitForText('board2', 'In Progress is over its WIP limit (2/1)');
  await waitFor(() => rpc('task.list', { projectId, columnId: columnId('In Progress') }).length === 2, 'the move stored');
  await tmux.waitForScreen('board1', (s) => /In Progress +! 2\/1/.test(s), 'the over-limit mark in the other board');
  tmux.burst('board1', 'W', 'C-u', 'Enter');
  await tmux.waitForText('board1', 'removed the WIP limit of In Progress');
  assert.equal(rpc('column.list', { projectId }).find((c: { name: string }) => c.name === 'In Progress').wipLimit, null);
  await tmux.waitForScreen('board2', (s) => /In Progress +2 /.test(s), 'the mark gone in the other board');
});
