import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialState, type BoardState } from '../../client/board/state/board-state.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { canvasToLines } from '../../client/board/view/canvas.js';
import { renderScreen, renderToText } from '../../client/board/view/render-screen.js';
import { displayWidth } from '../../client/board/view/text-width.js';
import { board, colourOptions, column, plainOptions, project, task } from './board-fixtures.js';
import type { Board } from '../../shared/protocol/index.js';
import { openForm } from '../../client/board/state/edit-form.js';
import { lineInput } from '../../client/board/state/line-input.js';
import type { Overlay } from '../../client/board/state/overlays.js';

function stateFor(b: Board | null, size = { width: 100, height: 30 }, extra: Partial<BoardState> = {}): BoardState {
  const base = { ...initialState(size), projects: b ? [b.project] : [], ...extra };
  return applyBoard(base, b);
}

function lines(state: BoardState, size = state.viewport): string[] {
  return canvasToLines(renderScreen(state, size, plainOptions));
}

test('an empty project says how to add a column, with header and status bar', () => {
  const out = lines(stateFor(board([])));
  assert.match(out[0]!, /WEB · Website/);
  assert.ok(out.some((l) => l.includes('No columns. Press C to add one.')));
  assert.match(out.at(-1)!, /● live/);
  assert.match(out.at(-1)!, /\? help/);
});

test('no project at all says how to create one', () => {
  const out = lines(stateFor(null));
  assert.ok(out.some((l) => l.includes('No projects yet. Press P to create one.')));
});

test('columns show name and task count; cards show ref, title, labels, blocked marker and due date', () => {
  const labels = [
    { id: 1, projectId: 1, name: 'docs', color: '#ff0000' },
    { id: 2, projectId: 1, name: 'ui', color: '#00ff00' },
  ];
  const b = board(
    [
      column(1, 'Todo', [
        task(1, 'Write the README', { id: 1, ref: 'WEB-1', labelIds: [1, 2], dueAt: '2026-07-01', priority: 'high' }),
        task(1, 'Fix login', { id: 2, ref: 'WEB-2', blocked: true }),
      ]),
      column(2, 'Done', []),
    ],
    labels,
  );
  const text = renderToText(stateFor(b), { width: 100, height: 30 }, plainOptions);
  assert.match(text, /Todo +2 /);
  assert.match(text, /Done +0$/m);
  assert.match(text, /WEB-1 ↑ high +due 07-01/);
  assert.match(text, /Write the README/);
  assert.match(text, /\[docs\] \[ui\]/);
  assert.match(text, /WEB-2 ⊘ blocked/);
  assert.match(text, /no cards/);
});

test('the selected card is marked, and only that one', () => {
  const b = board([column(1, 'Todo', [task(1, 'First', { id: 1, ref: 'WEB-1' }), task(1, 'Second', { id: 2, ref: 'WEB-2' })])]);
  const state = { ...stateFor(b), selection: { columnId: 1, columnIndex: 0, taskId: 2, cardIndex: 1 } };
  const out = lines(state);
  const marked = out.filter((l) => l.startsWith('▶'));
  assert.equal(marked.length, 3, 'the three rows of one card are marked');
  assert.ok(marked.some((l) => l.includes('Second')));
  assert.ok(!marked.some((l) => l.includes('First')));
  // With colour on, the selection is a background colour on every cell of the card.
  const canvas = renderScreen(state, state.viewport, colourOptions);
  const secondRow = canvas.rows.findIndex((row) => row.map((c) => c.char).join('').includes('Second'));
  assert.equal(canvas.rows[secondRow]![5]!.style.bg, colourOptions.theme.selectedCard.bg);
  const firstRow = canvas.rows.findIndex((row) => row.map((c) => c.char).join('').includes('First'));
  assert.notEqual(canvas.rows[firstRow]![5]!.style.bg, colourOptions.theme.selectedCard.bg);
});

test('long titles are cut with an ellipsis to the column width', () => {
  const title = 'A very long title that goes on and on well past the width of any column on this screen';
  const b = board([column(1, 'Todo', [task(1, title)]), column(2, 'Doing'), column(3, 'Done')]);
  const out = lines(stateFor(b, { width: 90, height: 20 }));
  const row = out.find((l) => l.includes('A very long'))!;
  assert.match(row, /…/);
  const cell = row.split('│')[0]!;
  assert.ok(displayWidth(cell) <= 30, `first column stays within its width: ${JSON.stringify(cell)}`);
  assert.ok(row.includes('│'), 'the separator to the next column is still there');
});

test('wide characters (CJK, emoji) are measured as two cells and never break the column edge', () => {
  const b = board([
    column(1, 'Todo', [task(1, '修复登录页面的布局问题和其他很多很多的问题'), task(1, '🎉🎉🎉 party party party party party')]),
    column(2, '进行中', [task(2, '日本語のタイトル')]),
    column(3, 'Done'),
  ]);
  const out = lines(stateFor(b, { width: 90, height: 20 }));
  const separatorColumns = (line: string) => {
    const xs: number[] = [];
    let x = 0;
    for (const ch of line) {
      if (ch === '│') xs.push(x);
      x += displayWidth(ch);
    }
    return xs;
  };
  const expected = separatorColumns(out[1]!);
  assert.equal(expected.length, 2);
  for (const line of out.slice(1, 15)) {
    assert.deepEqual(separatorColumns(line), expected, `separators line up in ${JSON.stringify(line)}`);
  }
  assert.ok(out.some((l) => l.includes('修复登录') && l.includes('…')));
  assert.ok(out.some((l) => l.includes('🎉🎉🎉')));
  assert.ok(out.some((l) => l.includes('进行中')));
});

test('more columns than fit scroll sideways with markers for the hidden ones', () => {
  const columns = Array.from({ length: 8 }, (_, i) => column(i + 1, `Col${i + 1}`, [task(i + 1, `card ${i + 1}`)]));
  const b = board(columns);
  let state = stateFor(b, { width: 80, height: 20 });
  let out = lines(state);
  assert.match(out[1]!, /Col1/);
  assert.doesNotMatch(out.join('\n'), /Col5/);
  assert.match(out[1]!, /5»$/);
  state = { ...state, selection: { ...state.selection, columnIndex: 6, columnId: 7 } };
  state = applyBoard(state, b, { columnId: 7 });
  out = lines(state);
  assert.match(out[1]!, /Col7/);
  assert.match(out[1]!, /^«\d/);
  assert.doesNotMatch(out[1]!, /Col1 /);
});

test('long columns scroll with "more" indicators above and below', () => {
  const tasks = Array.from({ length: 20 }, (_, i) => task(1, `card number ${i + 1}`, { id: 500 + i, ref: `WEB-${500 + i}` }));
  const b = board([column(1, 'Todo', tasks)]);
  let state = stateFor(b, { width: 60, height: 20 });
  let out = lines(state);
  // 20 rows leave room for 4 cards of 3 rows and their gaps.
  assert.ok(out.some((l) => l.includes('↓ 16 more')), out.join('\n'));
  assert.ok(!out.some((l) => l.includes('↑')));
  state = applyBoard(state, b, { taskId: 519 });
  out = lines(state);
  assert.ok(out.some((l) => l.includes('card number 20')));
  assert.ok(out.some((l) => l.includes('↑ 16 more')));
  assert.ok(!out.some((l) => l.includes('↓')));
});

test('a tiny terminal shows "terminal too small" and nothing else', () => {
  const b = board([column(1, 'Todo', [task(1, 'x')])]);
  for (const size of [{ width: 20, height: 30 }, { width: 100, height: 5 }, { width: 23, height: 7 }]) {
    const out = lines(stateFor(b, size), size);
    assert.equal(out.length, size.height);
    assert.ok(out.some((l) => l.includes('terminal too small') || l.includes('terminal too')), JSON.stringify(out));
    assert.ok(!out.some((l) => l.includes('Todo')));
    for (const line of out) assert.ok(displayWidth(line) <= size.width);
  }
  const oneByOne = lines(stateFor(b, { width: 1, height: 1 }), { width: 1, height: 1 });
  assert.equal(oneByOne.length, 1);
  assert.ok(displayWidth(oneByOne[0]!) <= 1);
});

test('every line of every size fits the terminal width exactly', () => {
  const b = board([
    column(1, 'Todo', [task(1, '修复登录页面 🎉 with a long tail of words', { dueAt: '2020-01-01', blocked: true, priority: 'critical', type: 'bug' })]),
    column(2, 'In Progress'),
  ]);
  for (let width = 24; width <= 130; width += 7) {
    for (const height of [8, 9, 13, 40]) {
      const canvas = renderScreen(stateFor(b, { width, height }), { width, height }, plainOptions);
      for (const row of canvas.rows) assert.equal(row.length, width);
      for (const line of canvasToLines(canvas)) assert.ok(displayWidth(line) <= width);
    }
  }
});

test('the header shows the neighbouring projects and the status bar the connection state and messages', () => {
  const projects = [project(1, 'API'), project(2, 'WEB', 'Website'), project(3, 'OPS')];
  const b = board([column(1, 'Todo')], [], projects[1]);
  const state = stateFor(b, { width: 100, height: 20 }, { projects });
  const out = lines(state);
  assert.match(out[0]!, /‹ API +WEB · Website +OPS ›/);
  assert.match(out[0]!, /2\/3$/);
  const reconnecting = lines({ ...state, connection: 'reconnecting' });
  assert.match(reconnecting.at(-1)!, /◌ reconnecting/);
  const offline = lines({ ...state, connection: 'offline', message: { text: 'task not found', kind: 'error' } });
  assert.match(offline.at(-1)!, /○ offline +task not found/);
});

test('the help overlay lists every key', () => {
  const b = board([column(1, 'Todo')]);
  const state = { ...stateFor(b, { width: 100, height: 50 }), overlays: [{ kind: 'help' as const, scroll: 0 }] };
  const text = lines(state).join('\n');
  for (const expected of ['h ←', 'l →', 'j ↓', 'k ↑', 'g Home', 'G End', 'Enter space', 'H ', 'L ', 'K ', 'J ', 'C ', 'R ', 'X ', 'P ', '{ ', '} ', '/ ', '? ', 'q Ctrl+C', 'E ']) {
    assert.ok(text.includes(expected), `help mentions ${JSON.stringify(expected)}`);
  }
});

test('dialogs fit any size that is not too small, wide characters included', () => {
  const labels = [{ id: 1, projectId: 1, name: '标签', color: '#123456' }];
  const b = board([column(1, 'Todo', [task(1, '日本語 title 🎉', { id: 7, ref: 'WEB-7', labelIds: [1] })])], labels);
  const detail = {
    ...b.columns[0]!.tasks[0]!,
    description: '第一行\nsecond line with words '.repeat(20),
    createdAt: '2026-01-01T00:00:00.000Z',
    labels,
    parents: [],
    children: [{ id: 8, ref: 'WEB-8', title: '子任务', columnId: 1 }],
    blocks: [],
    blockedBy: [],
    related: [],
    comments: [{ id: 1, taskId: 7, body: 'コメント '.repeat(30), author: 'me', createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' }],
  };
  const form = openForm(detail, labels);
  const overlays: Overlay[] = [
    { kind: 'prompt', title: 'New card in Todo', input: lineInput('漢字'.repeat(40)), purpose: { action: 'createTask', columnId: 1 }, busy: false },
    { kind: 'confirm', title: 'Delete card', text: `Delete WEB-7 "${'長い'.repeat(50)}"?`, purpose: { action: 'deleteTask', taskId: 7, ref: 'WEB-7', title: 'long' } },
    { kind: 'help', scroll: 3 },
    { kind: 'task', taskId: 7, detail, gone: false, scroll: 5 },
    { kind: 'form', form },
    { kind: 'form', form: { ...form, conflict: detail } },
  ];
  for (const overlay of overlays) {
    for (const size of [{ width: 24, height: 8 }, { width: 31, height: 11 }, { width: 80, height: 24 }, { width: 150, height: 50 }]) {
      const state = { ...stateFor(b, size), overlays: [overlay] };
      const canvas = renderScreen(state, size, colourOptions);
      for (const row of canvas.rows) assert.equal(row.length, size.width);
      for (const line of canvasToLines(canvas)) assert.ok(displayWidth(line) <= size.width, `${overlay.kind} at ${size.width}x${size.height}: ${line}`);
    }
  }
  const short = { ...detail, description: '第一行\nsecond line', comments: detail.comments.slice(0, 1) };
  const text = renderToText({ ...stateFor(b), overlays: [{ kind: 'task', taskId: 7, detail: short, gone: false, scroll: 0 }] }, { width: 100, height: 30 }, plainOptions);
  assert.match(text, /第一行/);
  assert.match(text, /Labels: \[标签\]/);
  assert.match(text, /Children: WEB-8 子任务 \(Todo\)/);
  assert.match(text, /Comments \(1\)/);
});
