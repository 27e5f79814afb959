/**
 * Ctrl+Z in a real shell's job control: the board gives the terminal back and stops, the
 * shell is usable meanwhile, and `fg` brings the board back, redrawn and taking keys.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-suspend-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  const projectId = rpc('project.create', { name: 'Suspending', key: 'SU' }).id;
  rpc('task.create', { projectId, title: 'Still here' });
  tmux.start('sh', `env PS1='ready$ ' bash --norc --noprofile`, 100, 30);
  await tmux.waitForScreen('sh', (s) => /ready\$ *$/.test(s.trimEnd()), 'the shell prompt');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('Ctrl+Z suspends to a usable shell and fg brings the board back redrawn', async () => {
  tmux.type('sh', `env -u PASO_PROJECT PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project SU`);
  tmux.keys('sh', 'Enter');
  await tmux.waitForText('sh', 'Still here');
  assert.equal(tmux.display('sh', '#{alternate_on}'), '1');

  tmux.keys('sh', 'C-z');
  await tmux.waitForScreen('sh', (s) => /Stopped/.test(s) && /ready\$ *$/.test(s.trimEnd()), 'the shell prompt after Ctrl+Z');
  assert.equal(tmux.display('sh', '#{alternate_on}'), '0', 'the board left the full screen');
  tmux.type('sh', 'echo shell-is-$((40+2))');
  tmux.keys('sh', 'Enter');
  await tmux.waitForText('sh', 'shell-is-42');

  tmux.type('sh', 'fg');
  tmux.keys('sh', 'Enter');
  await tmux.waitForScreen('sh', (s) => s.includes('Still here') && s.includes('SU · Suspending'), 'the board redrawn after fg');
  await waitFor(() => tmux.display('sh', '#{alternate_on}') === '1' || null, 'the full screen again');
  tmux.keys('sh', 'a');
  await tmux.waitForText('sh', 'New card in Todo');
  tmux.type('sh', 'After fg');
  tmux.keys('sh', 'Enter');
  await tmux.waitForText('sh', 'created SU-2');
  assert.equal(rpc('task.get', { ref: 'SU-2' }).title, 'After fg');
  tmux.keys('sh', 'q');
  await tmux.waitForScreen('sh', (s) => /ready\$ *$/.test(s.trimEnd()), 'the shell prompt after q');
});
