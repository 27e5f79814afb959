/**
 * Typeahead and paste in a real terminal against a real daemon: bursts sent in ONE tmux
 * send-keys (no pause between keys) act exactly as if typed slowly; pastes go whole into the
 * field being typed in and never run as board keys. Checked in the database, not only on
 * screen.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-typeahead-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;
let sessions = 0;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

/** Titles per column, in board order, as the daemon has them. */
function columns(): string[][] {
  return rpc('board.get', { projectId }).columns.map((c: any) => c.tasks.map((t: any) => t.title));
}

/** A fresh project with one card, and a board on it in its own 120x30 pane. */
async function freshBoard(): Promise<string> {
  const key = `TA${++sessions}`;
  projectId = rpc('project.create', { name: `Typeahead ${sessions}`, key }).id;
  rpc('task.create', { projectId, title: 'Existing' });
  const name = `ta${sessions}`;
  tmux.start(name, `env -u PASO_PROJECT PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project ${key}`, 120, 30);
  await tmux.waitForText(name, 'Existing');
  return name;
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('three cards typed ahead in one burst are all created, in order, and nothing else happens', async () => {
  const s = await freshBoard();
  tmux.burst(s, 'a', 'Sep A', 'Enter', 'a', 'Sep B', 'Enter', 'a', 'Sep C', 'Enter');
  await tmux.waitForText(s, 'created TA1-4 "Sep C"');
  assert.deepEqual(columns(), [['Existing', 'Sep A', 'Sep B', 'Sep C'], [], []]);
  const screen = tmux.screen(s);
  assert.ok(!/Edit TA|Delete|New card/.test(screen), `no dialog was opened by stray keys:\n${screen}`);
  for (const ref of ['TA1-2', 'TA1-3', 'TA1-4']) assert.equal(rpc('task.get', { ref }).version, 1, `${ref} was not edited or moved`);
});

test('a title Enter j e edits the card just created', async () => {
  const s = await freshBoard();
  tmux.burst(s, 'a', 'Fresh card', 'Enter', 'j', 'e', ' edited', 'Enter');
  await tmux.waitForText(s, 'saved TA2-2 "Fresh card edited"');
  assert.deepEqual(columns(), [['Existing', 'Fresh card edited'], [], []]);
  assert.equal(rpc('task.get', { ref: 'TA2-1' }).title, 'Existing', 'the other card is untouched');
});

test('keys typed while the edit form loads reach the form', async () => {
  const s = await freshBoard();
  // e and the rest in one burst: the form is still loading when the keys arrive.
  tmux.burst(s, 'e', 'C-u', 'Renamed while loading', 'Enter');
  await tmux.waitForText(s, 'saved TA3-1');
  assert.equal(rpc('task.get', { ref: 'TA3-1' }).title, 'Renamed while loading');
});

test('a multi-line paste into the add prompt creates one card with the whole text', async () => {
  const s = await freshBoard();
  tmux.keys(s, 'a');
  await tmux.waitForText(s, 'New card in Todo');
  tmux.paste(s, 'First line of the paste\nsecond line d y X y\nthird');
  tmux.keys(s, 'Enter');
  await tmux.waitForText(s, 'created TA4-2');
  assert.deepEqual(columns(), [['Existing', 'First line of the paste second line d y X y third'], [], []]);
});

test('a paste sent as raw bracketed bytes in a burst also goes whole into the prompt', async () => {
  const s = await freshBoard();
  tmux.burst(s, 'a');
  tmux.type(s, '\x1b[200~Raw one\nRaw two\x1b[201~');
  tmux.keys(s, 'Enter');
  await tmux.waitForText(s, 'created TA5-2');
  assert.deepEqual(columns(), [['Existing', 'Raw one Raw two'], [], []]);
});

test('a paste on the board changes nothing and says so', async () => {
  const s = await freshBoard();
  const before = rpc('board.get', { projectId });
  tmux.paste(s, 'd y X y L L a evil\n q');
  await tmux.waitForText(s, 'paste ignored');
  tmux.burst(s, 'j');
  await waitFor(() => tmux.screen(s).includes('Existing') || null, 'the board to stay up');
  const after = rpc('board.get', { projectId });
  assert.deepEqual(after.columns, before.columns, 'no card or column changed');
  assert.equal(tmux.display(s, '#{pane_dead}'), '0', 'q inside the paste did not quit');
});
