/**
 * What the change log knows about each data table: read from SQLite's own catalogue
 * (columns, primary key, foreign keys), plus the few facts the catalogue cannot say:
 * which columns are bookkeeping and how rows are ordered.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Every table holding user data, parents before children (the order re-inserts need). */
export const DATA_TABLES = ['projects', 'columns', 'labels', 'tasks', 'task_labels', 'relations', 'comments'] as const;

export type DataTable = (typeof DATA_TABLES)[number];

/**
 * Columns an undo never puts back: `version` and `updated_at` rise instead (CONTRACT 4), and
 * `next_ticket` only rises, so a ticket is never handed out twice.
 */
export const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['version', 'updated_at', 'next_ticket']);

export interface TableShape {
  name: DataTable;
  columns: string[];
  primaryKey: string[];
  foreignKeys: { column: string; table: string }[];
}

export function readTableShape(sqlite: BetterSqlite3.Database, table: DataTable): TableShape {
  const info = sqlite.pragma(`table_info(${table})`) as { name: string; pk: number }[];
  const keys = sqlite.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[];
  return {
    name: table,
    columns: info.map((c) => c.name),
    primaryKey: info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name),
    foreignKeys: keys.map((k) => ({ column: k.from, table: k.table })),
  };
}

const shapeCache = new WeakMap<BetterSqlite3.Database, Map<DataTable, TableShape>>();

/** The shape of a table on this connection, read once. */
export function tableShape(sqlite: BetterSqlite3.Database, table: DataTable): TableShape {
  let shapes = shapeCache.get(sqlite);
  if (!shapes) shapeCache.set(sqlite, (shapes = new Map()));
  let shape = shapes.get(table);
  if (!shape) shapes.set(table, (shape = readTableShape(sqlite, table)));
  return shape;
}

export function isDataTable(name: string): name is DataTable {
  return (DATA_TABLES as readonly string[]).includes(name);
}

/**
 * Rows kept in order 0..n-1 within a group: tasks within their column (archived tasks
 * leave the order), columns within their project. Returns the group a row image is in, or
 * null when the row takes no part in an order.
 */
export function orderGroupOf(table: DataTable, row: Record<string, unknown> | null): string | null {
  if (row === null) return null;
  if (table === 'tasks') return row.archived_at == null ? `column:${String(row.column_id)}` : null;
  if (table === 'columns') return `project:${String(row.project_id)}`;
  return null;
}

export const ORDERED_TABLES: ReadonlySet<DataTable> = new Set(['tasks', 'columns']);
