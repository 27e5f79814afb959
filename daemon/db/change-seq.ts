/** The persisted change sequence: one row in `meta`, bumped inside each changing transaction. */
import type { SyncDb } from './sync-db.js';

const SEQ_KEY = 'change_seq';

export function readSeq(db: SyncDb): number {
  const row = db.first(db.qb.selectFrom('meta').select('value').where('key', '=', SEQ_KEY));
  return row?.value ?? 0;
}

/** Call inside the transaction that changed data, so the new seq commits with it. */
export function bumpSeq(db: SyncDb): number {
  db.run(
    db.qb
      .insertInto('meta')
      .values({ key: SEQ_KEY, value: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('meta.value', '+', 1) }))),
  );
  return readSeq(db);
}
