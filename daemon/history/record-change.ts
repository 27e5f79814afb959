/**
 * The dispatcher's hook: called inside a change's transaction right after its seq is
 * assigned, it writes the `changes` row (who, how, which project and tasks, a summary) for
 * the row images the capture triggers have already written under that seq.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SyncDb } from '../db/sync-db.js';
import { ChangeNames } from './change-names.js';
import { maybePruneHistory } from './prune-history.js';
import { loadEvents, netChanges, type NetRowChange } from './row-diffs.js';
import { summarizeChange } from './summarize-change.js';

/** Who made a change and through what: the connection's `hello`, and the method called. */
export interface ChangeOrigin {
  method: string;
  actor: string | null;
  /** What `hello` said; null (no hello): recorded as `rpc`. */
  client: string | null;
}

export interface CommittedChange {
  seq: number;
  at: string;
  /** The one project changed, or null. */
  projectId: number | null;
}

/** Connections whose changes go unrecorded: only test/bench/history, to measure the log's cost. */
const unlogged = new WeakSet<SyncDb>();

/** Turns the log off on this connection (with dropChangeCapture). For measurement only. */
export function disableChangeLog(db: SyncDb): void {
  unlogged.add(db);
}

export function recordChange(db: SyncDb, change: CommittedChange, origin: ChangeOrigin): void {
  if (unlogged.has(db)) return;
  const { sqlite } = db;
  const statements = statementsFor(sqlite);
  const net = [...netChanges(loadEvents(sqlite, change.seq)).values()];
  // history.undo/redo write their own summary and link first (see reverse-change.ts).
  const planned = statements.planned.get(change.seq) as { summary: string } | undefined;
  const summary = planned?.summary ?? summarizeChange(net, new ChangeNames(sqlite, net), origin.method);
  const taskIds = changedTaskIds(net);
  statements.upsert.run({
    seq: change.seq,
    at: change.at,
    actor: origin.actor,
    client: origin.client ?? 'rpc',
    method: origin.method,
    projectId: change.projectId,
    taskIds: JSON.stringify(taskIds),
    summary,
  });
  for (const taskId of taskIds) statements.task.run(taskId, change.seq);
  maybePruneHistory(db, change.seq);
}

// Prepared once per connection: this runs on every write, and compiling its three kysely
// queries each time took about 30 of the log's 110 µs per write (test/bench/history).
const prepared = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    planned: sqlite.prepare('SELECT summary FROM changes WHERE seq = ?'),
    upsert: sqlite.prepare(
      `INSERT INTO changes (seq, at, actor, client, method, project_id, task_ids, summary)
       VALUES (@seq, @at, @actor, @client, @method, @projectId, @taskIds, @summary)
       ON CONFLICT (seq) DO UPDATE SET at = excluded.at, actor = excluded.actor, client = excluded.client,
         method = excluded.method, project_id = excluded.project_id, task_ids = excluded.task_ids`,
    ),
    task: sqlite.prepare('INSERT OR IGNORE INTO change_tasks (task_id, seq) VALUES (?, ?)'),
  };
}

function statementsFor(sqlite: BetterSqlite3.Database): ReturnType<typeof prepare> {
  let statements = prepared.get(sqlite);
  if (!statements) prepared.set(sqlite, (statements = prepare(sqlite)));
  return statements;
}

/** Tasks the change was about: edited, created or deleted, or whose labels, links or comments changed. */
function changedTaskIds(net: readonly NetRowChange[]): number[] {
  const ids = new Set<number>();
  for (const change of net) {
    const image = (change.after ?? change.before)!;
    const substantive = change.fields === 'row' || change.fields.size > 0;
    if (change.tbl === 'tasks' && substantive) ids.add(Number(image.id));
    else if (change.tbl === 'task_labels' || change.tbl === 'comments') ids.add(Number(image.task_id));
    else if (change.tbl === 'relations') {
      ids.add(Number(image.from_task_id));
      ids.add(Number(image.to_task_id));
    }
  }
  return [...ids].sort((a, b) => a - b);
}
