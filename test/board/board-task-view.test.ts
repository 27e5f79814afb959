/**
 * The task view's new powers in a real terminal, keys sent as bursts typed ahead: comments
 * (one line, $EDITOR, edit and delete your own, another board's comment appearing live),
 * links through the picker with a jump and an unlink, a refused cycle, the label manager,
 * a label created from the edit form, and a natural due date. The database is checked
 * through `paso rpc`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseNaturalDate } from '../../shared/natural-date.js';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { columnOf, selectedCardText, shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-task-view-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;
let projectId = 0;
const me = userInfo().username;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

function task(ref: string): any {
  return rpc('task.get', { ref });
}

function boardCommand(): string {
  const editor = join(home, 'comment-editor.sh');
  return `env -u PASO_PROJECT -u VISUAL PASO_HOME=${shellQuote(home)} NO_COLOR=1 EDITOR=${shellQuote(editor)} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project LN`;
}

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  projectId = rpc('project.create', { name: 'Links', key: 'LN' }).id;
  rpc('task.create', { projectId, title: 'Alpha' });
  rpc('task.create', { projectId, title: 'Beta' });
  const gamma = rpc('task.create', { projectId, title: 'Gamma' });
  rpc('task.move', { id: gamma.id, role: 'in_progress' });
  writeFileSync(join(home, 'comment-editor.sh'), `#!/bin/sh\nprintf 'A longer comment\\nwith a second line\\n' > "$1"\n`, { mode: 0o700 });
  tmux.start('one', boardCommand());
  tmux.start('two', boardCommand());
  await tmux.waitForText('one', 'Gamma');
  await tmux.waitForText('two', 'Gamma');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

test('a comment typed ahead in the task view is saved as mine, and another board sees it live', async () => {
  tmux.burst('two', 'g', 'Enter');
  await tmux.waitForText('two', 'Comments (0)');
  tmux.burst('one', 'g', 'Enter', 'c', 'Looks right to me', 'Enter');
  await tmux.waitForText('one', 'commented on LN-1 "Alpha"');
  const comments = task('LN-1').comments;
  assert.deepEqual(comments.map((c: any) => [c.body, c.author]), [['Looks right to me', me]]);
  await tmux.waitForText('two', 'Looks right to me');
  assert.match(tmux.screen('two'), /Comments \(1\)/);

  tmux.burst('one', 'C');
  await tmux.waitForText('one', 'commented on LN-1');
  assert.equal(task('LN-1').comments[1].body, 'A longer comment\nwith a second line');
  await tmux.waitForText('two', 'with a second line');
});

test('my comment is edited and deleted from the view; someone else\'s is not', async () => {
  rpc('comment.add', { taskId: task('LN-1').id, body: 'Not yours', author: 'bob' });
  await tmux.waitForText('one', 'Not yours');
  // Tab: the first comment (mine, one line) → Enter edits it in a prompt.
  tmux.burst('one', 'Tab', 'Enter', 'C-u', 'Edited in place', 'Enter');
  await tmux.waitForText('one', 'edited your comment on LN-1');
  assert.equal(task('LN-1').comments[0].body, 'Edited in place');
  await tmux.waitForText('two', 'Edited in place');

  tmux.burst('one', 'BTab', 'd', 'y');
  await tmux.waitForText('one', 'only your own comments can be deleted: this one on LN-1 is by bob');
  assert.equal(task('LN-1').comments.length, 3);

  // From bob's (the last), Tab wraps to the first: mine.
  tmux.burst('one', 'Tab', 'd');
  await tmux.waitForText('one', 'Delete your comment on LN-1 "Alpha": "Edited in place"?');
  tmux.burst('one', 'y');
  await tmux.waitForText('one', 'deleted your comment on LN-1');
  assert.deepEqual(task('LN-1').comments.map((c: any) => c.author), [me, 'bob']);
  tmux.burst('one', 'Escape');
  tmux.burst('two', 'Escape');
  await tmux.waitForNoText('one', 'Comments (');
});

test('r links through the picker as typed ahead; Enter on the relation jumps to its card', async () => {
  tmux.burst('one', 'g', 'r', 'gam', 'Enter');
  await tmux.waitForText('one', 'linked: LN-1 "Alpha" blocks LN-3 "Gamma"');
  assert.deepEqual(task('LN-3').blockedBy.map((t: any) => t.ref), ['LN-1']);
  assert.equal(task('LN-3').blocked, true);

  tmux.burst('one', 'Enter', 'Tab', 'Enter');
  await tmux.waitForScreen('one', (s) => s.includes('─ LN-3 ─') && s.includes('Blocked by: LN-1'), 'the view of LN-3');
  tmux.burst('one', 'Escape');
  const screen = await tmux.waitForNoText('one', 'Blocked by:');
  assert.match(selectedCardText(screen), /LN-3/);
  assert.equal(columnOf(screen, 'Gamma'), 1);
});

test('a link that would close a cycle is refused with the daemon\'s message naming both cards', async () => {
  // LN-3 is selected: "LN-3 blocks LN-1" would close the cycle.
  tmux.burst('one', 'r', 'LN-1', 'Enter');
  await tmux.waitForText('one', 'cannot make LN-3 block LN-1: LN-1 already blocks LN-3');
  assert.deepEqual(task('LN-1').blockedBy, []);
  // The picker stays open: Tab Tab (blocks → is blocked by → is related to) and Enter again.
  tmux.burst('one', 'Tab', 'Tab', 'Enter');
  await tmux.waitForText('one', 'linked: LN-3 "Gamma" is related to LN-1 "Alpha"');
  assert.deepEqual(task('LN-3').related.map((t: any) => t.ref), ['LN-1']);
});

test('the task view unlinks a selected relation after y', async () => {
  tmux.burst('one', 'Enter', 'Tab', 'd');
  await tmux.waitForText('one', 'Unlink: LN-3 "Gamma" is no longer blocked by LN-1 "Alpha"?');
  tmux.burst('one', 'y');
  await tmux.waitForText('one', 'unlinked: LN-3 "Gamma" is no longer blocked by LN-1 "Alpha"');
  const after = task('LN-3');
  assert.deepEqual(after.blockedBy, []);
  assert.equal(after.blocked, false);
  assert.deepEqual(after.related.map((t: any) => t.ref), ['LN-1'], 'only the selected relation went');

  // A related card that left the board (archived) is asked of the daemon, which says why.
  const alpha = task('LN-1');
  rpc('task.archive', { id: alpha.id });
  await tmux.waitForNoText('one', 'Alpha                 ');
  tmux.burst('one', 'Tab', 'Enter');
  await tmux.waitForText('one', 'LN-1 "Alpha" is archived');
  rpc('task.unarchive', { id: alpha.id });
  // Unarchiving puts it last in its column; back on top, as the later tests expect.
  rpc('task.move', { id: alpha.id, role: 'ready', position: 0 });
  tmux.burst('one', 'Escape');
  await tmux.waitForScreen('one', (s) => !s.includes('Comments (') && s.indexOf('LN-1') >= 0 && s.indexOf('LN-1') < s.indexOf('LN-2'), 'LN-1 back on top');
});

test('the label manager adds, recolours, renames and deletes a label, saying how many cards wear it', async () => {
  tmux.burst('one', 't', 'a', 'infra', 'Enter', 'c', '#123456', 'Enter', 'r', 'C-u', 'platform', 'Enter');
  await tmux.waitForText('one', 'renamed label "infra" to "platform"');
  const labels = rpc('label.list', { projectId });
  assert.deepEqual(labels.map((l: any) => [l.name, l.color]), [['platform', '#123456']]);
  rpc('task.setLabels', { id: task('LN-2').id, labelIds: [labels[0].id] });
  await tmux.waitForText('one', 'platform  #123456 · 1 card');
  tmux.burst('one', 'd');
  await tmux.waitForText('one', 'Delete the label "platform"? 1 card wears it and will lose');
  tmux.burst('one', 'y');
  await tmux.waitForText('one', 'deleted label "platform" (worn by 1 card)');
  assert.deepEqual(rpc('label.list', { projectId }), []);
  assert.deepEqual(task('LN-2').labels, []);
  tmux.burst('one', 'Escape');
  await tmux.waitForNoText('one', 'Labels of LN');
});

test('the edit form creates a label on the fly and saves the card wearing it, typed in one burst', async () => {
  tmux.burst('one', 'h', 'g', 'j', 'e', 'Up', 'frontend', 'Enter', 'Enter');
  await tmux.waitForText('one', 'saved LN-2 "Beta"');
  assert.deepEqual(task('LN-2').labels.map((l: any) => l.name), ['frontend']);
  assert.deepEqual(rpc('label.list', { projectId }).map((l: any) => l.name), ['frontend']);
});

test('the form takes a natural due date, and keeps a bad one open with the parser\'s message', async () => {
  tmux.burst('one', 'e', 'Down', 'Down', 'Down', 'Down', 'C-u', 'tomorrow', 'Enter');
  const expected = parseNaturalDate('tomorrow');
  assert.ok(expected.ok);
  await tmux.waitForText('one', `saved LN-2 "Beta" (due ${expected.value})`);
  await waitFor(() => (String(task('LN-2').dueAt).startsWith(expected.value) ? true : null), 'the due date stored');

  tmux.burst('one', 'e', 'Down', 'Down', 'Down', 'Down', 'C-u', 'someday', 'Enter');
  await tmux.waitForText('one', "'someday' is not a date");
  assert.match(tmux.screen('one'), /Edit LN-2/);
  assert.ok(String(task('LN-2').dueAt).startsWith(expected.value), 'nothing was saved');
  tmux.burst('one', 'Escape');
  await tmux.waitForNoText('one', 'Edit LN-2');
});
