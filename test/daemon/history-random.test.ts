/**
 * A long seeded random run of mutations, undos and redos against a model. The model is the
 * stack a user's undo walks: undoing the newest change must restore the data exactly as it
 * was before it, and redoing it the data after it. Undos of random older changes may be
 * refused; a refused one must change nothing. After every step: positions are 0..n-1, no
 * parent or blocks cycle, tickets unique and below next_ticket, which never goes back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openHistoryBench, type HistoryBench } from './history-fixture.js';

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkInvariants(bench: HistoryBench, tickets: Map<number, number>): void {
  const { sqlite } = bench;
  const gaps = sqlite
    .prepare(
      `SELECT column_id AS g, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi, COUNT(DISTINCT position) AS d
       FROM tasks WHERE archived_at IS NULL GROUP BY column_id
       UNION ALL SELECT -project_id, COUNT(*), MIN(position), MAX(position), COUNT(DISTINCT position) FROM columns GROUP BY project_id`,
    )
    .all() as { g: number; n: number; lo: number; hi: number; d: number }[];
  for (const group of gaps) assert.ok(group.lo === 0 && group.hi === group.n - 1 && group.d === group.n, `positions of group ${group.g}: ${JSON.stringify(group)}`);
  const cycle = sqlite
    .prepare(
      `WITH RECURSIVE walk(start, kind, at) AS (
         SELECT from_task_id, kind, to_task_id FROM relations WHERE kind <> 'related'
         UNION SELECT walk.start, walk.kind, r.to_task_id FROM walk JOIN relations r ON r.from_task_id = walk.at AND r.kind = walk.kind)
       SELECT start FROM walk WHERE start = at LIMIT 1`,
    )
    .get();
  assert.equal(cycle, undefined, 'no parent or blocks cycle');
  const clash = sqlite.prepare('SELECT project_id, ticket FROM tasks GROUP BY project_id, ticket HAVING COUNT(*) > 1').get();
  assert.equal(clash, undefined, 'tickets unique in a project');
  for (const row of sqlite.prepare('SELECT p.id, p.next_ticket AS next, MAX(t.ticket) AS top FROM projects p LEFT JOIN tasks t ON t.project_id = p.id GROUP BY p.id').all() as any[]) {
    assert.ok(row.top === null || row.top < row.next, `project ${row.id}: ticket ${row.top} below next_ticket ${row.next}`);
    assert.ok(row.next >= (tickets.get(row.id) ?? 0), `project ${row.id}: next_ticket went back`);
    tickets.set(row.id, row.next);
  }
}

function pick<T>(next: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(next() * items.length)];
}

function randomMutation(bench: HistoryBench, next: () => number): [string, unknown] | undefined {
  const { sqlite } = bench;
  const projects = sqlite.prepare('SELECT id FROM projects').pluck().all() as number[];
  const projectId = pick(next, projects);
  if (projectId === undefined) return ['project.create', { name: `P${Math.floor(next() * 1e6)}` }];
  const columns = sqlite.prepare('SELECT id FROM columns WHERE project_id = ?').pluck().all(projectId) as number[];
  const tasks = sqlite.prepare('SELECT id FROM tasks WHERE project_id = ?').pluck().all(projectId) as number[];
  const labels = sqlite.prepare('SELECT id FROM labels WHERE project_id = ?').pluck().all(projectId) as number[];
  const comments = sqlite.prepare('SELECT c.id FROM comments c JOIN tasks t ON t.id = c.task_id WHERE t.project_id = ?').pluck().all(projectId) as number[];
  const task = pick(next, tasks);
  const other = pick(next, tasks);
  const column = pick(next, columns);
  const choices: [string, unknown][] = [
    ['task.create', { projectId, title: `t${Math.floor(next() * 1e6)}`, ...(column ? { columnId: column } : {}) }],
    ['task.create', { projectId, title: 'more' }],
  ];
  if (projects.length < 3) choices.push(['project.create', { name: `P${Math.floor(next() * 1e6)}` }]);
  if (next() < 0.05) choices.push(['project.delete', { id: projectId, force: true }]);
  choices.push(['project.update', { id: projectId, description: `d${Math.floor(next() * 100)}` }]);
  if (columns.length < 5) choices.push(['column.create', { projectId, name: `C${Math.floor(next() * 1e6)}`, ...(column ? { afterId: column } : {}) }]);
  if (column) {
    choices.push(['column.move', { id: column, position: Math.floor(next() * 5) }]);
    choices.push(['column.update', { id: column, name: `N${Math.floor(next() * 1e6)}` }]);
    choices.push(['column.update', { id: column, role: pick(next, ['ready', 'in_progress', 'done', null]) }]);
    if (next() < 0.2) choices.push(['column.delete', { id: column, force: true }]);
  }
  if (labels.length < 4) choices.push(['label.create', { projectId, name: `L${Math.floor(next() * 1e6)}` }]);
  const label = pick(next, labels);
  if (label) {
    choices.push(['label.update', { id: label, name: `L${Math.floor(next() * 1e6)}` }]);
    if (next() < 0.3) choices.push(['label.delete', { id: label }]);
  }
  if (task) {
    for (let i = 0; i < 3; i++) choices.push(['task.move', { id: task, columnId: pick(next, columns), position: Math.floor(next() * 6) }]);
    choices.push(['task.move', { id: task, position: Math.floor(next() * 6) }]);
    choices.push(['task.update', { id: task, title: `u${Math.floor(next() * 1e6)}`, priority: pick(next, ['low', 'high']) }]);
    choices.push(['task.setLabels', { id: task, labelIds: labels.filter(() => next() < 0.5) }]);
    choices.push(['comment.add', { taskId: task, body: 'c' }]);
    choices.push(['task.delete', { id: task }]);
    if (other !== undefined && other !== task) {
      const kind = pick(next, ['parent', 'blocks', 'related'])!;
      choices.push(['task.link', { taskId: task, kind, targetId: other }]);
      choices.push(['task.unlink', { taskId: task, kind, targetId: other }]);
    }
  }
  const comment = pick(next, comments);
  if (comment) choices.push(['comment.update', { id: comment, body: `e${Math.floor(next() * 100)}` }], ['comment.delete', { id: comment }]);
  return pick(next, choices);
}

for (const seed of [1, 2, 3]) {
  test(`random run ${seed}: mutations, undos and redos keep the model and the invariants`, async () => {
    const bench = await openHistoryBench();
    const next = random(seed);
    const tickets = new Map<number, number>();
    /** Changes the user's undo walks back through, with the data around each. */
    const undoStack: { seq: number; before: unknown; after: unknown }[] = [];
    const redoStack: { seq: number; before: unknown; after: unknown }[] = [];
    let refused = 0;
    let done = 0;
    try {
      for (let step = 0; step < 600; step++) {
        const roll = next();
        if (roll < 0.15 && undoStack.length > 0) {
          const top = undoStack.pop()!;
          bench.call('history.undo', { seq: top.seq });
          assert.deepEqual(bench.data(), top.before, `step ${step}: undo of ${top.seq} restores the data before it`);
          redoStack.push(top);
        } else if (roll < 0.25 && redoStack.length > 0) {
          const top = redoStack.pop()!;
          bench.call('history.redo', { seq: top.seq });
          assert.deepEqual(bench.data(), top.after, `step ${step}: redo of ${top.seq} restores the data after it`);
          undoStack.push(top);
        } else if (roll < 0.35) {
          const seqs = bench.sqlite.prepare('SELECT seq FROM changes').pluck().all() as number[];
          const seq = pick(next, seqs)!;
          const before = bench.dump();
          const lastSeq = bench.sqlite.prepare("SELECT value FROM meta WHERE key = 'change_seq'").pluck().get();
          try {
            bench.call(next() < 0.5 ? 'history.undo' : 'history.redo', { seq });
            undoStack.length = 0;
            redoStack.length = 0;
            done += 1;
          } catch (error: any) {
            assert.ok(['conflict', 'validation'].includes(error.kind), `step ${step}: refused as ${error.kind}: ${error.message}`);
            assert.deepEqual(bench.dump(), before, `step ${step}: a refused ${seq} changes nothing`);
            assert.equal(bench.sqlite.prepare("SELECT value FROM meta WHERE key = 'change_seq'").pluck().get(), lastSeq);
            refused += 1;
          }
        } else {
          const mutation = randomMutation(bench, next);
          if (!mutation) continue;
          const before = bench.data();
          let seq = 0;
          try {
            seq = bench.call(mutation[0] as any, mutation[1]).seq;
          } catch (error: any) {
            assert.ok(error.kind && error.kind !== 'internal', `step ${step}: ${mutation[0]} failed: ${error.message}`);
            continue;
          }
          if (seq === 0) continue;
          undoStack.push({ seq, before, after: bench.data() });
          redoStack.length = 0;
        }
        checkInvariants(bench, tickets);
      }
      assert.ok(done > 0 && refused > 0, `both outcomes of random undos happened (${done} done, ${refused} refused)`);
    } finally {
      bench.close();
    }
  });
}
