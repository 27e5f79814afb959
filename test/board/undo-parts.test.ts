/**
 * The pure parts of undo and history on the board: the own-change stacks, the history
 * lists' reducers, how a change is told apart as the board's own, the keys, and the views.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeInput } from '../../client/board/control/key-router.js';
import { buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import { callPrint, pickOwnChange } from '../../client/board/effects/own-change-tracker.js';
import { initialState, topOverlay, type BoardState } from '../../client/board/state/board-state.js';
import { bySeq, changeState, moveHistorySelection, openHistory, selectedChange, showHistory, withChanges } from '../../client/board/state/history-list.js';
import { pushOverlay, type HistoryOverlay } from '../../client/board/state/overlays.js';
import {
  forgetOwnChange,
  markRedone,
  markUndone,
  MAX_OWN_CHANGES,
  nextRedo,
  nextUndo,
  NO_OWN_CHANGES,
  recordOwnChange,
  type OwnChanges,
} from '../../client/board/state/own-changes.js';
import { applyBoard } from '../../client/board/state/selection.js';
import { relativeTime } from '../../client/board/view/relative-time.js';
import { renderToText } from '../../client/board/view/render-screen.js';
import { key } from './route-inputs.js';
import { board, change, column, NOW, plainOptions, project, task, taskDetail } from './board-fixtures.js';

const own = (seq: number) => ({ seq, summary: `change ${seq}`, taskIds: [1] });
const seqs = (stacks: OwnChanges) => ({ undo: stacks.undo.map((c) => c.seq), redo: stacks.redo.map((c) => c.seq) });

test('own changes: u takes the newest, Ctrl+R the last undone, a new change clears redo', () => {
  let stacks = recordOwnChange(recordOwnChange(NO_OWN_CHANGES, own(5)), own(8));
  assert.equal(nextUndo(stacks)?.seq, 8);
  stacks = markUndone(stacks, 8);
  stacks = markUndone(stacks, 5);
  assert.deepEqual(seqs(stacks), { undo: [], redo: [8, 5] });
  assert.equal(nextUndo(stacks), null);
  stacks = markRedone(stacks, 5);
  assert.deepEqual(seqs(stacks), { undo: [5], redo: [8] });
  assert.equal(nextRedo(stacks)?.seq, 8);
  stacks = recordOwnChange(stacks, own(12));
  assert.deepEqual(seqs(stacks), { undo: [5, 12], redo: [] }, 'a new change of its own clears redo');
});

test('own changes confirmed out of order stay in seq order; forgetting drops one; the stack is bounded', () => {
  let stacks = recordOwnChange(recordOwnChange(NO_OWN_CHANGES, own(9)), own(7));
  assert.deepEqual(seqs(stacks).undo, [7, 9]);
  assert.deepEqual(seqs(forgetOwnChange(stacks, 9)).undo, [7]);
  assert.equal(forgetOwnChange(stacks, 42), stacks, 'forgetting a change not held changes nothing');
  assert.equal(markUndone(stacks, 42), stacks);
  for (let seq = 100; seq < 100 + MAX_OWN_CHANGES + 10; seq++) stacks = recordOwnChange(stacks, own(seq));
  assert.equal(stacks.undo.length, MAX_OWN_CHANGES);
  assert.equal(nextUndo(stacks)?.seq, 100 + MAX_OWN_CHANGES + 9);
});

test("the board's own change is the one made by a board, by this call's method on its task, after the call was sent, at the reply's instant", () => {
  const print = { method: 'task.move', after: 10, taskId: 1, at: '2026-06-15T12:00:01.000Z' };
  const none = () => false;
  const mine = change(12, { at: '2026-06-15T12:00:01.000Z' });
  const otherBoard = change(13, { at: '2026-06-15T12:00:02.000Z' });
  assert.equal(pickOwnChange([otherBoard, mine], print, none), mine, 'the instant picks it among two board moves of the task');
  assert.equal(pickOwnChange([change(14, { client: 'rpc' }), change(11, { method: 'task.update' })], print, none), null);
  assert.equal(pickOwnChange([change(9)], print, none), null, 'older than what the board had seen when it sent the call');
  assert.equal(pickOwnChange([change(14, { undoes: 3 })], print, none), null, 'an undo is not a new change');
  assert.equal(pickOwnChange([change(14, { taskIds: [2] })], print, none), null, 'another task');
  assert.equal(pickOwnChange([mine], print, (seq) => seq === 12), null, 'already claimed');
  assert.equal(pickOwnChange([otherBoard], { ...print, at: null }, none), otherBoard, 'no instant: the newest match');
});

test('a call print names the task from params or reply, and the instant from the reply', () => {
  const detail = { id: 4, updatedAt: 'T1' };
  assert.deepEqual(callPrint('task.move', { id: 4, columnId: 2 }, detail, 7), { method: 'task.move', after: 7, taskId: 4, at: 'T1' });
  assert.deepEqual(callPrint('task.create', { projectId: 1, title: 'x' }, detail, 7).taskId, 4);
  const save = { calls: [{ method: 'task.update', params: { id: 4, title: 'y' } }, { method: 'task.setLabels', params: { id: 4, labelIds: [] } }] };
  assert.deepEqual(callPrint('atomic', save, [detail, detail], 7), { method: 'atomic', after: 7, taskId: 4, at: 'T1' });
  assert.deepEqual(callPrint('column.create', { projectId: 1, name: 'QA' }, { id: 9, name: 'QA' }, 7), { method: 'column.create', after: 7, taskId: null, at: null });
  assert.equal(callPrint('task.delete', { id: 4 }, { ok: true }, 7).taskId, 4);
  assert.equal(callPrint('comment.add', { taskId: 4, body: 'hi' }, { id: 1, updatedAt: 'T2' }, 7).taskId, 4);
});

test('a fresh history keeps the selection on its change as new ones arrive on top', () => {
  const view: HistoryOverlay = { kind: 'history', projectId: 1, changes: [change(5), change(4), change(3)], selected: 1, scroll: 0 };
  const fresh = withChanges(view, [change(7), change(6), change(5), change(4), change(3)]);
  assert.equal(selectedChange(fresh)?.seq, 4);
  assert.equal(fresh.scroll, 0, 'new changes show on top');
  const pruned = withChanges(view, [change(5)]);
  assert.equal(selectedChange(pruned)?.seq, 5, 'its change gone: the nearest row');
});

test('the history selection moves within the list and scrolls to stay in sight', () => {
  const changes = Array.from({ length: 30 }, (_, i) => change(30 - i));
  let view: HistoryOverlay = { kind: 'history', projectId: 1, changes, selected: 0, scroll: 0 };
  view = moveHistorySelection(view, 12, 10);
  assert.deepEqual([view.selected, view.scroll], [12, 3]);
  view = moveHistorySelection(view, -100, 10);
  assert.deepEqual([view.selected, view.scroll], [0, 0]);
  view = moveHistorySelection(view, 100, 10);
  assert.deepEqual([view.selected, view.scroll], [29, 20]);
});

test("a change's state follows its chain of undos and redos", () => {
  const original = change(5, { undoneBy: 6 });
  const undo = change(6, { undoes: 5, undoneBy: 7 });
  const redo = change(7, { undoes: 6 });
  assert.equal(changeState(original, bySeq([redo, undo, original])), 'redone');
  assert.equal(changeState(original, bySeq([{ ...undo, undoneBy: null }, original])), 'undone');
  assert.equal(changeState(redo, bySeq([redo])), '');
});

test('relative times', () => {
  const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
  assert.equal(relativeTime(at(3_000), NOW), 'just now');
  assert.equal(relativeTime(at(-2_000), NOW), 'just now', 'a clock slightly ahead');
  assert.equal(relativeTime(at(42_000), NOW), '42s ago');
  assert.equal(relativeTime(at(5 * 60_000), NOW), '5m ago');
  assert.equal(relativeTime(at(3 * 3_600_000), NOW), '3h ago');
  assert.equal(relativeTime(at(2 * 86_400_000), NOW), '2d ago');
  assert.equal(relativeTime('2026-05-01T10:00:00.000Z', NOW), '2026-05-01');
});

const web = project(1, 'WEB', 'Website');
const start: BoardState = applyBoard({ ...initialState({ width: 120, height: 30 }), projects: [web] }, board([column(11, 'Todo', [task(11, 'First', { id: 1, ref: 'WEB-1' })]), column(12, 'Done')], [], web));
const ctx = { keymap: buildKeymap(DEFAULT_BINDINGS), options: plainOptions, projectId: web.id };

test('u and Ctrl+R ask for the own undo and redo; y opens the history and loads it', () => {
  assert.deepEqual(routeInput(start, key('u'), ctx).effects, [{ kind: 'reverseOwn', verb: 'undo' }]);
  assert.deepEqual(routeInput(start, key('CTRL_R'), ctx).effects, [{ kind: 'reverseOwn', verb: 'redo' }]);
  const opened = routeInput(start, key('y'), ctx);
  assert.equal(topOverlay(opened.state)?.kind, 'history');
  assert.deepEqual(opened.effects, [{ kind: 'loadHistory', projectId: 1 }]);
});

test('in the history view, keys select a change, undo or redo it, and close', () => {
  const changes = [change(3, { summary: 'moved WEB-1 Todo → Done' }), change(2), change(1)];
  let state = showHistory(openHistory(start, 1), 1, changes);
  state = routeInput(state, key('j'), ctx).state;
  const undo = routeInput(state, key('u'), ctx);
  assert.deepEqual(undo.effects, [{ kind: 'reverseChange', verb: 'undo', change: changes[1] }]);
  assert.deepEqual(routeInput(state, key('CTRL_R'), ctx).effects, [{ kind: 'reverseChange', verb: 'redo', change: changes[1] }]);
  assert.deepEqual(routeInput(state, key('d'), ctx), { state, effects: [] }, 'board keys do nothing under the view');
  assert.equal(routeInput(state, key('ESCAPE'), ctx).state.overlays.length, 0);
});

test('the history view shows when, who and what, the selection marked; the task view its task history', () => {
  const changes = [
    change(3, { summary: 'moved WEB-1 Todo → Done', at: new Date(NOW.getTime() - 120_000).toISOString() }),
    change(2, { summary: 'renamed WEB-1 "A" → "First"', actor: null, client: 'rpc', undoneBy: 4 }),
    change(1, { summary: 'created WEB-1 "A"', actor: 'bob', client: 'mcp' }),
  ];
  const text = renderToText(showHistory(openHistory(start, 1), 1, changes), start.viewport, plainOptions);
  assert.match(text, /▶ #3 +2m ago +alice +moved WEB-1 Todo → Done/);
  assert.match(text, / {3}#2 +just now +rpc +renamed WEB-1 "A" → "First" +\(undone\)/);
  assert.match(text, /#1 +just now +bob \(mcp\) +created WEB-1 "A"/);
  assert.match(text, /u: undo · Ctrl\+R: redo/);
  const loading = renderToText(openHistory(start, 1), start.viewport, plainOptions);
  assert.match(loading, /Loading…/);

  const detail = taskDetail(task(11, 'First', { id: 1, ref: 'WEB-1' }));
  const taskView = pushOverlay(start, { kind: 'task', taskId: 1, detail, gone: false, scroll: 0, history: changes });
  const shown = renderToText(taskView, start.viewport, plainOptions);
  assert.match(shown, /── History/);
  assert.match(shown, /2m ago +alice +moved WEB-1 Todo → Done/);
});
