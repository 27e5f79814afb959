/**
 * Projects, themes and a stopped daemon from real boards in tmux, checked in the database
 * through `paso rpc`: rename a project and change its key (the refs on screen follow),
 * delete one after n then y, a theme chosen in config.yaml seen in the terminal's colours,
 * and `r` starting the daemon after `paso daemon stop`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PASO_BIN, isAlive, killPid, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-projects-theme-${process.pid}`);
let home = '';
let configHome = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;

function boardCommand(env = 'NO_COLOR=1'): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART -u NO_COLOR -u COLORTERM PASO_HOME=${shellQuote(home)} XDG_CONFIG_HOME=${shellQuote(configHome)} ${env} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project ${projectId}`;
}

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

function writeConfig(text: string): void {
  mkdirSync(join(configHome, 'paso'), { recursive: true });
  writeFileSync(join(configHome, 'paso', 'config.yaml'), text);
}

before(async () => {
  home = makeHome();
  configHome = mkdtempSync(join(tmpdir(), 'paso-config-'));
  daemon = await startDaemon(home);
  projectId = rpc('project.create', { name: 'Projects test', key: 'PT' }).id;
  rpc('task.create', { projectId, title: 'Keyed card' });
  const other = rpc('project.create', { name: 'Doomed', key: 'DM' }).id;
  rpc('task.create', { projectId: other, title: 'Doomed one' });
  const archived = rpc('task.create', { projectId: other, title: 'Doomed two' });
  rpc('task.archive', { id: archived.id });
  tmux.start('board', boardCommand());
  await tmux.waitForText('board', 'PT-1');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  // A daemon the board started after `paso daemon stop` is ours too.
  try {
    killPid(Number(readFileSync(join(home, 'paso.pid'), 'utf8').trim()));
  } catch {
    // no daemon left
  }
  removeHome(home);
  rmSync(configHome, { recursive: true, force: true });
});

test('the picker lists every project with its card count; rename and a new key, refs following on screen', async () => {
  tmux.keys('board', 'p');
  const picker = await tmux.waitForScreen('board', (s) => /DM +Doomed +1 card/.test(s), 'the counts');
  assert.match(picker, /PT +Projects test \(shown\) +1 card/);
  tmux.burst('board', 'r', 'C-u', 'Renamed project', 'Enter', 'K', 'C-u', 'newk', 'Enter', 'Escape');
  await tmux.waitForText('board', 'refs are now NEWK-n');
  const project = rpc('project.get', { id: projectId });
  assert.deepEqual([project.name, project.key], ['Renamed project', 'NEWK']);
  const screen = await tmux.waitForText('board', 'NEWK-1');
  assert.match(screen, /NEWK · Renamed project/);
  assert.doesNotMatch(screen, /PT-1/);
  assert.equal(rpc('task.get', { ref: 'NEWK-1' }).title, 'Keyed card');
});

test('deleting a project asks y/n naming its cards; n keeps it, y deletes it', async () => {
  const doomed = () => rpc('project.list').find((p: { key: string }) => p.key === 'DM');
  tmux.keys('board', 'p');
  await tmux.waitForText('board', 'Projects (');
  // The picker starts on the shown project; the list is in creation order.
  const order = rpc('project.list').map((p: { key: string }) => p.key);
  const steps = order.indexOf('DM') - order.indexOf('NEWK');
  tmux.burst('board', ...Array(Math.max(0, steps)).fill('j'), ...Array(Math.max(0, -steps)).fill('k'), 'd');
  // The question wraps in its box.
  await tmux.waitForScreen('board', (s) => s.includes('Delete project DM "Doomed" and its 2 cards (1 of them') && s.includes('archived)?'), 'the question');
  tmux.keys('board', 'n');
  await tmux.waitForNoText('board', 'Delete project DM');
  assert.ok(doomed(), 'n keeps the project');
  tmux.burst('board', 'd', 'y');
  await tmux.waitForText('board', 'deleted project DM "Doomed" and its 2 cards');
  assert.equal(doomed(), undefined);
  tmux.keys('board', 'Escape');
  await tmux.waitForNoText('board', 'Projects (');
});

test('a theme chosen in config.yaml colours the board, in true colour and in 256 colours', async () => {
  writeConfig('theme: nord\ncolors:\n  live: "#00ff00"\n');
  tmux.start('nord', boardCommand('COLORTERM=truecolor TERM=xterm-256color'));
  await tmux.waitForText('nord', 'NEWK · Renamed project');
  const nord = tmux.run('capture-pane', '-e', '-p', '-t', 'nord');
  assert.match(nord, /48;2;59;66;82/, "nord's header background #3b4252 in true colour");
  assert.match(nord, /38;2;0;255;0/, 'the live colour overridden in the config');
  tmux.kill('nord');
  writeConfig('theme: light\n');
  tmux.start('light', boardCommand('TERM=xterm-256color'));
  await tmux.waitForText('light', 'NEWK · Renamed project');
  const light = tmux.run('capture-pane', '-e', '-p', '-t', 'light');
  assert.match(light, /48;5;253m/, "the light theme's header #dadada as 256-colour 253");
  assert.doesNotMatch(light, /48;2;/, 'no true colour where the terminal did not say so');
  tmux.kill('light');
});

test('after paso daemon stop the board says so and r starts the daemon again', async () => {
  execFileSync(process.execPath, [PASO_BIN, 'daemon', 'stop'], { env: pasoEnv(home) });
  daemon = null;
  await tmux.waitForText('board', 'press r to start it again');
  assert.match(tmux.screen('board'), /■ daemon stopped/);
  const env = pasoEnv(home, { PASO_NO_AUTOSTART: '1' });
  assert.throws(() => execFileSync(process.execPath, [PASO_BIN, 'daemon', 'status'], { env, stdio: 'pipe' }), 'no daemon runs while stopped');
  tmux.keys('board', 'r');
  await tmux.waitForText('board', '● live');
  await tmux.waitForText('board', 'started the daemon');
  const pid = Number(readFileSync(join(home, 'paso.pid'), 'utf8').trim());
  assert.ok(isAlive(pid), 'the board started a daemon');
  // It works: a card added on the board is in the database.
  tmux.burst('board', 'a', 'After the restart', 'Enter');
  await waitFor(() => rpc('task.list', { projectId }).some((t: { title: string }) => t.title === 'After the restart'), 'the card stored');
});
