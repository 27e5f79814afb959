/**
 * The edit form against a scripted daemon: it opens before its task loads so early keys do
 * not reach the board, saves in one atomic call, and a conflict form opened while a filter is
 * typed gets the keys.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoardController } from '../../client/board/board-controller.js';
import { formOnTop } from '../../client/board/form-actions.js';
import { formChanges, formKey, openForm, rebaseForm } from '../../client/board/forms.js';
import { inputValue } from '../../client/board/line-input.js';
import { PasoError } from '../../shared/errors.js';
import type { Board } from '../../shared/protocol/index.js';
import { board, column, label, project, task, taskDetail } from './board-fixtures.js';
import { flush, makeController, press, scriptedRpc, type ScriptedRpc } from './scripted-board.js';

const web = project(1, 'WEB', 'Website');
const urgent = label(1, 'urgent');
const later = label(2, 'later');
const cards = [task(11, 'First', { id: 1, ref: 'WEB-1', version: 3 }), task(11, 'Second', { id: 2, ref: 'WEB-2' })];
const twoCards: Board = board([column(11, 'Todo', cards), column(12, 'Done')], [urgent, later], web);
const firstDetail = taskDetail({ ...twoCards.columns[0]!.tasks[0]! });

function form(controller: BoardController) {
  const open = formOnTop(controller.state);
  assert.ok(open, 'a form is on top');
  return open;
}

/** Presses e and answers the form's two loads: the first card's detail and both labels. */
async function openLoadedForm(controller: BoardController, s: ScriptedRpc): Promise<void> {
  press(controller, 'e');
  s.answer('task.get', firstDetail);
  s.answer('label.list', [urgent, later]);
  await flush();
}

test('keys typed right after e go to the loading form, not the board; the form fills when the task arrives', async () => {
  const s = scriptedRpc();
  const controller = makeController(s.rpc, [web], twoCards);
  press(controller, 'e', 'J', 'd');
  assert.equal(form(controller).loading, true);
  assert.equal(form(controller).ref, 'WEB-1');
  assert.equal(s.open('task.move').length, 0, 'J did not move the card below the form');
  assert.equal(controller.state.overlays.length, 1, 'd did not ask to delete the card');
  s.answer('task.get', firstDetail);
  s.answer('label.list', [urgent, later]);
  await flush();
  assert.equal(form(controller).loading, false);
  assert.equal(inputValue(form(controller).title), 'First');
  controller.close();
});

test('a form whose task cannot be loaded goes away and the error shows in the status bar', async () => {
  const s = scriptedRpc();
  const controller = makeController(s.rpc, [web], twoCards);
  press(controller, 'e');
  s.fail('task.get', new PasoError('not_found', 'task 1 not found', {}));
  s.answer('label.list', []);
  await flush();
  assert.equal(controller.state.overlays.length, 0);
  assert.deepEqual(controller.state.message, { text: 'task 1 not found', kind: 'error' });
  controller.close();
});

test('keys typed while E loads the description do not reach the board; Esc gives up before the editor opens', async () => {
  const s = scriptedRpc();
  const edited: string[] = [];
  const controller = makeController(s.rpc, [web], twoCards, { editText: (text) => (edited.push(text), null) });
  press(controller, 'E', 'J');
  assert.equal(controller.state.overlays.at(-1)?.kind, 'loading');
  assert.equal(s.open('task.move').length, 0);
  s.answer('task.get', { ...firstDetail, description: 'the text' });
  await flush();
  assert.deepEqual(edited, ['the text'], 'the editor opened once the description came');
  assert.equal(controller.state.overlays.length, 0);

  press(controller, 'E', 'ESCAPE');
  s.answer('task.get', firstDetail);
  await flush();
  assert.deepEqual(edited, ['the text'], 'no editor after Esc');
  controller.close();
});

test('saving title and labels is one atomic call carrying the version; a label-only save is version-checked too', async () => {
  const s = scriptedRpc();
  const controller = makeController(s.rpc, [web], twoCards);
  await openLoadedForm(controller, s);
  press(controller, '!', 'SHIFT_TAB', ' ', 'ENTER');
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
  assert.equal(controller.state.overlays.length, 0);

  await openLoadedForm(controller, s);
  press(controller, 'SHIFT_TAB', 'RIGHT', ' ', 'ENTER');
  const labelOnly = s.open().find((c) => c.method !== 'board.get' && c.method !== 'project.list');
  assert.deepEqual(labelOnly?.params, {
    calls: [
      { method: 'task.update', params: { id: 1, expectedVersion: 3 } },
      { method: 'task.setLabels', params: { id: 1, labelIds: [2] } },
    ],
  });
  controller.close();
});

test('a conflict on the atomic save asks, and overwrite adds my label to the labels set elsewhere', async () => {
  const s = scriptedRpc();
  const controller = makeController(s.rpc, [web], twoCards);
  await openLoadedForm(controller, s);
  press(controller, 'SHIFT_TAB', ' ', 'ENTER');
  const theirs = taskDetail({ ...firstDetail, version: 4, title: 'Theirs' }, { labels: [later] });
  s.fail('atomic', new PasoError('conflict', 'calls[0] (task.update): task 1 changed', { current: theirs, index: 0 }));
  await flush();
  assert.equal(form(controller).conflict?.version, 4);
  press(controller, 'o');
  assert.deepEqual(s.open('atomic')[0]?.params, {
    calls: [
      { method: 'task.update', params: { id: 1, expectedVersion: 4 } },
      { method: 'task.setLabels', params: { id: 1, labelIds: [1, 2] } },
    ],
  });
  controller.close();
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

test('a conflict form that opens while a filter is typed gets the keys', async () => {
  const s = scriptedRpc();
  const controller = makeController(s.rpc, [web], twoCards, { editText: () => 'new text' });
  press(controller, 'E');
  s.answer('task.get', firstDetail);
  await flush();
  assert.equal(s.open('task.update').length, 1);
  press(controller, '/', 'S');
  assert.equal(controller.state.filterEditing, true);
  s.fail('task.update', new PasoError('conflict', 'task 1 changed', { current: { ...firstDetail, version: 4 } }));
  await flush();
  s.answer('label.list', [urgent, later]);
  await flush();
  assert.ok(form(controller).conflict, 'the conflict question is on screen');
  press(controller, 'ESCAPE');
  assert.equal(form(controller).conflict, null, 'Esc answered the form');
  assert.equal(controller.state.filter, 'S', 'and left the filter alone');
  controller.close();
});
