/**
 * Board management alone, without a terminal: WIP counts and marks in column titles, the
 * move that overfills a column, the header's remote host, the stopped daemon's hint, empty
 * states, and the keys of the project picker and the archive view.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import { parseAgeInput } from '../../client/board/effects/archive-effects.js';
import { initialState, type BoardState } from '../../client/board/state/board-state.js';
import { inputValue } from '../../client/board/state/line-input.js';
import { removeArchivedTask, setArchivedTasks, setProjectCounts } from '../../client/board/state/manage-overlays.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { columnCountText, overLimitText, parseWipInput, wipStatus } from '../../client/board/state/wip-limits.js';
import { canvasToLines } from '../../client/board/view/canvas.js';
import { renderScreen } from '../../client/board/view/render-screen.js';
import type { Board } from '../../shared/protocol/index.js';
import { key, routeAll } from './route-inputs.js';
import { board, colourOptions, column, plainOptions, project, task } from './board-fixtures.js';

const web = project(1, 'WEB', 'Website');
const ops = project(2, 'OPS', 'Operations');

function limited(id: number, name: string, count: number, wipLimit: number | null, role: 'done' | null = null) {
  const tasks = Array.from({ length: count }, (_, i) => task(id, `${name} ${i + 1}`, { id: id * 100 + i, ref: `WEB-${id * 100 + i}` }));
  return { ...column(id, name, tasks), wipLimit, role };
}

function stateFor(b: Board | null, extra: Partial<BoardState> = {}): BoardState {
  return applyBoard({ ...initialState({ width: 120, height: 30 }), projects: [web, ops], ...extra }, b);
}

const ctx = { keymap: buildKeymap(DEFAULT_BINDINGS), options: plainOptions, projectId: web.id };

const run = (state: BoardState, names: string[]) => routeAll(state, names.map(key), ctx);

const lines = (state: BoardState, options = plainOptions) => canvasToLines(renderScreen(state, state.viewport, options));

test('a column title counts against its WIP limit and marks a column over it', () => {
  assert.equal(columnCountText(limited(1, 'Todo', 3, null), 3, false), '3');
  assert.equal(columnCountText(limited(1, 'Review', 3, 4), 3, false), '3/4');
  assert.equal(columnCountText(limited(1, 'Review', 4, 4), 4, false), '4/4', 'full is not over');
  assert.equal(columnCountText(limited(1, 'Review', 5, 4), 5, false), '! 5/4');
  assert.equal(columnCountText(limited(1, 'Review', 5, 4), 2, true), '! 2 of 5/4');
  assert.equal(columnCountText(limited(1, 'Todo', 5, null), 2, true), '2/5');
  assert.deepEqual(wipStatus(limited(1, 'Review', 5, 4)), { count: 5, limit: 4, over: true });
});

test('the header row shows 3/4 and the over-limit mark, in the over-limit style when in colour', () => {
  const state = stateFor(board([limited(1, 'Todo', 3, 4), limited(2, 'Review', 5, 4)]));
  const titles = lines(state)[1]!;
  assert.match(titles, /Todo +3\/4 /);
  assert.match(titles, /Review +! 5\/4/);
  const canvas = renderScreen(state, state.viewport, colourOptions);
  const row = canvas.rows[1]!;
  const markAt = row.findIndex((cell) => cell.char === '!');
  assert.equal(row[markAt]!.style.bg, colourOptions.theme.overLimit.bg);
  const todoCount = canvasToLines(canvas)[1]!.indexOf('3/4');
  assert.notEqual(row[todoCount]!.style.bg, colourOptions.theme.overLimit.bg, 'a column within its limit is not marked');
  const plainRow = renderScreen(state, state.viewport, plainOptions).rows[1]!;
  assert.equal(plainRow[markAt]!.style.underline, true, 'without colour the mark is underlined too');
});

test('moving a card into a full column goes ahead and the status bar says so', () => {
  const state = stateFor(board([limited(1, 'Todo', 1, null), limited(2, 'Review', 4, 4)]));
  const { state: after, effects } = run(state, ['L']);
  assert.equal(effects[0]?.kind, 'moveCard');
  assert.equal(after.board!.columns[1]!.tasks.length, 5);
  assert.equal(after.message?.text, 'moved WEB-100 to Review; Review is over its WIP limit (5/4)');
  assert.equal(overLimitText(after.board, 1), null);
  const within = run(stateFor(board([limited(1, 'Todo', 1, null), limited(2, 'Review', 2, 4)])), ['L']).state;
  assert.equal(within.message, null, 'a move within the limit says nothing');
});

test('W opens a prompt holding the current limit; Enter on an empty one clears it instead of cancelling', () => {
  const state = stateFor(board([limited(1, 'Review', 2, 4)]));
  const opened = run(state, ['W']).state;
  const prompt = opened.overlays.at(-1);
  assert.ok(prompt?.kind === 'prompt');
  assert.equal(inputValue(prompt.input), '4');
  const cleared = run(opened, ['BACKSPACE', 'ENTER']);
  assert.deepEqual(cleared.effects, [{ kind: 'submitPrompt', purpose: { action: 'setWipLimit', columnId: 1, name: 'Review' }, text: '', projectId: 1 }]);
  assert.deepEqual(parseWipInput(''), { limit: null });
  assert.deepEqual(parseWipInput('0'), { limit: null });
  assert.deepEqual(parseWipInput(' 7 '), { limit: 7 });
  assert.match((parseWipInput('-1') as { error: string }).error, /not a WIP limit/);
});

test('x archives the selected card; A asks about the done column, or says there is none', () => {
  const withDone = stateFor(board([limited(1, 'Todo', 2, null), limited(3, 'Done', 2, null, 'done')]));
  assert.deepEqual(run(withDone, ['x']).effects, [{ kind: 'archiveCard', taskId: 100, ref: 'WEB-100', title: 'Todo 1' }]);
  const asked = run(withDone, ['A', '1', '4', 'd', 'ENTER']);
  assert.deepEqual(asked.effects, [{ kind: 'submitPrompt', purpose: { action: 'archiveDone', columnId: 3, name: 'Done' }, text: '14d', projectId: 1 }]);
  const all = run(withDone, ['A', 'ENTER']);
  assert.equal((all.effects[0] as { text: string }).text, '', 'empty: every card in Done');
  const noDone = run(stateFor(board([limited(1, 'Todo', 2, null)])), ['A']);
  assert.match(noDone.state.message!.text, /project WEB has no done column/);
  assert.deepEqual(parseAgeInput('2w'), { days: 14 });
  assert.deepEqual(parseAgeInput('14'), { days: 14 });
  assert.deepEqual(parseAgeInput(''), { days: null });
  assert.ok('error' in parseAgeInput('soon'));
});

test('the archive view lists archived cards, moves, and unarchives the selected one', () => {
  const state = stateFor(board([limited(1, 'Todo', 1, null)]));
  const opened = run(state, ['v']);
  assert.deepEqual(opened.effects, [{ kind: 'loadArchive', projectId: 1 }]);
  assert.ok(lines(opened.state).some((l) => l.includes('Loading…')));
  const archived = [task(1, 'Old one', { id: 7, ref: 'WEB-7' }), task(1, 'Older one', { id: 8, ref: 'WEB-8' })];
  const loaded = setArchivedTasks(opened.state, 1, archived);
  const screen = lines(loaded).join('\n');
  assert.match(screen, /Archived cards of WEB \(2\)/);
  assert.match(screen, /▶ WEB-7 Old one +Todo/);
  const chosen = run(loaded, ['j', 'u']);
  assert.deepEqual(chosen.effects, [{ kind: 'unarchiveCard', taskId: 8, ref: 'WEB-8', title: 'Older one', projectId: 1 }]);
  const after = removeArchivedTask(chosen.state, 8);
  assert.match(lines(after).join('\n'), /▶ WEB-7 Old one/, 'the selection moves to a card still there');
  const empty = setArchivedTasks(opened.state, 1, []);
  assert.match(lines(empty).join('\n'), /no archived cards in WEB \(x archives the selected card\)/);
});

test('the project picker lists every project with its card count and acts on the selected one', () => {
  const state = stateFor(board([limited(1, 'Todo', 1, null)], [], web));
  const opened = run(state, ['p']);
  assert.deepEqual(opened.effects, [{ kind: 'loadProjectCounts' }]);
  const counted = setProjectCounts(opened.state, { 1: 1, 2: 12 });
  const screen = lines(counted).join('\n');
  assert.match(screen, /▶ WEB +Website \(shown\) +1 card/);
  assert.match(screen, /OPS +Operations +12 cards/);
  assert.deepEqual(run(counted, ['j', 'd']).effects, [{ kind: 'askDeleteProject', projectId: 2 }]);
  const rename = run(counted, ['j', 'r']).state.overlays.at(-1);
  assert.ok(rename?.kind === 'prompt');
  assert.equal(inputValue(rename.input), 'Operations');
  assert.deepEqual(rename.purpose, { action: 'renameProject', projectId: 2, key: 'OPS', name: 'Operations' });
  const rekey = run(counted, ['K']).state.overlays.at(-1);
  assert.ok(rekey?.kind === 'prompt' && inputValue(rekey.input) === 'WEB');
  assert.deepEqual(run(counted, ['j', 'ENTER']).effects, [{ kind: 'switchProject', projectId: 2 }]);
  assert.equal(run(counted, ['ESCAPE']).state.overlays.length, 0);
});

test('the header names the remote host; a stopped daemon says how to start it; empty states say what to do', () => {
  const empty = stateFor(board([limited(1, 'Todo', 0, null), limited(2, 'Done', 0, null)]));
  const remote = lines(empty, { ...plainOptions, remoteHost: 'alice@team-host' });
  assert.match(remote[0]!, /WEB · Website .* on alice@team-host/);
  assert.doesNotMatch(lines(empty)[0]!, / on /);
  const out = lines(empty);
  assert.ok(out.some((l) => l.includes('no cards — a: add')));
  assert.match(out.at(-1)!, /WEB has no cards yet: a adds one, p lists projects, \? shows every key/);
  const stopped = lines({ ...empty, connection: 'stopped', connectionDetail: 'the daemon was stopped' });
  assert.match(stopped.at(-1)!, /■ daemon stopped +press r to start it again \(or run paso daemon start\)/);
  assert.deepEqual(run({ ...empty, connection: 'stopped' }, ['r']).effects, [{ kind: 'startDaemon' }]);
  // While the daemon runs, r is the link key (here there is no card to link).
  assert.equal(run(empty, ['r']).state.message?.text, 'no card selected');
  assert.match(run(stateFor(null, { projects: [] }), ['p']).state.message!.text, /no projects yet: press P to create one/);
});
