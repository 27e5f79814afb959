/**
 * history.undo and history.redo both reverse the last link of a change's undo chain, as a
 * new change in the running transaction: refused (and nothing written) when a later change
 * in effect wrote the same data, when the inverse would hit a row made or removed since
 * (a foreign key, a unique name, a dependency cycle), or would remove rows made since.
 */
import { conflict } from '../../shared/errors.js';
import type { Change } from '../../shared/protocol/index.js';
import { readSeq } from '../db/change-seq.js';
import type { ServiceContext } from '../services/context.js';
import { applyReversal, RowCollision } from './apply-reversal.js';
import { ChangeNames } from './change-names.js';
import { changeFromRow, readChange, type ChangeRow } from './change-entity.js';
import { chainRoot } from './change-chain.js';
import { findConflict, isSubstantive, lastWriterOf, lastWriterOfTable, NetChangeCache } from './find-conflict.js';
import { recordChange } from './record-change.js';
import { loadEvents, netChanges, rowKey, type NetRowChange } from './row-diffs.js';
import { tableShape } from './table-shapes.js';

export function reverseChange(target: ChangeRow, ctx: ServiceContext, verb: 'undo' | 'redo'): Change {
  const { db } = ctx;
  const { sqlite } = db;
  const nets = new NetChangeCache(db);
  const net = nets.of(target.seq);
  const refuse = (later: ChangeRow | undefined, why: string): never => {
    const by = later ? `change ${later.seq} (${later.summary}${later.actor ? `, by ${later.actor}` : ''})` : 'a later change';
    throw conflict(`cannot ${verb} change ${target.seq} (${target.summary}): ${by} ${why}`, {
      seq: target.seq,
      ...(later ? { change: changeFromRow(later, false) } : {}),
    });
  };

  const later = findConflict(db, target, nets);
  if (later) refuse(later, 'changed the same data since');

  const seq = readSeq(db) + 1;
  const { root, depth } = chainRoot(db, target);
  const summary = `${depth % 2 === 0 ? 'undid' : 'redid'}: ${root.summary}`;
  db.run(db.qb.insertInto('changes').values({ seq, at: ctx.now, client: 'rpc', method: '', summary, undoes: target.seq, task_ids: '[]', actor: null, project_id: null, undone_by: null }));
  db.run(db.qb.updateTable('changes').set({ undone_by: seq }).where('seq', '=', target.seq));

  try {
    applyReversal(sqlite, loadEvents(sqlite, target.seq), net, ctx.now);
  } catch (error) {
    if (!(error instanceof RowCollision)) throw error;
    refuse(collidingChange(ctx, error, target.seq), `made or removed a row this needs (${error.reason})`);
  }
  const cycle = newCycle(ctx, net);
  if (cycle) refuse(lastWriterOfTable(db, 'relations', target.seq), 'linked tasks so that this would make a dependency cycle');
  const collateral = [...netChanges(loadEvents(sqlite, seq)).values()].find(
    (row) => !net.has(rowKey(row.tbl, row.pk)) && isSubstantive(row) && !(row.fields !== 'row' && [...row.fields].every((f) => f === 'position')),
  );
  if (collateral) refuse(lastWriterOf(db, collateral.tbl, collateral.pk, 0), `added ${describeRow(collateral)} that this would remove`);

  touchProjects(ctx, target, net);
  recordChange(db, { seq, at: ctx.now, projectId: target.project_id }, ctx.origin);
  return changeFromRow(readChange(db, seq)!, true);
}

/** The change that removed the parent row an insert needs, else the last to write that table. */
function collidingChange(ctx: ServiceContext, collision: RowCollision, since: number): ChangeRow | undefined {
  const { db } = ctx;
  for (const key of tableShape(db.sqlite, collision.tbl).foreignKeys) {
    const parent = collision.image[key.column];
    if (parent === null || parent === undefined) continue;
    const exists = db.sqlite.prepare(`SELECT 1 FROM "${key.table}" WHERE id = ?`).get(parent);
    if (!exists) return lastWriterOf(db, key.table, String(parent), since, true);
  }
  return lastWriterOfTable(db, collision.tbl, since);
}

/** Whether a parent or blocks link the reversal put back now closes a cycle. */
function newCycle(ctx: ServiceContext, net: ReadonlyMap<string, NetRowChange>): boolean {
  const reaches = ctx.db.sqlite
    .prepare(
      `WITH RECURSIVE reach(id) AS (
         SELECT to_task_id FROM relations WHERE kind = @kind AND from_task_id = @start
         UNION SELECT r.to_task_id FROM relations r JOIN reach ON r.from_task_id = reach.id WHERE r.kind = @kind)
       SELECT 1 FROM reach WHERE id = @goal LIMIT 1`,
    )
    .pluck();
  for (const change of net.values()) {
    if (change.tbl !== 'relations' || change.before === null || change.after !== null) continue;
    const { kind, from_task_id: from, to_task_id: to } = change.before;
    if (kind !== 'related' && reaches.get({ kind, start: to, goal: from })) return true;
  }
  return false;
}

function touchProjects(ctx: ServiceContext, target: ChangeRow, net: ReadonlyMap<string, NetRowChange>): void {
  const names = new ChangeNames(ctx.db.sqlite, net.values());
  const everyone = [...net.values()].some((c) => c.tbl === 'projects' && isSubstantive(c));
  const projects = new Set<number>();
  if (target.project_id !== null) projects.add(target.project_id);
  for (const change of net.values()) {
    const project = names.projectOf(change.tbl, (change.after ?? change.before)!);
    if (typeof project === 'number') projects.add(project);
  }
  if (projects.size === 0) ctx.touch(null);
  for (const project of projects) ctx.touch(project, { everyone });
}

function describeRow(row: NetRowChange): string {
  const noun: Record<string, string> = { tasks: 'a task', comments: 'a comment', task_labels: 'a label on a task', relations: 'a link', columns: 'a column', labels: 'a label', projects: 'a project' };
  return noun[row.tbl] ?? 'a row';
}
