/**
 * The key router as a pure function: what each input does to the state and which effects it
 * asks for. Pastes never run as keys; typed-ahead prompts and confirmations become effects.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InputEvent } from '../../client/board/control/input-event.js';
import { buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import { initialState, type BoardState } from '../../client/board/state/board-state.js';
import { openForm } from '../../client/board/state/edit-form.js';
import { inputValue } from '../../client/board/state/line-input.js';
import { formOnTop, pushOverlay } from '../../client/board/state/overlays.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { key, routeAll } from './route-inputs.js';
import { board, column, label, plainOptions, project, task, taskDetail } from './board-fixtures.js';

const web = project(1, 'WEB', 'Website');
const cards = [task(11, 'First', { id: 1, ref: 'WEB-1', version: 4 }), task(11, 'Second', { id: 2, ref: 'WEB-2', labelIds: [7] })];
const start: BoardState = applyBoard({ ...initialState({ width: 120, height: 40 }), projects: [web] }, board([column(11, 'Todo', cards), column(12, 'Done')], [label(7, 'security')], web));
const ctx = { keymap: buildKeymap(DEFAULT_BINDINGS), options: plainOptions, projectId: web.id };

const paste = (text: string): InputEvent => ({ kind: 'paste', text });

const run = (state: BoardState, inputs: InputEvent[]) => routeAll(state, inputs, ctx);

test('a paste on the board changes nothing but the status bar, whatever it contains', () => {
  const { state, effects } = run(start, [paste('d y X y q a hello\n')]);
  assert.deepEqual(effects, []);
  assert.deepEqual({ ...state, message: null }, start);
  assert.match(state.message?.text ?? '', /paste ignored/);
});

test('a multi-line paste into the new-card prompt is one title, line breaks as spaces', () => {
  const { state, effects } = run(start, [key('a'), paste('Line one\nLine two\r\nthree'), key('ENTER')]);
  assert.deepEqual(effects, [{ kind: 'submitPrompt', purpose: { action: 'createTask', columnId: 11 }, text: 'Line one Line two three', projectId: 1 }]);
  assert.equal(state.overlays.at(-1)?.kind === 'prompt' && state.overlays.at(-1)?.kind, 'prompt', 'the prompt stays (busy) until the card exists');
});

test('a paste into the form keeps newlines in the description and not in the title', () => {
  const withForm = pushOverlay(start, { kind: 'form', form: openForm(taskDetail(cards[0]!), [], 'description') });
  const described = run(withForm, [paste('a\nb')]).state;
  assert.equal(formOnTop(described)?.description, 'a\nb');
  const titled = run(withForm, [key('SHIFT_TAB'), paste('a\nb')]).state;
  assert.equal(inputValue(formOnTop(titled)!.title), 'Firsta b');
});

test('a paste into the filter filters; Esc clears it', () => {
  const filtered = run(start, [key('/'), paste('secur')]);
  assert.equal(filtered.state.filter, 'secur');
  assert.deepEqual(filtered.effects, [{ kind: 'queryFilter', projectId: 1, query: 'secur' }]);
  assert.deepEqual(filtered.state.board && filtered.state.selection.taskId, 2, 'the card labelled security is the match');
  assert.equal(run(filtered.state, [key('ESCAPE')]).state.filter, '');
});

test('d y is a delete only once the question is on screen, and names the card', () => {
  const { effects, state } = run(start, [key('d'), key('y')]);
  assert.deepEqual(effects, [{ kind: 'confirmed', purpose: { action: 'deleteTask', taskId: 1, ref: 'WEB-1', title: 'First' } }]);
  assert.equal(state.overlays.length, 0);
});

test('a move is shown at once and sent with the version the card had', () => {
  const { state, effects } = run(start, [key('L')]);
  assert.deepEqual(effects, [{ kind: 'moveCard', move: { taskId: 1, columnId: 12, expectedVersion: 4, ref: 'WEB-1', title: 'First' } }]);
  assert.deepEqual(state.board?.columns[1]?.tasks.map((t) => [t.id, t.version]), [[1, 5]]);
  assert.equal(state.selection.taskId, 1);
});

test('e opens the form loading and asks for the task; q asks to quit', () => {
  assert.deepEqual(run(start, [key('e')]).effects, [{ kind: 'loadForm', taskId: 1, projectId: 1, focus: 'title' }]);
  assert.equal(formOnTop(run(start, [key('e')]).state)?.loading, true);
  assert.deepEqual(run(start, [key('q')]).effects, [{ kind: 'quit' }]);
});
