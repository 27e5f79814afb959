/**
 * Keeps task positions in every column exactly 0..n-1 among its live (not archived) tasks:
 * a task leaves a gap that closes behind it, and enters at a position the tasks after it
 * make room for. Archived tasks stand outside the order at ARCHIVED_POSITION.
 */
import type { SyncDb } from '../db/sync-db.js';

/** The position an archived task holds: outside 0..n-1, so no gap arithmetic reaches it. */
export const ARCHIVED_POSITION = -1;

/** Live tasks of a column (archived ones are not in its order). */
export function countTasksInColumn(db: SyncDb, columnId: number, exceptTaskId?: number): number {
  let query = db.qb
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_id', '=', columnId)
    .where('archived_at', 'is', null);
  if (exceptTaskId !== undefined) query = query.where('id', '<>', exceptTaskId);
  return db.first(query)?.n ?? 0;
}

/** Closes the gap a task at `position` leaves in `columnId` (the task must be gone or excluded). */
export function closeGap(db: SyncDb, columnId: number, position: number, exceptTaskId?: number): void {
  // An archived task leaves no gap: it left the order when it was archived.
  if (position === ARCHIVED_POSITION) return;
  let query = db.qb
    .updateTable('tasks')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('column_id', '=', columnId)
    .where('archived_at', 'is', null)
    .where('position', '>', position);
  if (exceptTaskId !== undefined) query = query.where('id', '<>', exceptTaskId);
  db.run(query);
}

/** Makes room at `position` in `columnId`, shifting the tasks from there on down by one. */
export function openGap(db: SyncDb, columnId: number, position: number, exceptTaskId?: number): void {
  let query = db.qb
    .updateTable('tasks')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('column_id', '=', columnId)
    .where('archived_at', 'is', null)
    .where('position', '>=', position);
  if (exceptTaskId !== undefined) query = query.where('id', '<>', exceptTaskId);
  db.run(query);
}

/** A requested position clamped to 0..count (count: the end, after the last task). */
export function clampPosition(requested: number | undefined, count: number): number {
  if (requested === undefined || requested > count) return count;
  return Math.max(0, requested);
}
