/**
 * Editing from the board in a real terminal: the edit form with expectedVersion and the
 * conflict question, $EDITOR for descriptions, the task view, delete, filter, and the mouse.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { selectedCardText, shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-board-edit-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  projectId = rpc('project.create', { name: 'Editing', key: 'ED' }).id;
  rpc('label.create', { projectId, name: 'urgent', color: '#ff0000' });
  rpc('task.create', { projectId, title: 'Edit me' });
  rpc('task.create', { projectId, title: 'Delete me' });
  rpc('task.create', { projectId, title: 'Click me' });
  const editor = join(home, 'fake-editor.sh');
  writeFileSync(editor, `#!/bin/sh\nprintf 'Written by the editor\\nsecond line\\n' > "$1"\n`, { mode: 0o700 });
  tmux.start(
    'edit',
    `env -u PASO_PROJECT -u VISUAL PASO_HOME=${shellQuote(home)} NO_COLOR=1 EDITOR=${shellQuote(editor)} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project ED`,
    120,
    40,
  );
  await tmux.waitForText('edit', 'Click me');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

function task(ref: string): any {
  return rpc('task.get', { ref });
}

test('the edit form saves title, priority and labels', async () => {
  tmux.keys('edit', 'g', 'e');
  await tmux.waitForText('edit', 'Edit ED-1');
  tmux.type('edit', ' now');
  tmux.keys('edit', 'Down', 'Down', 'Right', 'Down', 'Down', 'Down', 'Space');
  await tmux.waitForText('edit', '[x] urgent');
  tmux.keys('edit', 'Enter');
  await tmux.waitForText('edit', 'saved ED-1');
  const saved = task('ED-1');
  assert.equal(saved.title, 'Edit me now');
  assert.equal(saved.priority, 'high');
  assert.deepEqual(saved.labels.map((l: any) => l.name), ['urgent']);
  await tmux.waitForText('edit', '[urgent]');
});

test('saving over a change made elsewhere asks, and overwrite keeps the other change to untouched fields', async () => {
  tmux.keys('edit', 'e');
  await tmux.waitForText('edit', 'Edit ED-1');
  tmux.keys('edit', 'C-u');
  tmux.type('edit', 'Mine');
  rpc('task.update', { id: task('ED-1').id, description: 'theirs', type: 'bug' });
  tmux.keys('edit', 'Enter');
  await tmux.waitForText('edit', 'changed in another terminal');
  tmux.keys('edit', 'o');
  await tmux.waitForText('edit', 'saved ED-1');
  const saved = task('ED-1');
  assert.equal(saved.title, 'Mine');
  assert.equal(saved.description, 'theirs');
  assert.equal(saved.type, 'bug');
});

test('reload drops my edits for the version saved elsewhere', async () => {
  tmux.keys('edit', 'e');
  await tmux.waitForText('edit', 'Edit ED-1');
  tmux.type('edit', ' (unsaved)');
  rpc('task.update', { id: task('ED-1').id, title: 'Their title' });
  tmux.keys('edit', 'Enter');
  await tmux.waitForText('edit', 'changed in another terminal');
  tmux.keys('edit', 'r');
  await tmux.waitForScreen('edit', (s) => s.includes('Their title') && !s.includes('(unsaved)'), 'the form reloaded');
  tmux.keys('edit', 'Escape');
  await tmux.waitForNoText('edit', 'Edit ED-1');
  assert.equal(task('ED-1').title, 'Their title');
});

test('E edits the description in $EDITOR and the board comes back', async () => {
  tmux.keys('edit', 'E');
  await tmux.waitForText('edit', 'saved the description of ED-1');
  assert.equal(tmux.display('edit', '#{alternate_on}'), '1');
  assert.equal(task('ED-1').description, 'Written by the editor\nsecond line');
});

test('the task view shows description, labels and comments, and follows changes', async () => {
  rpc('comment.add', { taskId: task('ED-1').id, body: 'A comment from rpc', author: 'tester' });
  tmux.keys('edit', 'Enter');
  let screen = await tmux.waitForText('edit', 'Written by the editor');
  assert.match(screen, /second line/);
  assert.match(screen, /Labels: \[urgent\]/);
  assert.match(screen, /A comment from rpc/);
  rpc('comment.add', { taskId: task('ED-1').id, body: 'Another one, live', author: 'tester' });
  screen = await tmux.waitForText('edit', 'Another one, live');
  assert.match(screen, /Comments \(2\)/);
  tmux.keys('edit', 'Escape');
  await tmux.waitForNoText('edit', 'Comments (2)');
});

test('d deletes a card after y, and n keeps it', async () => {
  tmux.keys('edit', 'j');
  await tmux.waitForScreen('edit', (s) => selectedCardText(s).includes('Delete me'), 'the second card selected');
  tmux.keys('edit', 'd');
  await tmux.waitForText('edit', 'Delete ED-2 "Delete me"?');
  tmux.keys('edit', 'n');
  await tmux.waitForNoText('edit', 'Delete ED-2');
  tmux.keys('edit', 'd');
  await tmux.waitForText('edit', 'Delete ED-2 "Delete me"?');
  tmux.keys('edit', 'y');
  const screen = await tmux.waitForNoText('edit', 'Delete me');
  assert.match(selectedCardText(screen), /Click me/, 'the nearest card is selected');
});

test('/ filters cards as you type and Esc clears the filter', async () => {
  tmux.keys('edit', '/');
  tmux.type('edit', 'click');
  let screen = await tmux.waitForText('edit', '1/2');
  assert.doesNotMatch(screen, /Their title/);
  assert.match(screen, /Click me/);
  tmux.keys('edit', 'Enter');
  screen = await tmux.waitForText('edit', 'filter: click');
  tmux.keys('edit', 'Escape');
  screen = await tmux.waitForText('edit', 'Their title');
  assert.doesNotMatch(screen, /filter: click/);
});

test('a mouse click selects the card under the pointer', async () => {
  tmux.keys('edit', 'g');
  await tmux.waitForScreen('edit', (s) => selectedCardText(s).includes('Their title'), 'the first card selected');
  const lines = tmux.screen('edit').split('\n');
  const row = lines.findIndex((l) => l.includes('Click me'));
  // An SGR mouse press (1-based column and row) as the terminal would send it.
  tmux.type('edit', `\u001b[<0;6;${row + 1}M\u001b[<0;6;${row + 1}m`);
  await tmux.waitForScreen('edit', (s) => selectedCardText(s).includes('Click me'), 'the clicked card selected');
});

test('P creates a project and shows it; { and } switch between neighbours; R renames a column', async () => {
  tmux.keys('edit', 'P');
  await tmux.waitForText('edit', 'New project name');
  tmux.type('edit', 'Second');
  tmux.keys('edit', 'Enter');
  let screen = await tmux.waitForScreen('edit', (s) => /‹ ED +\S+ · Second/.test(s), 'the new project with its neighbour');
  assert.match(screen, /Todo/);
  assert.doesNotMatch(screen, /Click me/);
  tmux.keys('edit', 'R');
  await tmux.waitForText('edit', 'Rename column Todo');
  tmux.keys('edit', 'C-u');
  tmux.type('edit', 'Backlog');
  tmux.keys('edit', 'Enter');
  await tmux.waitForScreen('edit', (s) => /Backlog/.test(s.split('\n')[1]!), 'the renamed column');
  const header = (pattern: RegExp) => (s: string) => pattern.test(s.split('\n')[0]!);
  tmux.type('edit', '{');
  await tmux.waitForScreen('edit', header(/ED · Editing/), 'the previous project');
  assert.match(await tmux.waitForText('edit', 'Click me'), /Todo/);
  assert.doesNotMatch(tmux.screen('edit').split('\n')[1]!, /Backlog/, 'the other project keeps its own columns');
  tmux.type('edit', '}');
  await tmux.waitForScreen('edit', header(/· Second/), 'the next project again');
  tmux.type('edit', '{');
  await tmux.waitForScreen('edit', header(/ED · Editing/), 'the previous project again');
});
