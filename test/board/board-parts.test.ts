import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBoardConfig } from '../../client/board/control/board-config.js';
import { formChanges, formKey, openForm, rebaseForm, reloadForm } from '../../client/board/state/edit-form.js';
import { applyOverrides, buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import { editLine, inputValue, lineInput, visibleInput } from '../../client/board/state/line-input.js';
import { RefreshScheduler } from '../../client/board/effects/refresh-scheduler.js';
import { displayWidth, sanitizeLine, truncateToWidth, wrapText } from '../../client/board/view/text-width.js';
import type { TaskDetail } from '../../shared/protocol/index.js';
import { task, taskDetail } from './board-fixtures.js';

function detail(extra: Partial<TaskDetail> = {}): TaskDetail {
  return taskDetail(task(1, 'Title', { id: 7, ref: 'WEB-7', version: 3 }), {
    description: 'old description',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  });
}

test('widths count CJK and emoji as two cells; truncation never splits a wide character', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('日本'), 4);
  assert.equal(displayWidth('🎉'), 2);
  assert.equal(truncateToWidth('日本語テキスト', 6), '日本…');
  assert.equal(displayWidth(truncateToWidth('日本語テキスト', 6)), 5);
  assert.equal(truncateToWidth('short', 10), 'short');
  assert.equal(sanitizeLine('a\tb\nc\u001b[31m'), 'a b c [31m');
  assert.equal(sanitizeLine('e\u0301'), 'é');
  assert.deepEqual(wrapText('one two three four', 9), ['one two', 'three', 'four']);
});

test('the refresh scheduler runs at most one refresh and keeps at most one waiting', async () => {
  let running = 0;
  let maxRunning = 0;
  const releases: (() => void)[] = [];
  const scheduler = new RefreshScheduler(async () => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
  });
  for (let i = 0; i < 1000; i++) scheduler.request();
  assert.equal(scheduler.started, 1);
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  assert.equal(scheduler.started, 2, 'the burst left exactly one refresh waiting');
  for (let i = 0; i < 1000; i++) scheduler.request();
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  releases.shift()!();
  await scheduler.idle();
  assert.equal(scheduler.started, 3);
  assert.equal(maxRunning, 1);
});

test('a failing refresh does not stop later ones', async () => {
  let calls = 0;
  const scheduler = new RefreshScheduler(async () => {
    calls++;
    throw new Error('daemon gone');
  });
  scheduler.request();
  await scheduler.idle();
  scheduler.request();
  await scheduler.idle();
  assert.equal(calls, 2);
});

test('the form sends only what changed, and the overwrite answer keeps the other terminal\'s untouched fields', () => {
  let form = openForm(detail(), []);
  for (const ch of ' now') form = formKey(form, { name: ch, char: ch }).form;
  form = formKey(form, { name: 'DOWN' }).form;
  form = formKey(form, { name: 'DOWN' }).form;
  form = formKey(form, { name: 'RIGHT' }).form;
  assert.deepEqual(formChanges(form), { fields: { title: 'Title now', priority: 'high' }, labelIds: null });
  assert.equal(formKey(form, { name: 'ENTER' }).command, 'save');

  const theirs = detail({ version: 4, description: 'their description', title: 'Their title' });
  const overwritten = rebaseForm({ ...form, conflict: theirs }, theirs);
  assert.equal(overwritten.baseVersion, 4);
  assert.equal(overwritten.conflict, null);
  assert.deepEqual(formChanges(overwritten).fields, { title: 'Title now', priority: 'high' }, 'their description is not overwritten');

  const reloaded = reloadForm(form, theirs);
  assert.equal(inputValue(reloaded.title), 'Their title');
  assert.equal(reloaded.baseVersion, 4);
  assert.deepEqual(formChanges(reloaded), { fields: {}, labelIds: null });
});

test('while a conflict is shown, only r, o and Esc do anything', () => {
  const form = { ...openForm(detail(), []), conflict: detail({ version: 9 }) };
  assert.equal(formKey(form, { name: 'r' }).command, 'reload');
  assert.equal(formKey(form, { name: 'o' }).command, 'overwrite');
  assert.equal(formKey(form, { name: 'x', char: 'x' }).form, form);
  assert.equal(formKey(form, { name: 'ESCAPE' }).form.conflict, null);
});

test('labels toggle in the form and a due date can be cleared', () => {
  const labels = [
    { id: 1, projectId: 1, name: 'a', color: '#000000' },
    { id: 2, projectId: 1, name: 'b', color: '#ffffff' },
  ];
  let form = openForm(detail({ dueAt: '2026-03-01', labels: [labels[0]!] }), labels, 'labels');
  form = formKey(form, { name: 'RIGHT' }).form;
  form = formKey(form, { name: ' ', char: ' ' }).form;
  form = formKey(form, { name: 'SHIFT_TAB' }).form;
  assert.equal(form.focus, 'dueAt');
  form = formKey(form, { name: 'CTRL_U' }).form;
  assert.deepEqual(formChanges(form), { fields: { dueAt: null }, labelIds: [1, 2] });
});

test('the line input edits by code point and scrolls to keep the cursor visible', () => {
  let input = lineInput('héllo 日本');
  input = editLine(input, { name: 'BACKSPACE' })!;
  assert.equal(inputValue(input), 'héllo 日');
  input = editLine(input, { name: 'HOME' })!;
  input = editLine(input, { name: '🎉', char: '🎉' })!;
  assert.equal(inputValue(input), '🎉héllo 日');
  input = editLine(input, { name: 'CTRL_W' })!;
  assert.equal(inputValue(input), 'héllo 日');
  assert.equal(editLine(input, { name: 'F5' }), null);
  const long = lineInput('x'.repeat(100));
  const shown = visibleInput(long, 20);
  assert.equal(shown.cursorX, 19);
});

test('key overrides rebind actions, take the key from its old action, and never lose Ctrl+C', () => {
  const { bindings, problems } = applyOverrides({ addCard: 'n', deleteCard: ['x', 'DELETE'], quit: 'Q', nope: 'z', edit: 3 });
  assert.deepEqual(bindings.addCard, ['n']);
  assert.deepEqual(bindings.deleteCard, ['x', 'DELETE']);
  assert.equal(problems.length, 2);
  const keymap = buildKeymap(bindings);
  assert.equal(keymap.get('n'), 'addCard');
  assert.equal(keymap.get('a'), undefined);
  assert.equal(keymap.get('Q'), 'quit');
  assert.equal(keymap.get('q'), undefined);
  assert.equal(keymap.get('CTRL_C'), 'quit');
  assert.equal(buildKeymap(applyOverrides({ cardDown: 'k' }).bindings).get('k'), 'cardDown');
  assert.equal(buildKeymap(DEFAULT_BINDINGS).get(' '), 'open');
});

test('key overrides are read from $XDG_CONFIG_HOME/paso/config.yaml; a broken file falls back to the defaults', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paso-config-'));
  try {
    const none = await loadBoardConfig({ XDG_CONFIG_HOME: dir });
    assert.deepEqual([none.bindings, none.problems, none.theme.name], [DEFAULT_BINDINGS, [], 'default']);
    mkdirSync(join(dir, 'paso'));
    writeFileSync(join(dir, 'paso', 'config.yaml'), 'keys:\n  addCard: n\n  open: [enter, o]\n');
    const config = await loadBoardConfig({ XDG_CONFIG_HOME: dir });
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.bindings.addCard, ['n']);
    assert.deepEqual(config.bindings.open, ['ENTER', 'o']);
    writeFileSync(join(dir, 'paso', 'config.yaml'), 'theme: light\ncolors:\n  live: "#00ff00"\n  bogus: "#000000"\n');
    const themed = await loadBoardConfig({ XDG_CONFIG_HOME: dir });
    assert.equal(themed.theme.name, 'light');
    assert.deepEqual(themed.theme.overrides, { live: '#00ff00' });
    assert.match(themed.problems.join('\n'), /config\.yaml: colors: unknown colour "bogus"/);
    writeFileSync(join(dir, 'paso', 'config.yaml'), 'keys: [unclosed\n');
    const broken = await loadBoardConfig({ XDG_CONFIG_HOME: dir });
    assert.equal(broken.bindings, DEFAULT_BINDINGS);
    assert.equal(broken.problems.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with a minimum interval, a waiting refresh starts no sooner than that after the previous one', async () => {
  const starts: number[] = [];
  const scheduler = new RefreshScheduler(async () => {
    starts.push(performance.now());
  }, 40);
  scheduler.request();
  scheduler.request();
  scheduler.request();
  await scheduler.idle();
  assert.equal(starts.length, 2, 'three requests during the first refresh make one more');
  // Timers may fire a millisecond or two early against performance.now(); without the
  // interval the second refresh would start at once (about 0 ms).
  assert.ok(starts[1]! - starts[0]! >= 35, `the second started ${starts[1]! - starts[0]!} ms after the first`);
});
