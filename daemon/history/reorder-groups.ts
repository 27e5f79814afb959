/**
 * After a reversal, puts positions back to 0..n-1 in every order group it touched. The rows
 * the reversal moved (subjects) go to the positions they had, in ascending order, and every
 * other row keeps its relative order around them. With nothing else changed since, that is
 * exactly the order before the reversed change; otherwise it is the closest one that keeps
 * what others did.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DataTable } from './table-shapes.js';

export interface OrderGroup {
  table: DataTable;
  /** `column:12` (tasks of a column) or `project:3` (columns of a project). */
  key: string;
}

const MEMBERS: Partial<Record<DataTable, (id: number) => string>> = {
  tasks: () => 'SELECT id, position FROM tasks WHERE column_id = ? AND archived_at IS NULL',
  columns: () => 'SELECT id, position FROM columns WHERE project_id = ?',
};

export function reorderGroup(sqlite: BetterSqlite3.Database, group: OrderGroup, subjects: ReadonlySet<number>): void {
  const members = MEMBERS[group.table];
  if (!members) return;
  const groupId = Number(group.key.slice(group.key.indexOf(':') + 1));
  const rows = sqlite.prepare(members(groupId)).all(groupId) as { id: number; position: number }[];
  const byPosition = (a: { id: number; position: number }, b: { id: number; position: number }) => a.position - b.position || a.id - b.id;
  const order = rows.filter((r) => !subjects.has(r.id)).sort(byPosition);
  for (const subject of rows.filter((r) => subjects.has(r.id)).sort(byPosition)) {
    order.splice(Math.max(0, Math.min(subject.position, order.length)), 0, subject);
  }
  const update = sqlite.prepare(`UPDATE "${group.table}" SET position = ? WHERE id = ?`);
  order.forEach((row, position) => {
    if (row.position !== position) update.run(position, row.id);
  });
}
