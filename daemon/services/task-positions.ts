/**
 * Keeps task positions in every column exactly 0..n-1 among its live (not archived) tasks:
 * a task leaves a gap that closes behind it, and enters at a position the tasks after it
 * make room for. Archived tasks stand outside the order at ARCHIVED_POSITION.
 */
import { statement } from '../db/statement.js';
import type { SyncDb } from '../db/sync-db.js';

/** The position an archived task holds: outside 0..n-1, so no gap arithmetic reaches it. */
export const ARCHIVED_POSITION = -1;

// `id IS NOT ?` with null excludes nothing. Each filters on archived_at IS NULL, so SQLite
// uses the partial index tasks_live_order (migration 0004).
const columnEnd = statement<[columnId: number], { n: number }>(
  'SELECT COALESCE(MAX(position), -1) + 1 AS n FROM tasks WHERE column_id = ? AND archived_at IS NULL',
);
const isLiveIn = statement<[taskId: number, columnId: number], { one: 1 }>(
  'SELECT 1 AS one FROM tasks WHERE id = ? AND column_id = ? AND archived_at IS NULL',
);
const shiftUp = statement<[columnId: number, position: number, exceptTaskId: number | null]>(
  'UPDATE tasks SET position = position - 1 WHERE column_id = ? AND archived_at IS NULL AND position > ? AND id IS NOT ?',
);
const shiftDown = statement<[columnId: number, position: number, exceptTaskId: number | null]>(
  'UPDATE tasks SET position = position + 1 WHERE column_id = ? AND archived_at IS NULL AND position >= ? AND id IS NOT ?',
);

/**
 * Live tasks of a column (archived ones are not in its order): with positions 0..n-1 that is
 * one past the highest position, found in the index without counting.
 */
export function countTasksInColumn(db: SyncDb, columnId: number, exceptTaskId?: number): number {
  const count = db.get(columnEnd, columnId)!.n;
  return exceptTaskId !== undefined && db.get(isLiveIn, exceptTaskId, columnId) ? count - 1 : count;
}

/** Closes the gap a task at `position` leaves in `columnId` (the task must be gone or excluded). */
export function closeGap(db: SyncDb, columnId: number, position: number, exceptTaskId?: number): void {
  // An archived task leaves no gap: it left the order when it was archived.
  if (position === ARCHIVED_POSITION) return;
  db.exec(shiftUp, columnId, position, exceptTaskId ?? null);
}

/** Makes room at `position` in `columnId`, shifting the tasks from there on down by one. */
export function openGap(db: SyncDb, columnId: number, position: number, exceptTaskId?: number): void {
  db.exec(shiftDown, columnId, position, exceptTaskId ?? null);
}

/** A requested position clamped to 0..count (count: the end, after the last task). */
export function clampPosition(requested: number | undefined, count: number): number {
  if (requested === undefined || requested > count) return count;
  return Math.max(0, requested);
}
