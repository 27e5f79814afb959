/**
 * Two real boards move the same card at once: board A presses L while board B, which has not
 * seen that yet, presses J. The daemon accepts the first move; the second carries a stale
 * version and is refused, so the card stays where the first move put it and board B says
 * so, instead of silently putting the card back.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { columnOf, shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-stale-moves-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

/**
 * Board B runs under a plain `sh` (no job control): tmux continues a pane's own process when
 * it stops, so the board must not be that process for SIGSTOP to hold it.
 */
function boardCommand(underShell = false): string {
  const command = `env -u PASO_PROJECT PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project SM`;
  return underShell ? `sh -c ${shellQuote(`${command}; exit $?`)}` : command;
}

function childPid(parentPid: string): number {
  return Number(execFileSync('ps', ['-o', 'pid=', '--ppid', parentPid], { encoding: 'utf8' }).trim().split('\n')[0]);
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  const projectId = rpc('project.create', { name: 'Stale moves', key: 'SM' }).id;
  rpc('task.create', { projectId, title: 'Contested card' });
  rpc('task.create', { projectId, title: 'Below it' });
  tmux.start('a', boardCommand());
  tmux.start('b', boardCommand(true));
  await tmux.waitForText('a', 'Below it');
  await tmux.waitForText('b', 'Below it');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('interleaved L in one board and J in the other: the first move stands, the other board shows the refusal', async () => {
  // Board B is held still while A moves, so B's J is decided on what B saw before: the card
  // first in Todo, version 1. (SIGSTOP only pauses it; its keys wait in the terminal.)
  const paneB = childPid(tmux.display('b', '#{pane_pid}'));
  process.kill(paneB, 'SIGSTOP');
  try {
    tmux.burst('b', 'J');
    tmux.burst('a', 'L');
    await waitFor(() => rpc('task.get', { ref: 'SM-1' }).version === 2 || null, 'board A\'s move to reach the daemon');
  } finally {
    process.kill(paneB, 'SIGCONT');
  }
  const screenB = await tmux.waitForText('b', 'SM-1 was moved in another terminal');
  const card = rpc('task.get', { ref: 'SM-1' });
  const board = rpc('board.get', { projectId: card.projectId });
  assert.equal(card.columnId, board.columns[1].id, 'the card stays in In Progress, where board A put it');
  assert.equal(card.version, 2, 'exactly one move was accepted');
  assert.deepEqual(board.columns[0].tasks.map((t: any) => t.title), ['Below it']);
  await tmux.waitForScreen('b', (s) => columnOf(s, 'Contested card') === 1, 'board B to show the card where it really is');
  await tmux.waitForScreen('a', (s) => columnOf(s, 'Contested card') === 1, 'board A to keep showing its move');
  assert.ok(screenB.includes('SM-1 was moved in another terminal'));
});
