/**
 * The task view's keys, the link picker and the label manager as pure functions: what each
 * key does to the state and which effects it asks for, typed ahead as a burst.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InputEvent } from '../../client/board/control/input-event.js';
import { buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import { initialState, selectedTask, topOverlay, type BoardState } from '../../client/board/state/board-state.js';
import { linkCandidates } from '../../client/board/state/link-picker.js';
import { lineInput } from '../../client/board/state/line-input.js';
import { pushOverlay } from '../../client/board/state/overlays.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { linkParams, nextItemKey } from '../../client/board/state/task-view-items.js';
import { renderScreen, renderToText } from '../../client/board/view/render-screen.js';
import { key, routeAll } from './route-inputs.js';
import { board, colourOptions, column, label, plainOptions, project, task, taskDetail } from './board-fixtures.js';

const web = project(1, 'WEB', 'Website');
const first = task(11, 'First', { id: 1, ref: 'WEB-1', ticket: 1 });
const second = task(11, 'Second', { id: 2, ref: 'WEB-2', ticket: 2 });
const twelfth = task(12, 'Twelfth', { id: 12, ref: 'WEB-12', ticket: 12 });
const shown = board([column(11, 'Todo', [first, second]), column(12, 'Done', [twelfth])], [label(7, 'bug'), label(8, 'ux')], web);
const start: BoardState = applyBoard({ ...initialState({ width: 120, height: 40 }, 'me'), projects: [web] }, shown);
const ctx = { keymap: buildKeymap(DEFAULT_BINDINGS), options: plainOptions, projectId: web.id };

const keys = (...names: string[]) => names.map(key);
const text = (t: string) => Array.from(t).map(key);

const run = (state: BoardState, inputs: InputEvent[]) => routeAll(state, inputs, ctx);

const detail = taskDetail(first, {
  blocks: [{ id: 12, ref: 'WEB-12', title: 'Twelfth', columnId: 12 }],
  related: [{ id: 99, ref: 'WEB-99', title: 'Archived one', columnId: 11 }],
  comments: [
    { id: 5, taskId: 1, body: 'mine', author: 'me', createdAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-01T10:00:00.000Z' },
    { id: 6, taskId: 1, body: 'theirs', author: 'bob', createdAt: '2026-06-02T10:00:00.000Z', updatedAt: '2026-06-02T10:00:00.000Z' },
  ],
});
const viewing = pushOverlay(start, { kind: 'task', taskId: 1, detail, gone: false, scroll: 0 });

test('Tab walks the relations, then the comments, and wraps; the selection shows with ▶', () => {
  assert.equal(nextItemKey(detail, null, 1), 'relation:blocks:12');
  assert.equal(nextItemKey(detail, 'comment:6', 1), 'relation:blocks:12');
  assert.equal(nextItemKey(detail, null, -1), 'comment:6');
  const { state } = run(viewing, keys('TAB', 'TAB', 'TAB'));
  const view = topOverlay(state);
  assert.equal(view?.kind === 'task' && view.selected, 'comment:5');
  const screen = renderToText(state, { width: 120, height: 40 }, plainOptions);
  assert.match(screen, /▶ me \(you\) · 2026-06-01 10:00/);
  assert.match(screen, /Enter: edit · d: delete/);
});

test('Enter on a relation selects its card in its column and opens its view; Esc leaves it selected', () => {
  const { state, effects } = run(viewing, keys('TAB', 'ENTER'));
  assert.deepEqual(effects, [{ kind: 'loadTaskView', taskId: 12 }]);
  assert.equal(selectedTask(state)?.ref, 'WEB-12');
  assert.equal(state.selection.columnIndex, 1);
  const view = topOverlay(state);
  assert.equal(view?.kind === 'task' && view.taskId, 12);
  assert.equal(state.overlays.length, 1, 'the related view replaces the first');
  assert.equal(run(state, keys('ESCAPE')).state.overlays.length, 0);
});

test('Enter on a relation whose card is not on the board asks the daemon where it is', () => {
  const { effects } = run(viewing, keys('SHIFT_TAB', 'SHIFT_TAB', 'SHIFT_TAB', 'ENTER'));
  assert.deepEqual(effects, [{ kind: 'jumpToTask', taskId: 99, ref: 'WEB-99', title: 'Archived one' }]);
});

test('Enter on a relation hidden by the filter clears the filter', () => {
  const filtered = run(start, [key('/'), ...text('First'), key('ENTER')]).state;
  const view = pushOverlay(filtered, { kind: 'task', taskId: 1, detail, gone: false, scroll: 0 });
  const { state } = run(view, keys('TAB', 'ENTER'));
  assert.equal(state.filter, '');
  assert.equal(selectedTask(state)?.ref, 'WEB-12');
});

test('c, a comment and Enter, typed ahead, become one comment.add prompt submission', () => {
  const { state, effects } = run(viewing, [key('c'), ...text('Looks good'), key('ENTER')]);
  assert.deepEqual(effects, [{ kind: 'submitPrompt', purpose: { action: 'addComment', taskId: 1, ref: 'WEB-1', title: 'First' }, text: 'Looks good', projectId: 1 }]);
  assert.equal(topOverlay(state)?.kind, 'prompt');
  assert.deepEqual(run(viewing, keys('C')).effects, [{ kind: 'editCommentInEditor', task: { taskId: 1, ref: 'WEB-1', title: 'First' }, comment: null }]);
});

test('only your own comment can be edited or deleted', () => {
  const mine = run(viewing, keys('SHIFT_TAB', 'SHIFT_TAB', 'ENTER'));
  const prompt = topOverlay(mine.state);
  assert.equal(prompt?.kind === 'prompt' && prompt.input.chars.join(''), 'mine');
  assert.deepEqual(prompt?.kind === 'prompt' && prompt.purpose, { action: 'editComment', commentId: 5, taskId: 1, ref: 'WEB-1', title: 'First' });

  const deleting = run(viewing, keys('SHIFT_TAB', 'SHIFT_TAB', 'd', 'y'));
  assert.deepEqual(deleting.effects, [{ kind: 'confirmed', purpose: { action: 'deleteComment', commentId: 5, taskId: 1, ref: 'WEB-1', title: 'First' } }]);

  for (const k of ['ENTER', 'd']) {
    const theirs = run(viewing, keys('SHIFT_TAB', k, 'y'));
    assert.deepEqual(theirs.effects, []);
    assert.match(theirs.state.message?.text ?? '', /only your own comments can be .* on WEB-1 is by bob/);
  }
});

test('d on a relation asks, naming both cards, and y unlinks it', () => {
  const asked = run(viewing, keys('TAB', 'd'));
  const confirm = topOverlay(asked.state);
  assert.equal(confirm?.kind === 'confirm' && confirm.text, 'Unlink: WEB-1 "First" is no longer blocking WEB-12 "Twelfth"?');
  const { effects } = run(asked.state, keys('y'));
  assert.deepEqual(effects, [
    { kind: 'confirmed', purpose: { action: 'unlink', relation: 'blocks', task: { taskId: 1, ref: 'WEB-1', title: 'First' }, other: { taskId: 12, ref: 'WEB-12', title: 'Twelfth' } } },
  ]);
});

test('g G Home End scroll the task view to its top and bottom', () => {
  const long = taskDetail(first, { description: Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n\n') });
  const view = pushOverlay(start, { kind: 'task', taskId: 1, detail: long, gone: false, scroll: 0 });
  const scrollOf = (s: BoardState) => (topOverlay(s) as { scroll: number }).scroll;
  const bottom = run(view, keys('G')).state;
  assert.ok(scrollOf(bottom) > 100);
  assert.equal(scrollOf(run(bottom, keys('g')).state), 0);
  assert.equal(scrollOf(run(view, keys('END')).state), scrollOf(bottom));
  assert.equal(scrollOf(run(bottom, keys('HOME')).state), 0);
  assert.match(renderToText(bottom, { width: 120, height: 40 }, plainOptions), /line 79/);
});

test('the description is shown as Markdown', () => {
  const md = taskDetail(first, { description: '# Plan\n\n- **strongword**\n- `codeword`\n\n1. first\n2. second' });
  const screen = renderToText(pushOverlay(start, { kind: 'task', taskId: 1, detail: md, gone: false, scroll: 0 }), { width: 120, height: 40 }, plainOptions);
  assert.match(screen, /│ Plan\s/);
  assert.match(screen, /• strongword/);
  assert.match(screen, /• codeword/);
  assert.match(screen, /1\. first/);
  assert.doesNotMatch(screen, /\*\*strongword\*\*|# Plan|`codeword`/);

  // In colour, the theme styles them: the heading bold and underlined, code on the input's background.
  const canvas = renderScreen(pushOverlay(start, { kind: 'task', taskId: 1, detail: md, gone: false, scroll: 0 }), { width: 120, height: 40 }, colourOptions);
  const cellOf = (text: string) => {
    for (const row of canvas.rows) {
      const line = row.map((c) => c.char).join('');
      const at = line.indexOf(text);
      if (at >= 0) return row[at]!;
    }
    return null;
  };
  assert.deepEqual([cellOf('Plan')?.style.bold, cellOf('Plan')?.style.underline], [true, true]);
  assert.equal(cellOf('strongword')?.style.bold, true);
  assert.equal(cellOf('codeword')?.style.bg, colourOptions.theme.input.bg);
  assert.notEqual(cellOf('first')?.style.bold, true);
});

test('link params read the relation from the shown task', () => {
  assert.deepEqual(linkParams('parent', 1, 2), { taskId: 1, kind: 'parent', targetId: 2 });
  assert.deepEqual(linkParams('child', 1, 2), { taskId: 2, kind: 'parent', targetId: 1 });
  assert.deepEqual(linkParams('blocks', 1, 2), { taskId: 1, kind: 'blocks', targetId: 2 });
  assert.deepEqual(linkParams('blockedBy', 1, 2), { taskId: 2, kind: 'blocks', targetId: 1 });
  assert.deepEqual(linkParams('related', 1, 2), { taskId: 1, kind: 'related', targetId: 2 });
});

test('the picker matches ref or title, the exact ref first, never the task itself', () => {
  const candidates = (query: string) => linkCandidates(shown, { taskId: 1, input: lineInput(query) }).map((t) => t.ref);
  assert.deepEqual(candidates(''), ['WEB-2', 'WEB-12']);
  assert.deepEqual(candidates('2'), ['WEB-2', 'WEB-12']);
  assert.deepEqual(candidates('web-12'), ['WEB-12']);
  assert.deepEqual(candidates('twel'), ['WEB-12']);
  assert.deepEqual(candidates('first'), []);
});

test('r, a query, Tab for the relation and Enter, typed ahead, link the card picked', () => {
  const { state, effects } = run(start, [key('r'), ...text('twel'), key('TAB'), key('TAB'), key('ENTER'), key('x')]);
  assert.equal(effects.length, 1);
  const effect = effects[0]!;
  assert.equal(effect.kind, 'linkTasks');
  if (effect.kind !== 'linkTasks') return;
  assert.equal(effect.picker.relation, 'related', 'blocks → blocked by → related');
  assert.deepEqual(effect.target, { id: 12, ref: 'WEB-12', title: 'Twelfth' });
  const picker = topOverlay(state);
  assert.equal(picker?.kind === 'link' && picker.busy, true, 'the picker waits for the answer; the x behind Enter changed nothing');
  assert.equal(picker?.kind === 'link' && picker.input.chars.join(''), 'twel');

  const none = run(start, [key('r'), ...text('nothing'), key('ENTER')]);
  assert.deepEqual(none.effects, []);
  const after = topOverlay(none.state);
  assert.equal(after?.kind === 'link' && after.error, 'no card matches "nothing"');
});

test('the label manager: a adds, r renames, c recolours from the palette or a hex, d asks', () => {
  const manager = run(start, keys('t')).state;
  assert.equal(topOverlay(manager)?.kind, 'labels');
  assert.match(renderToText(manager, { width: 120, height: 40 }, plainOptions), /▶ {2}bug {2}#336699 · 0 cards/);
  assert.deepEqual(run(manager, [key('a'), ...text('docs'), key('ENTER')]).effects, [{ kind: 'submitPrompt', purpose: { action: 'createLabel' }, text: 'docs', projectId: 1 }]);
  assert.deepEqual(run(manager, [key('j'), key('r'), key('CTRL_U'), ...text('design'), key('ENTER')]).effects, [
    { kind: 'submitPrompt', purpose: { action: 'renameLabel', labelId: 8, name: 'ux' }, text: 'design', projectId: 1 },
  ]);
  assert.deepEqual(run(manager, [key('c'), key('RIGHT'), key('RIGHT'), key('ENTER')]).effects, [{ kind: 'recolourLabel', labelId: 7, name: 'bug', color: '#FFC53D' }]);
  assert.deepEqual(run(manager, [key('c'), ...text('12ab34'), key('ENTER')]).effects, [{ kind: 'recolourLabel', labelId: 7, name: 'bug', color: '#12AB34' }]);
  assert.deepEqual(run(manager, [key('c'), ...text('Teal'), key('ENTER')]).effects, [{ kind: 'recolourLabel', labelId: 7, name: 'bug', color: '#12A594' }]);
  const bad = run(manager, [key('c'), ...text('#12'), key('ENTER')]);
  assert.deepEqual(bad.effects, []);
  const picker = topOverlay(bad.state);
  assert.match(picker?.kind === 'colour' ? (picker.error ?? '') : '', /"#12" is not a colour: write #RRGGBB or one of red, orange/);
  assert.deepEqual(run(manager, keys('j', 'd')).effects, [{ kind: 'askDeleteLabel', labelId: 8, name: 'ux', projectId: 1 }]);
});
