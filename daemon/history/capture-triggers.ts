/**
 * Change capture: AFTER INSERT/UPDATE/DELETE triggers on every data table write each row's
 * images (JSON, before and after) into change_rows, keyed by the seq the running change
 * will get (the persisted seq + 1: the dispatcher bumps it at the end of each change). So
 * every write path, including methods written later, is recorded without touching its code.
 *
 * The triggers are derived from the live schema at every start rather than frozen in a
 * migration: a later migration that adds a column is captured with no change here. They are
 * dropped while migrations run (a trigger naming a column blocks dropping that column) and
 * any rows such migrations wrote outside a change are discarded.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { DATA_TABLES, readTableShape, type TableShape } from './table-shapes.js';

const PREFIX = 'paso_capture_';

/** The seq of the change in progress, as SQL. */
const NEXT_SEQ = `(COALESCE((SELECT value FROM meta WHERE key = 'change_seq'), 0) + 1)`;

export function dropChangeCapture(sqlite: BetterSqlite3.Database): void {
  const triggers = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${PREFIX}%'`)
    .all() as { name: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER ${quote(name)}`);
}

/** (Re)creates the triggers from the current schema, in one transaction; unchanged ones stay. */
export function installChangeCapture(sqlite: BetterSqlite3.Database): void {
  const wanted = DATA_TABLES.flatMap((table) => {
    const shape = readTableShape(sqlite, table);
    return [triggerSql(shape, 'INSERT', null, 'NEW'), triggerSql(shape, 'UPDATE', 'OLD', 'NEW'), triggerSql(shape, 'DELETE', 'OLD', null)];
  });
  const present = sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${PREFIX}%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const same = present.length === wanted.length && [...wanted].sort().every((sql, i) => sql === [...present].sort()[i]);
  sqlite.transaction(() => {
    if (!same) {
      dropChangeCapture(sqlite);
      for (const sql of wanted) sqlite.exec(sql);
    }
    // Rows written while no change was running (a migration's data fix) belong to no change.
    sqlite.prepare(`DELETE FROM change_rows WHERE seq >= ${NEXT_SEQ}`).run();
  })();
}

function triggerSql(shape: TableShape, event: 'INSERT' | 'UPDATE' | 'DELETE', old: 'OLD' | null, now: 'NEW' | null): string {
  const image = (ref: 'OLD' | 'NEW' | null) =>
    ref === null ? 'NULL' : `json_object(${shape.columns.map((c) => `'${c}', ${ref}.${quote(c)}`).join(', ')})`;
  const keyOf = (ref: 'OLD' | 'NEW') => shape.primaryKey.map((c) => `${ref}.${quote(c)}`).join(` || '|' || `);
  const name = `${PREFIX}${shape.name}_${event.toLowerCase()}`;
  return `CREATE TRIGGER ${quote(name)} AFTER ${event} ON ${quote(shape.name)} BEGIN
    INSERT INTO change_rows (seq, tbl, pk, old, new)
    VALUES (${NEXT_SEQ}, '${shape.name}', ${keyOf(now ?? 'OLD')}, ${image(old)}, ${image(now)});
  END`;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
