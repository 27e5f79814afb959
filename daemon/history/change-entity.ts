/** `changes` rows as the protocol's Change entity, and the lookups history methods share. */
import { notFound } from '../../shared/errors.js';
import type { Change } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ChangesTable } from '../db/schema.js';

export type ChangeRow = ChangesTable;

export function readChange(db: SyncDb, seq: number): ChangeRow | undefined {
  return db.first(db.qb.selectFrom('changes').selectAll().where('seq', '=', seq));
}

export function requireChange(db: SyncDb, seq: number): ChangeRow {
  const row = readChange(db, seq);
  if (!row) throw notFound(`change ${seq} (never made, or pruned from the history)`, { seq, field: 'seq' });
  return row;
}

export function changeFromRow(row: ChangeRow, undoable: boolean): Change {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    client: row.client,
    method: row.method,
    projectId: row.project_id,
    taskIds: JSON.parse(row.task_ids) as number[],
    summary: row.summary,
    undoable,
    undoneBy: row.undone_by,
    undoes: row.undoes,
  };
}
