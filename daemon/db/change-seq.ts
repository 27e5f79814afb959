/**
 * The persisted change sequence: one row in `meta`, written inside each changing call's
 * savepoint, so a commit and its seq are durable together. Plain prepared statements: this
 * runs on every write and every board read.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SyncDb } from './sync-db.js';

const SEQ_KEY = 'change_seq';

export class SeqStore {
  private readonly select: BetterSqlite3.Statement<[], { value: number }>;
  private readonly upsert: BetterSqlite3.Statement<[number]>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.select = sqlite.prepare(`SELECT value FROM meta WHERE key = '${SEQ_KEY}'`);
    this.upsert = sqlite.prepare(
      `INSERT INTO meta (key, value) VALUES ('${SEQ_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  read(): number {
    return this.select.get()?.value ?? 0;
  }

  write(seq: number): void {
    this.upsert.run(seq);
  }
}

const stores = new WeakMap<BetterSqlite3.Database, SeqStore>();

/** The seq as this connection sees it (inside a transaction: including its uncommitted calls). */
export function readSeq(db: SyncDb): number {
  let store = stores.get(db.sqlite);
  if (!store) {
    store = new SeqStore(db.sqlite);
    stores.set(db.sqlite, store);
  }
  return store.read();
}
