/**
 * The board's one cleanup runs once on an uncaught error or rejection, too (tmux tests cover
 * q, Ctrl+C and signals on a real terminal). Run in a child process: these paths exit it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const guardModule = new URL('../../client/board/terminal/terminal-guard.js', import.meta.url).href;

function runWithGuard(body: string): { status: number | null; stdout: string; stderr: string } {
  const script = `
    const { TerminalGuard } = await import(${JSON.stringify(guardModule)});
    const guard = new TerminalGuard(() => process.stdout.write('RESTORED\\n'));
    guard.install();
    ${body}
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('an uncaught error restores the terminal once, reports it and exits 1', () => {
  const run = runWithGuard(`setTimeout(() => { throw new Error('boom in a key handler'); }, 1);`);
  assert.equal(run.stdout, 'RESTORED\n');
  assert.match(run.stderr, /paso: internal error in the board: Error: boom in a key handler/);
  assert.equal(run.status, 1);
});

test('an unhandled rejection restores the terminal once and exits 1', () => {
  const run = runWithGuard(`Promise.reject(new Error('lost call'));`);
  assert.equal(run.stdout, 'RESTORED\n');
  assert.match(run.stderr, /lost call/);
  assert.equal(run.status, 1);
});

test('restoring twice (q, then process exit) restores once', () => {
  const run = runWithGuard(`guard.restore(); guard.restore();`);
  assert.equal(run.stdout, 'RESTORED\n');
  assert.equal(run.status, 0);
});
