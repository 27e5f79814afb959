/**
 * Task versions: a task's version rises by one, and its updatedAt moves, whenever the task
 * itself changes: its fields, column or position by a move of that task, its labels, or its
 * relations (both ends of a link). Positions shifted by other tasks' moves and comments do
 * not count: they would make an editor's expectedVersion stale for no edit of the task.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SyncDb } from '../db/sync-db.js';

export function bumpTaskVersions(db: SyncDb, taskIds: readonly number[], now: string): void {
  if (taskIds.length === 0) return;
  db.run(
    db.qb
      .updateTable('tasks')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', [...new Set(taskIds)]),
  );
}

/**
 * Bumps every task linked to a task matched by `gone` (about to be deleted), except those
 * matched tasks themselves: their relation lists lose an entry.
 */
export function bumpTasksLinkedTo(
  db: SyncDb,
  gone: (eb: ExpressionBuilder<Database, 'tasks'>) => Expression<SqlBool>,
  now: string,
): void {
  const goneIds = db.qb.selectFrom('tasks').select('id').where(gone);
  db.run(
    db.qb
      .updateTable('tasks')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where((eb) =>
        eb.and([
          eb.not(gone(eb)),
          eb.or([
            eb('id', 'in', eb.selectFrom('relations').select('to_task_id').where('from_task_id', 'in', goneIds)),
            eb('id', 'in', eb.selectFrom('relations').select('from_task_id').where('to_task_id', 'in', goneIds)),
          ]),
        ]),
      ),
  );
}
