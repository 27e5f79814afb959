/**
 * Writes a change's inverse: its row writes undone one by one, newest first (so each step
 * passes through a state that existed, and constraints hold), except positions that only
 * shifted and bookkeeping columns. Then order groups are renumbered and the rows it wrote
 * get a higher version and a new updated_at. Constraint failures surface as RowCollision.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { reorderGroup, type OrderGroup } from './reorder-groups.js';
import { rowKey, type NetRowChange, type RowEvent, type RowImage } from './row-diffs.js';
import { BOOKKEEPING_COLUMNS, ORDERED_TABLES, orderGroupOf, tableShape, type DataTable } from './table-shapes.js';

/** A reversal step hit a constraint: the row it was writing and the database's reason. */
export class RowCollision extends Error {
  constructor(
    readonly tbl: DataTable,
    readonly image: RowImage,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function applyReversal(
  sqlite: BetterSqlite3.Database,
  events: readonly RowEvent[],
  net: ReadonlyMap<string, NetRowChange>,
  now: string,
): void {
  for (const event of [...events].reverse()) {
    const change = net.get(rowKey(event.tbl, event.pk))!;
    if (event.new === null) insertRow(sqlite, event.tbl, event.old!);
    else if (event.old === null) deleteRow(sqlite, event.tbl, event.new);
    else restoreColumns(sqlite, event, change);
  }
  renumberGroups(sqlite, net);
  raiseBookkeeping(sqlite, net, now);
}

function guarded<T>(tbl: DataTable, image: RowImage, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) throw new RowCollision(tbl, image, (error as Error).message);
    throw error;
  }
}

function insertRow(sqlite: BetterSqlite3.Database, tbl: DataTable, image: RowImage): void {
  const columns = tableShape(sqlite, tbl).columns.filter((c) => c in image);
  const sql = `INSERT INTO "${tbl}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  guarded(tbl, image, () => sqlite.prepare(sql).run(...columns.map((c) => image[c])));
}

function deleteRow(sqlite: BetterSqlite3.Database, tbl: DataTable, image: RowImage): void {
  const { primaryKey } = tableShape(sqlite, tbl);
  const sql = `DELETE FROM "${tbl}" WHERE ${primaryKey.map((c) => `"${c}" = ?`).join(' AND ')}`;
  guarded(tbl, image, () => sqlite.prepare(sql).run(...primaryKey.map((c) => image[c])));
}

/** Puts back the columns this write changed, but only data the change as a whole changed. */
function restoreColumns(sqlite: BetterSqlite3.Database, event: RowEvent, change: NetRowChange): void {
  const old = event.old!;
  const now = event.new!;
  const wanted = (column: string) =>
    !BOOKKEEPING_COLUMNS.has(column) && old[column] !== now[column] && (change.fields === 'row' || change.fields.has(column));
  const columns = Object.keys(old).filter(wanted);
  if (columns.length === 0) return;
  const { primaryKey } = tableShape(sqlite, event.tbl);
  const sql = `UPDATE "${event.tbl}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${primaryKey.map((c) => `"${c}" = ?`).join(' AND ')}`;
  guarded(event.tbl, old, () => sqlite.prepare(sql).run(...columns.map((c) => old[c]), ...primaryKey.map((c) => old[c])));
}

/** Every order group the change moved rows into or out of, with the rows it puts back. */
function renumberGroups(sqlite: BetterSqlite3.Database, net: ReadonlyMap<string, NetRowChange>): void {
  const groups = new Map<string, { group: OrderGroup; subjects: Set<number> }>();
  const touch = (tbl: DataTable, key: string | null) => {
    if (key === null) return undefined;
    const id = `${tbl}/${key}`;
    if (!groups.has(id)) groups.set(id, { group: { table: tbl, key }, subjects: new Set() });
    return groups.get(id)!;
  };
  for (const change of net.values()) {
    if (!ORDERED_TABLES.has(change.tbl) || change.shifted) continue;
    if (change.fields !== 'row' && !['position', 'column_id', 'project_id', 'archived_at'].some((f) => (change.fields as Set<string>).has(f))) continue;
    touch(change.tbl, orderGroupOf(change.tbl, change.after));
    const home = touch(change.tbl, orderGroupOf(change.tbl, change.before));
    home?.subjects.add(Number(change.before!.id));
  }
  for (const { group, subjects } of groups.values()) reorderGroup(sqlite, group, subjects);
}

/** Rows the change edited (not merely shifted) get version + 1 and updated_at = now. */
function raiseBookkeeping(sqlite: BetterSqlite3.Database, net: ReadonlyMap<string, NetRowChange>, now: string): void {
  for (const change of net.values()) {
    if (!change.bookkept || change.before === null) continue;
    const shape = tableShape(sqlite, change.tbl);
    const sets = [
      ...(shape.columns.includes('version') ? ['version = version + 1'] : []),
      ...(shape.columns.includes('updated_at') ? ['updated_at = ?'] : []),
    ];
    if (sets.length === 0) continue;
    const params = shape.columns.includes('updated_at') ? [now] : [];
    const where = shape.primaryKey.map((c) => `"${c}" = ?`).join(' AND ');
    sqlite.prepare(`UPDATE "${change.tbl}" SET ${sets.join(', ')} WHERE ${where}`).run(...params, ...shape.primaryKey.map((c) => change.before![c]));
  }
}
