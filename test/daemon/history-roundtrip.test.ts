/**
 * Every mutating method: do, undo, redo, undo again. The data equals the state before
 * (after an undo) or after (after a redo) in a full dump of every table; only version,
 * updated_at and next_ticket differ, and those only rise. Driven through the Dispatcher.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHistoryBench, type HistoryBench } from './history-fixture.js';

let bench: HistoryBench;
let project: any;
let columns: any[];
let tasks: any[];
let label: any;

before(async () => {
  bench = await openHistoryBench();
  project = bench.call('project.create', { name: 'Web', key: 'WEB' }).result;
  columns = bench.call('column.list', { projectId: project.id }).result;
  tasks = [0, 1, 2, 3].map((i) => bench.call('task.create', { projectId: project.id, title: `card ${i}` }).result);
  label = bench.call('label.create', { projectId: project.id, name: 'bug' }).result;
  bench.call('task.setLabels', { id: tasks[1].id, labelIds: [label.id] });
  bench.call('task.link', { taskId: tasks[0].id, kind: 'parent', targetId: tasks[1].id });
  bench.call('comment.add', { taskId: tasks[1].id, body: 'first', author: 'ann' });
});
after(() => bench.close());

/** Bookkeeping values by row, to check they never go back. */
function bookkeeping(): Map<string, number | string> {
  const values = new Map<string, number | string>();
  for (const [table, rows] of Object.entries(bench.dump())) {
    for (const row of rows as Record<string, any>[]) {
      for (const column of ['version', 'updated_at', 'next_ticket']) if (column in row) values.set(`${table}:${row.id}:${column}`, row[column]);
    }
  }
  return values;
}

function assertNeverBack(earlier: Map<string, number | string>, what: string): void {
  for (const [key, value] of bookkeeping()) {
    const was = earlier.get(key);
    if (was !== undefined) assert.ok(value >= was, `${what}: ${key} went back from ${was} to ${value}`);
  }
}

function roundTrip(method: string, params: () => unknown, expectedSummary: RegExp): void {
  test(`${method}: do, undo, redo, undo again restore the data exactly`, () => {
    const before = bench.data();
    const { seq } = bench.call(method as any, params());
    assert.ok(seq > 0, 'the call made a change');
    const afterDo = bench.data();
    assert.notDeepEqual(afterDo, before, 'the call changed data');
    const [logged] = bench.call('history.list', { limit: 1 }).result;
    assert.equal(logged.seq, seq);
    assert.match(logged.summary, expectedSummary);
    assert.equal(logged.method, method);

    let marks = bookkeeping();
    const undo = bench.call('history.undo', { seq });
    assert.ok(undo.seq > seq, 'the undo is a new change with a higher seq');
    assert.equal(undo.result.seq, undo.seq);
    assert.equal(undo.result.undoes, seq);
    assert.match(undo.result.summary, /^undid: /);
    assert.deepEqual(bench.data(), before, 'undo restores the state before');
    assertNeverBack(marks, 'undo');

    marks = bookkeeping();
    const redo = bench.call('history.redo', { seq });
    assert.ok(redo.seq > undo.seq);
    assert.equal(redo.result.undoes, undo.seq);
    assert.match(redo.result.summary, /^redid: /);
    assert.deepEqual(bench.data(), afterDo, 'redo restores the state after, with the same ids');
    assertNeverBack(marks, 'redo');

    const again = bench.call('history.undo', { seq });
    assert.ok(again.seq > redo.seq);
    assert.deepEqual(bench.data(), before, 'a second undo after a redo');
    bench.call('history.redo', { seq });
    assert.deepEqual(bench.data(), afterDo, 'the method\'s effect stays for the next test');
  });
}

roundTrip('project.create', () => ({ name: 'Mobile', key: 'MOB' }), /^created project "Mobile" \(MOB\)$/);
roundTrip('project.update', () => ({ id: project.id, name: 'Website', description: 'the site' }), /^renamed project "Web" → "Website"; edited project "Web" \(description\)$/);
roundTrip('column.create', () => ({ projectId: project.id, name: 'QA', afterId: columns[0].id }), /^created column "QA"$/);
roundTrip('column.update', () => ({ id: columns[1].id, name: 'Review' }), /^renamed column "In Progress" → "Review"$/);
roundTrip('column.update', () => ({ id: columns[0].id, role: 'done' }), /^gave column "Todo" the done role$/);
roundTrip('column.move', () => ({ id: columns[2].id, position: 0 }), /^moved column "Done" to place 1$/);
roundTrip('task.create', () => ({ projectId: project.id, title: 'Fix login', labelIds: [label.id], parentId: tasks[0].id }), /^created WEB-5 "Fix login"$/);
roundTrip('task.update', () => ({ id: tasks[2].id, title: 'renamed', priority: 'high', dueAt: '2030-01-02' }), /^renamed WEB-3 "card 2" → "renamed"; edited WEB-3 \(priority, due date\)$/);
roundTrip('task.move', () => ({ id: tasks[1].id, columnId: columns[2].id }), /^moved WEB-2 Todo → Done$/);
roundTrip('task.move', () => ({ id: tasks[3].id, position: 0 }), /^reordered WEB-4 in Todo$/);
roundTrip('task.setLabels', () => ({ id: tasks[2].id, labelIds: [label.id] }), /^labels of WEB-3: \+bug$/);
roundTrip('task.link', () => ({ taskId: tasks[2].id, kind: 'blocks', targetId: tasks[3].id }), /^linked WEB-3 blocks WEB-4$/);
roundTrip('task.unlink', () => ({ taskId: tasks[0].id, kind: 'parent', targetId: tasks[1].id }), /^unlinked WEB-1 is parent of WEB-2$/);
roundTrip('label.create', () => ({ projectId: project.id, name: 'ui', color: '#112233' }), /^created label "ui"$/);
roundTrip('label.update', () => ({ id: label.id, color: '#445566' }), /^recoloured label "bug" #[0-9a-fA-F]{6} → #445566$/);
roundTrip('comment.add', () => ({ taskId: tasks[2].id, body: 'hello', author: 'bo' }), /^commented on WEB-3$/);
roundTrip('comment.update', () => ({ id: 1, body: 'edited' }), /^edited a comment on WEB-2$/);
roundTrip('comment.delete', () => ({ id: 1 }), /^deleted a comment on WEB-2$/);
roundTrip('task.delete', () => ({ id: tasks[1].id }), /^deleted WEB-2 "card 1"$/);
roundTrip('label.delete', () => ({ id: label.id }), /^deleted label "bug"$/);
roundTrip('column.delete', () => ({ id: columns[0].id, force: true }), /^deleted column "Todo" and its \d cards?$/);
roundTrip('project.delete', () => ({ id: project.id, force: true }), /^deleted project "Website" and its \d+ cards?$/);

test('atomic: one change, undone and redone as one', () => {
  project = bench.call('project.create', { name: 'Web', key: 'WEB' }).result;
  tasks = [bench.call('task.create', { projectId: project.id, title: 'card 0' }).result];
  const before = bench.data();
  const outcome = bench.dispatcher.atomic(
    {
      calls: [
        { method: 'task.create', params: { projectId: project.id, title: 'a' } },
        { method: 'task.update', params: { id: tasks[0].id, title: 'b' } },
      ],
    },
    { actor: 'tester', client: 'test' },
  );
  const seq = outcome.change!.seq;
  const afterDo = bench.data();
  const [logged] = bench.call('history.list', { limit: 1 }).result;
  assert.equal(logged.method, 'atomic');
  assert.match(logged.summary, /^created WEB-2 "a"; renamed WEB-1 "card 0" → "b"$/);
  bench.call('history.undo', { seq });
  assert.deepEqual(bench.data(), before);
  bench.call('history.redo', { seq });
  assert.deepEqual(bench.data(), afterDo);
});

test('tickets are never reused: undoing a create and creating again takes a new ticket', () => {
  const { result, seq } = bench.call('task.create', { projectId: project.id, title: 'ticketed' });
  bench.call('history.undo', { seq });
  const next = bench.call('task.create', { projectId: project.id, title: 'again' }).result;
  assert.ok(next.ticket > result.ticket, `ticket ${next.ticket} after ${result.ticket}`);
  bench.call('history.redo', { seq });
  const tickets = bench.call('task.list', { projectId: project.id }).result.map((t: any) => t.ticket);
  assert.equal(new Set(tickets).size, tickets.length, 'the redone task keeps its own ticket');
  assert.ok(tickets.includes(result.ticket) && tickets.includes(next.ticket));
});

test('undo and redo refuse what is not theirs to do, and change nothing', () => {
  const { seq } = bench.call('task.update', { id: tasks[0].id, title: 'once' });
  const state = bench.dump();
  assert.throws(() => bench.call('history.redo', { seq }), /has not been undone/);
  assert.throws(() => bench.call('history.undo', { seq: 99_999 }), /change 99999 \(never made, or pruned/);
  bench.call('history.undo', { seq });
  const undone = bench.dump();
  assert.throws(() => bench.call('history.undo', { seq }), /is already undone, by change/);
  assert.deepEqual(bench.dump(), undone);
  assert.notDeepEqual(state, undone);
});
