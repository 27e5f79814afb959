/**
 * The board as a program in a real terminal: it starts the daemon itself, gives the terminal
 * back clean on q and on signals, follows resizes, and says when the daemon is gone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PASO_BIN, isAlive, killPid, makeHome, pasoEnv, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-board-life-${process.pid}`);
const homes: string[] = [];

after(() => {
  tmux.close();
  for (const home of homes) {
    try {
      killPid(Number(readFileSync(join(home, 'paso.pid'), 'utf8')));
    } catch {
      // no daemon left in this home
    }
    removeHome(home);
  }
});

function rpc(home: string, method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

/** The project the board opens by default: the first one (a new database has one). */
function firstProjectId(home: string): number {
  return rpc(home, 'project.list')[0].id;
}

function newHome(): string {
  const home = makeHome();
  homes.push(home);
  return home;
}

function boardLine(home: string, extraEnv = ''): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${extraEnv} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board`;
}

/** A bash in a pane, with a prompt we can recognise. */
function startShell(name: string): void {
  tmux.start(name, `env PS1='ready$ ' bash --norc --noprofile`, 100, 30);
}

function childPid(parentPid: string): number {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', parentPid], { encoding: 'utf8' }).trim();
  return Number(out.split('\n')[0]);
}

async function assertCleanShell(name: string): Promise<void> {
  await waitFor(() => tmux.display(name, '#{alternate_on}') === '0', 'the alternate screen to be gone');
  await tmux.waitForScreen(name, (s) => /ready\$ *$/.test(s.trimEnd()), 'the shell prompt');
  assert.equal(tmux.display(name, '#{cursor_flag}'), '1', 'the cursor is visible');
  tmux.type(name, 'echo ok-$((40+2))');
  tmux.keys(name, 'Enter');
  const screen = await tmux.waitForScreen(name, (s) => /^ok-42$/m.test(s), 'the shell to echo and run a command');
  assert.match(screen, /echo ok-\$\(\(40\+2\)\)/, 'typed characters are echoed');
}

test('the board starts the daemon itself, and q leaves a clean shell', async () => {
  const home = newHome();
  startShell('quit');
  await tmux.waitForText('quit', 'ready$');
  tmux.type('quit', boardLine(home));
  tmux.keys('quit', 'Enter');
  await tmux.waitForText('quit', '● live');
  assert.equal(tmux.display('quit', '#{alternate_on}'), '1');
  assert.ok(isAlive(Number(readFileSync(join(home, 'paso.pid'), 'utf8'))), 'the board started a daemon');
  tmux.keys('quit', 'q');
  await assertCleanShell('quit');
});

test('Ctrl+C, SIGTERM and SIGHUP also give the terminal back', async () => {
  const home = newHome();
  const daemon = await startDaemon(home);
  try {
    startShell('signals');
    await tmux.waitForText('signals', 'ready$');
    for (const how of ['C-c', 'SIGTERM', 'SIGHUP'] as const) {
      tmux.run('clear-history', '-t', 'signals');
      tmux.type('signals', boardLine(home));
      tmux.keys('signals', 'Enter');
      await waitFor(() => tmux.display('signals', '#{alternate_on}') === '1', 'the board to open');
      await tmux.waitForText('signals', '● live');
      if (how === 'C-c') tmux.keys('signals', 'C-c');
      else process.kill(childPid(tmux.display('signals', '#{pane_pid}')), how);
      await assertCleanShell('signals');
      tmux.type('signals', 'clear');
      tmux.keys('signals', 'Enter');
      await tmux.waitForNoText('signals', 'ok-42');
    }
  } finally {
    await daemon.stop();
  }
});

test('a tiny terminal says so, and a resize lays the board out again', async () => {
  const home = newHome();
  const daemon = await startDaemon(home);
  try {
    rpc(home, 'task.create', { projectId: firstProjectId(home), title: 'Resize me' });
    tmux.start('resize', boardLine(home), 120, 40);
    await tmux.waitForText('resize', 'Resize me');
    tmux.run('resize-window', '-t', 'resize', '-x', '20', '-y', '6');
    const small = await tmux.waitForText('resize', 'terminal too');
    assert.doesNotMatch(small, /Resize me/);
    tmux.run('resize-window', '-t', 'resize', '-x', '50', '-y', '20');
    const narrow = await tmux.waitForText('resize', 'Resize me');
    const lines = narrow.split('\n');
    assert.match(lines[0]!, /paso/);
    assert.match(lines[19] ?? '', /● live/, 'the status bar moved to the new last row');
    assert.match(lines[1]!, /Todo/);
    assert.match(lines[1]!, /»$/, 'the other columns are off to the right');
  } finally {
    tmux.kill('resize');
    await daemon.stop();
  }
});

test('when the daemon is gone the board says so, stays readable, and refreshes when it is back', async () => {
  const home = newHome();
  let daemon = await startDaemon(home);
  const projectId = firstProjectId(home);
  rpc(home, 'task.create', { projectId, title: 'Still readable' });
  // No auto-start here, so the gap is long enough to see.
  tmux.start('offline', boardLine(home, 'PASO_NO_AUTOSTART=1'), 100, 30);
  try {
    await tmux.waitForText('offline', 'Still readable');
    await daemon.stop('SIGKILL');
    let screen = await tmux.waitForText('offline', 'reconnecting');
    assert.match(screen, /Still readable/);
    screen = await tmux.waitForText('offline', '○ offline');
    assert.match(screen, /Still readable/);
    tmux.keys('offline', 'a');
    tmux.type('offline', 'Written while offline');
    tmux.keys('offline', 'Enter');
    screen = await tmux.waitForScreen('offline', (s) => /○ offline +.*not connected/.test(s), 'the failed call in the status bar');
    tmux.keys('offline', 'Escape');
    await tmux.waitForNoText('offline', 'New card in');
    // Freeze the board so the change below is made while it is surely disconnected: it gets
    // no notification for it and must re-query when it is back.
    const boardPid = Number(tmux.display('offline', '#{pane_pid}'));
    process.kill(boardPid, 'SIGSTOP');
    try {
      daemon = await startDaemon(home);
      const client = await daemon.client();
      try {
        await client.call('task.create', { projectId, title: 'Made while it was away' });
        assert.equal((await client.call('daemon.status')).subscribers, 0, 'the board was not subscribed when the task was made');
      } finally {
        client.close();
      }
    } finally {
      process.kill(boardPid, 'SIGCONT');
    }
    screen = await tmux.waitForText('offline', 'Made while it was away');
    await tmux.waitForText('offline', '● live');
  } finally {
    tmux.kill('offline');
    await daemon.stop();
  }
});

test('a redraw writes only the cells that changed', async () => {
  const home = newHome();
  const daemon = await startDaemon(home);
  const traceFile = join(home, 'trace.jsonl');
  const draws = () =>
    readFileSync(traceFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; cells: number })
      .filter((line) => line.event === 'draw');
  try {
    const projectId = firstProjectId(home);
    tmux.start('delta', boardLine(home, `PASO_BOARD_TRACE=${shellQuote(traceFile)}`), 120, 40);
    await tmux.waitForText('delta', '● live');
    const first = draws()[0]!;
    assert.equal(first.cells, 120 * 40, 'the first frame paints every cell');
    const before = draws().length;
    rpc(home, 'task.create', { projectId, title: 'One new card' });
    await tmux.waitForText('delta', 'One new card');
    await waitFor(() => draws().length > before, 'a redraw');
    const after = draws().slice(before);
    const written = after.reduce((sum, d) => sum + d.cells, 0);
    assert.ok(written > 0 && written < 400, `adding one card rewrote ${written} cells of ${120 * 40}`);
  } finally {
    tmux.kill('delta');
    await daemon.stop();
  }
});
