/**
 * The dispatcher's hook: called inside a change's transaction right after its seq is
 * assigned, it writes the `changes` row (who, how, which project and tasks, a summary) for
 * the row images the capture triggers have already written under that seq.
 */
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

export function recordChange(db: SyncDb, change: CommittedChange, origin: ChangeOrigin): void {
  const { sqlite } = db;
  const net = [...netChanges(loadEvents(sqlite, change.seq)).values()];
  // history.undo/redo write their own summary and link first (see reverse-change.ts).
  const planned = db.first(db.qb.selectFrom('changes').select(['summary', 'undoes']).where('seq', '=', change.seq));
  const summary = planned?.summary ?? summarizeChange(net, new ChangeNames(sqlite, net), origin.method);
  const taskIds = changedTaskIds(net);
  db.run(
    db.qb
      .insertInto('changes')
      .values({
        seq: change.seq,
        at: change.at,
        actor: origin.actor,
        client: origin.client ?? 'rpc',
        method: origin.method,
        project_id: change.projectId,
        task_ids: JSON.stringify(taskIds),
        summary,
        undoes: planned?.undoes ?? null,
        undone_by: null,
      })
      .onConflict((oc) =>
        oc.column('seq').doUpdateSet((eb) => ({
          at: eb.ref('excluded.at'),
          actor: eb.ref('excluded.actor'),
          client: eb.ref('excluded.client'),
          method: eb.ref('excluded.method'),
          project_id: eb.ref('excluded.project_id'),
          task_ids: eb.ref('excluded.task_ids'),
        })),
      ),
  );
  if (taskIds.length > 0) {
    const rows = taskIds.map((taskId) => ({ task_id: taskId, seq: change.seq }));
    db.run(db.qb.insertInto('change_tasks').values(rows).onConflict((oc) => oc.doNothing()));
  }
  maybePruneHistory(db, change.seq);
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
