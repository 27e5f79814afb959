/**
 * The edit form against a scripted daemon: keys typed while it loads wait and then reach it,
 * never the board; it saves in one atomic call; keys typed while a save or $EDITOR round runs
 * reach the conflict question it opens.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoardRuntime } from '../../client/board/board-runtime.js';
import { formOnTop } from '../../client/board/state/overlays.js';
import { formChanges, formKey, openForm, rebaseForm } from '../../client/board/state/edit-form.js';
import { inputValue } from '../../client/board/state/line-input.js';
import { PasoError } from '../../shared/errors.js';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, label, project, task, taskDetail } from './board-fixtures.js';
import { flush, makeRuntime, press, scriptedRpc, type ScriptedRpc } from './scripted-board.js';

const web = project(1, 'WEB', 'Website');
const urgent = label(1, 'urgent');
const later = label(2, 'later');
const cards = [task(11, 'First', { id: 1, ref: 'WEB-1', version: 3 }), task(11, 'Second', { id: 2, ref: 'WEB-2' })];
const twoCards: Board = board([column(11, 'Todo', cards), column(12, 'Done')], [urgent, later], web);
const firstDetail = taskDetail({ ...twoCards.columns[0]!.tasks[0]! });

function form(runtime: BoardRuntime) {
  const open = formOnTop(runtime.state);
  assert.ok(open, 'a form is on top');
  return open;
}

/** Presses e and answers the form's two loads: the first card's detail and both labels. */
async function openLoadedForm(runtime: BoardRuntime, s: ScriptedRpc): Promise<void> {
  press(runtime, 'e');
  s.answer('task.get', firstDetail);
  s.answer('label.list', [urgent, later]);
  await flush();
}

test('keys typed while the form loads wait, then reach the form, never the board', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], twoCards);
  press(runtime, 'e', 'J', 'd');
  assert.equal(form(runtime).loading, true);
  assert.equal(form(runtime).ref, 'WEB-1');
  assert.equal(runtime.input.pending, 2, 'J and d wait for the form');
  assert.equal(s.open('task.move').length, 0, 'J did not move the card below the form');
  s.answer('task.get', firstDetail);
  s.answer('label.list', [urgent, later]);
  await flush();
  assert.equal(form(runtime).loading, false);
  assert.equal(inputValue(form(runtime).title), 'FirstJd', 'the waiting keys were typed into the title');
  assert.equal(s.open('task.move').length, 0);
  runtime.close();
});

test('a form whose task was deleted goes away and the status bar names the card', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], twoCards);
  press(runtime, 'e', 'j');
  s.fail('task.get', new PasoError('not_found', 'task 1 not found', {}));
  s.answer('label.list', []);
  await flush();
  assert.equal(runtime.state.overlays.length, 0);
  assert.deepEqual(runtime.state.message, { text: 'WEB-1 "First" was deleted in another terminal', kind: 'error' });
  assert.equal(runtime.state.selection.taskId, 2, 'j, typed behind e, then moved the selection on the board');
  runtime.close();
});

test('keys typed while E loads the description wait for the editor round, then act in order', async () => {
  const s = scriptedRpc();
  const edited: string[] = [];
  const runtime = makeRuntime(s.rpc, [web], twoCards, { editText: (text) => (edited.push(text), null) });
  press(runtime, 'E', 'J');
  assert.equal(runtime.state.overlays.at(-1)?.kind, 'loading');
  assert.equal(s.open('task.move').length, 0, 'J waits');
  s.answer('task.get', { ...firstDetail, description: 'the text' });
  await flush();
  assert.deepEqual(edited, ['the text'], 'the editor opened once the description came');
  assert.equal(runtime.state.overlays.length, 0);
  assert.deepEqual(s.open('task.move').map((c) => c.params.id), [1], 'then J moved the card');
  runtime.close();
});

test('saving title and labels is one atomic call carrying the version; a label-only save is version-checked too', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], twoCards);
  await openLoadedForm(runtime, s);
  press(runtime, '!', 'SHIFT_TAB', ' ', 'ENTER');
  const [save] = s.open();
  assert.equal(save?.method, 'atomic');
  assert.deepEqual(save.params, {
    calls: [
      { method: 'task.update', params: { id: 1, title: 'First!', expectedVersion: 3 } },
      { method: 'task.setLabels', params: { id: 1, labelIds: [1] } },
    ],
  });
  save.resolve([]);
  await flush();
  assert.equal(runtime.state.overlays.length, 0);

  await openLoadedForm(runtime, s);
  press(runtime, 'SHIFT_TAB', 'RIGHT', ' ', 'ENTER');
  const labelOnly = s.open('atomic')[0];
  assert.deepEqual(labelOnly?.params, {
    calls: [
      { method: 'task.update', params: { id: 1, expectedVersion: 3 } },
      { method: 'task.setLabels', params: { id: 1, labelIds: [2] } },
    ],
  });
  runtime.close();
});

test('a conflict on the atomic save asks, and overwrite adds my label to the labels set elsewhere', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], twoCards);
  await openLoadedForm(runtime, s);
  press(runtime, 'SHIFT_TAB', ' ', 'ENTER');
  const theirs = taskDetail({ ...firstDetail, version: 4, title: 'Theirs' }, { labels: [later] });
  s.fail('atomic', new PasoError('conflict', 'calls[0] (task.update): task 1 changed', { current: theirs, index: 0 }));
  await flush();
  assert.equal(form(runtime).conflict?.version, 4);
  press(runtime, 'o');
  assert.deepEqual(s.open('atomic')[0]?.params, {
    calls: [
      { method: 'task.update', params: { id: 1, expectedVersion: 4 } },
      { method: 'task.setLabels', params: { id: 1, labelIds: [1, 2] } },
    ],
  });
  runtime.close();
});

test('overwrite applies my label additions and removals on top of the other terminal\'s labels', () => {
  const a = label(1, 'a');
  const b = label(2, 'b');
  const c = label(3, 'c');
  const d = label(4, 'd');
  let edited = openForm(taskDetail(cards[0]!, { labels: [a, b] }), [a, b, c], 'labels');
  edited = formKey(edited, { name: ' ', char: ' ' }).form; // a off
  edited = formKey(edited, { name: 'RIGHT' }).form;
  edited = formKey(edited, { name: 'RIGHT' }).form;
  edited = formKey(edited, { name: ' ', char: ' ' }).form; // c on
  const theirs = taskDetail(cards[0]!, { version: 9, labels: [a, b, d] }); // they added d
  const rebased = rebaseForm(edited, theirs);
  assert.deepEqual(formChanges(rebased).labelIds, [2, 3, 4], 'a removed, c added, their d kept');
  assert.ok(rebased.labels.some((l) => l.id === 4), 'their new label can be toggled in the form');
  const untouched = rebaseForm(openForm(taskDetail(cards[0]!, { labels: [a] }), [a, b]), taskDetail(cards[0]!, { version: 9, labels: [b] }));
  assert.equal(formChanges(untouched).labelIds, null, 'labels I did not touch stay as they set them');
});

test('keys typed while E saves reach the conflict question it opens', async () => {
  const s = scriptedRpc();
  const runtime = makeRuntime(s.rpc, [web], twoCards, { editText: () => 'new text' });
  press(runtime, 'E');
  s.answer('task.get', firstDetail);
  await flush();
  assert.equal(s.open('task.update').length, 1);
  press(runtime, 'ESCAPE', '/', 'S');
  assert.equal(runtime.state.filterEditing, false, 'the keys wait for the save');
  s.fail('task.update', new PasoError('conflict', 'task WEB-1 changed', { current: { ...firstDetail, version: 4 } }));
  await flush();
  s.answer('label.list', [urgent, later]);
  await flush();
  assert.ok(formOnTop(runtime.state), 'the conflict form is on screen');
  assert.equal(form(runtime).conflict, null, 'Esc answered the conflict question (keep editing)');
  assert.equal(runtime.state.filter, '', 'and / S went to the form, not the board filter');
  runtime.close();
});
