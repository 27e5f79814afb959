/** The edit form's labels field (narrowing, creating on the fly) and its natural due dates, alone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeyPress } from '../../client/board/control/input-event.js';
import { formChanges, formKey, openForm, type EditForm } from '../../client/board/state/edit-form.js';
import { resolveDue } from '../../client/board/state/form-due.js';
import { formLabelChips } from '../../client/board/state/form-labels.js';
import { inputValue } from '../../client/board/state/line-input.js';
import { task, taskDetail } from './board-fixtures.js';

const labels = [
  { id: 1, projectId: 1, name: 'Bug', color: '#000000' },
  { id: 2, projectId: 1, name: 'backend', color: '#ffffff' },
  { id: 3, projectId: 1, name: 'ux', color: '#ffffff' },
];
const k = (name: string): KeyPress => (name.length === 1 ? { name, char: name } : { name });

function type(form: EditForm, ...names: string[]): ReturnType<typeof formKey> {
  let result: ReturnType<typeof formKey> = { form };
  for (const name of names) result = formKey(result.form, k(name));
  return result;
}

const form = openForm(taskDetail(task(1, 'A card', { id: 1, ref: 'WEB-1' }), { dueAt: '2026-06-01', labels: [] }), labels, 'labels');

test('typing in the labels field narrows the chips; Enter toggles the one under the cursor', () => {
  const narrowed = type(form, 'b').form;
  assert.deepEqual(formLabelChips(narrowed).map((c) => (c.kind === 'label' ? c.label.name : `+${c.name}`)), ['Bug', 'backend', '+b']);
  const toggled = type(form, 'b', 'a', 'c', 'ENTER');
  assert.equal(toggled.command, undefined);
  assert.deepEqual(toggled.form.labelIds, [2]);
  assert.equal(inputValue(toggled.form.labelQuery), '', 'the name is cleared after a toggle');
  assert.equal(type(toggled.form, 'ENTER').command, 'save', 'with nothing typed, Enter saves');
});

test('a name no label has offers "create label"; Enter on it asks to create it', () => {
  const typed = type(form, 'n', 'e', 'e', 'd', 's', ' ', 'r', 'e', 'v');
  const chips = formLabelChips(typed.form);
  assert.deepEqual(chips, [{ kind: 'create', name: 'needs rev' }], 'space is part of a typed name');
  const created = type(typed.form, 'ENTER');
  assert.equal(created.command, 'createLabel');
  assert.equal(created.labelName, 'needs rev');
  assert.deepEqual(formLabelChips(type(form, 'b', 'u', 'g').form).map((c) => c.kind), ['label'], 'an existing name, in any case, is not offered again');
});

test('Esc in the labels field clears a typed name first, then cancels; Tab still moves on', () => {
  const typed = type(form, 'x', 'y');
  const cleared = type(typed.form, 'ESCAPE');
  assert.equal(cleared.command, undefined);
  assert.equal(inputValue(cleared.form.labelQuery), '');
  assert.equal(type(cleared.form, 'ESCAPE').command, 'cancel');
  assert.equal(type(typed.form, 'TAB').form.focus, 'title');
  assert.deepEqual(type(form, 'RIGHT', ' ').form.labelIds, [2], 'with nothing typed, space toggles');
});

test('natural due dates resolve against the clock of the save; a bad one keeps the parser message', () => {
  const now = new Date(2026, 5, 15, 12); // Monday 15 June 2026, local time
  const due = (text: string) => {
    const f = type({ ...form, focus: 'dueAt' }, 'CTRL_U', ...Array.from(text)).form;
    return resolveDue(formChanges(f), now);
  };
  assert.deepEqual(due('tomorrow'), { ok: true, changes: { fields: { dueAt: '2026-06-16' }, labelIds: null } });
  assert.deepEqual(due('fri'), { ok: true, changes: { fields: { dueAt: '2026-06-19' }, labelIds: null } });
  assert.deepEqual(due('+2w'), { ok: true, changes: { fields: { dueAt: '2026-06-29' }, labelIds: null } });
  assert.deepEqual(due(''), { ok: true, changes: { fields: { dueAt: null }, labelIds: null } }, 'emptied: no due date');
  const bad = due('someday');
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error, /^due: 'someday' is not a date: use YYYY-MM-DD, today, tomorrow/);
  assert.deepEqual(resolveDue(formChanges(form), now), { ok: true, changes: { fields: {}, labelIds: null } }, 'an untouched date is not sent');
});
