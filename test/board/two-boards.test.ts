/**
 * Two real boards in tmux on one PASO_HOME: what one does, the other shows without a key
 * press; so do changes from `paso rpc`; both survive kill -9 of the daemon.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PASO_BIN, isAlive, killPid, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { columnOf, selectedCardText, shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-two-boards-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;

function boardCommand(): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project BT`;
}

function rpc(method: string, params: object): any {
  const out = execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' });
  return JSON.parse(out);
}

function daemonPid(): number {
  return Number(readFileSync(join(home, 'paso.pid'), 'utf8').trim());
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  const client = await daemon.client();
  try {
    projectId = (await client.call('project.create', { name: 'Board test', key: 'BT' })).id;
  } finally {
    client.close();
  }
  tmux.start('board1', boardCommand());
  tmux.start('board2', boardCommand());
  await tmux.waitForText('board1', 'BT · Board test');
  await tmux.waitForText('board2', 'BT · Board test');
});

after(async () => {
  tmux.close();
  await daemon?.stop('SIGKILL');
  // A daemon the boards started after the kill -9 is ours too.
  try {
    killPid(daemonPid());
  } catch {
    // no pid file: no daemon left
  }
  removeHome(home);
});

test('a card created in board 1 appears in board 2', async () => {
  tmux.keys('board1', 'a');
  await tmux.waitForText('board1', 'New card in Todo');
  tmux.type('board1', 'Alpha card 日本');
  tmux.keys('board1', 'Enter');
  await tmux.waitForText('board1', 'Alpha card 日本');
  const screen = await tmux.waitForText('board2', 'Alpha card 日本');
  assert.equal(columnOf(screen, 'Alpha card'), 0);
  assert.match(selectedCardText(await tmux.waitForText('board1', '▶')), /Alpha card/, 'board 1 selects the card it created');
});

test('a card moved in board 2 moves in board 1', async () => {
  tmux.keys('board2', 'L');
  await tmux.waitForScreen('board2', (s) => columnOf(s, 'Alpha card') === 1, 'the card in the second column');
  const screen = await tmux.waitForScreen('board1', (s) => columnOf(s, 'Alpha card') === 1, 'the card in the second column');
  assert.match(screen, /In Progress +1/);
  assert.match(selectedCardText(screen), /Alpha card/, 'board 1 selection followed the card into the other column');
});

test('a column deleted in board 1 disappears from board 2, with its cards', async () => {
  // Board 1's selection followed the card into "In Progress".
  tmux.keys('board1', 'X');
  await tmux.waitForText('board1', 'Delete the column "In Progress" and the 1 card in it?');
  tmux.keys('board1', 'y');
  await tmux.waitForNoText('board1', 'In Progress');
  const screen = await tmux.waitForNoText('board2', 'In Progress');
  assert.doesNotMatch(screen, /Alpha card/);
  assert.match(screen, /Todo/);
  assert.match(screen, /Done/);
});

test('a task created with paso rpc shows up in both boards', async () => {
  rpc('task.create', { projectId, title: 'Made by rpc' });
  await tmux.waitForText('board1', 'Made by rpc');
  await tmux.waitForText('board2', 'Made by rpc');
});

test('the selection stays on its card when a refresh inserts cards above it', async () => {
  rpc('task.create', { projectId, title: 'Second card' });
  rpc('task.create', { projectId, title: 'Third card' });
  await tmux.waitForText('board2', 'Third card');
  // Board 2's selection moved to the neighbouring column when its column was deleted.
  tmux.keys('board2', 'h', 'G');
  await tmux.waitForScreen('board2', (s) => selectedCardText(s).includes('Third card'), 'the third card selected');
  const first = rpc('task.create', { projectId, title: 'Inserted above one' });
  const second = rpc('task.create', { projectId, title: 'Inserted above two' });
  rpc('task.move', { id: first.id, position: 0, columnId: first.columnId });
  rpc('task.move', { id: second.id, position: 1, columnId: second.columnId });
  const screen = await tmux.waitForScreen(
    'board2',
    (s) => s.indexOf('Inserted above two') >= 0 && s.indexOf('Inserted above two') < s.indexOf('Made by rpc'),
    'the new cards at the top',
  );
  assert.match(selectedCardText(screen), /Third card/);
});

test('after kill -9 of the daemon both boards restart it, come back live and keep working', async () => {
  const oldPid = daemon!.process.pid!;
  await daemon!.stop('SIGKILL');
  daemon = null;
  const newPid = await waitFor(() => {
    try {
      const pid = daemonPid();
      return pid !== oldPid && isAlive(pid) ? pid : null;
    } catch {
      return null;
    }
  }, 'a board to start a new daemon');
  assert.notEqual(newPid, oldPid);
  await tmux.waitForText('board1', '● live');
  await tmux.waitForText('board2', '● live');
  // Both re-subscribed: a change from elsewhere reaches both.
  rpc('task.create', { projectId, title: 'After the crash' });
  await tmux.waitForText('board1', 'After the crash');
  await tmux.waitForText('board2', 'After the crash');
  // And a board still writes.
  tmux.keys('board2', 'a');
  await tmux.waitForText('board2', 'New card in');
  tmux.type('board2', 'Typed after the crash');
  tmux.keys('board2', 'Enter');
  await tmux.waitForText('board1', 'Typed after the crash');
});

test('a failing call shows its error in the status bar and the board stays up', async () => {
  tmux.keys('board1', 'C');
  await tmux.waitForText('board1', 'New column after');
  // Column names are 1-50 characters: the daemon rejects 60.
  tmux.type('board1', 'x'.repeat(60));
  tmux.keys('board1', 'Enter');
  const screen = await tmux.waitForScreen('board1', (s) => /● live +.*must be 1-50 characters/.test(s), 'the daemon\'s error in the status bar');
  assert.match(screen, /New column after/, 'the prompt stays open to fix the name');
  tmux.keys('board1', 'Escape');
  await tmux.waitForNoText('board1', 'New column after');
  assert.match(tmux.screen('board1'), /BT · Board test/);
});
