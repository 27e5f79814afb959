/**
 * In-process change-log fixture: a real SQLite file migrated like the daemon's, driven
 * through the real Dispatcher (the layer below the socket), with full dumps of every data
 * table to compare states before and after undo and redo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { migrateToLatest } from '../../daemon/db/migrations.js';
import { SyncDb } from '../../daemon/db/sync-db.js';
import { Dispatcher, type CallOrigin as Caller } from '../../daemon/dispatcher.js';
import { DATA_TABLES, readTableShape } from '../../daemon/history/table-shapes.js';
import type { DataMethodName } from '../../daemon/services/data-method.js';

/** What an undo may change besides the data itself (CONTRACT 4: only version and updatedAt rise; tickets never go back). */
const BOOKKEEPING = new Set(['version', 'updated_at', 'next_ticket']);

export interface HistoryBench {
  sqlite: BetterSqlite3.Database;
  dispatcher: Dispatcher;
  /** Calls a method as `caller`; returns the result and the seq of its change (0: none). */
  call(method: DataMethodName, params: unknown, caller?: Caller): { result: any; seq: number };
  dump(): Record<string, unknown[]>;
  /** The dump without bookkeeping columns: what must be equal after an undo. */
  data(): Record<string, unknown[]>;
  close(): void;
}

export async function openHistoryBench(): Promise<HistoryBench> {
  const dir = mkdtempSync(join(tmpdir(), 'paso-history-'));
  const sqlite = new Database(join(dir, 'tasks.db'));
  sqlite.pragma('foreign_keys = ON');
  await migrateToLatest(sqlite);
  const dispatcher = new Dispatcher(new SyncDb(sqlite));
  const dump = () => {
    const tables: Record<string, unknown[]> = {};
    // By primary key: a row put back may get a new rowid, which is not data.
    for (const table of DATA_TABLES) {
      const order = readTableShape(sqlite, table).primaryKey.join(', ');
      tables[table] = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
    }
    return tables;
  };
  return {
    sqlite,
    dispatcher,
    call(method, params, caller = { actor: 'tester', client: 'test' }) {
      const outcome = dispatcher.call(method, params, caller);
      return { result: outcome.result, seq: outcome.change?.seq ?? 0 };
    },
    dump,
    data() {
      const tables = dump();
      for (const rows of Object.values(tables)) {
        for (const row of rows as Record<string, unknown>[]) for (const column of BOOKKEEPING) delete row[column];
      }
      return tables;
    },
    close() {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
