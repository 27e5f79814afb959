/** The history.* data methods: list the change log, undo a change, redo an undone one. */
import { validation } from '../../shared/errors.js';
import type { Change, ParamsOf } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from '../services/context.js';
import { changeFromRow, requireChange, type ChangeRow } from './change-entity.js';
import { chainEnd } from './change-chain.js';
import { findConflict, NetChangeCache } from './find-conflict.js';
import { reverseChange } from './reverse-change.js';

const DEFAULT_LIMIT = 50;

export function listHistory(params: ParamsOf<'history.list'>, ctx: ServiceContext): Change[] {
  const { db } = ctx;
  let query = db.qb.selectFrom('changes').selectAll();
  if (params.taskId !== undefined) {
    query = query.where('seq', 'in', db.qb.selectFrom('change_tasks').select('seq').where('task_id', '=', params.taskId));
  }
  if (params.projectId !== undefined) query = query.where('project_id', '=', params.projectId);
  if (params.actor !== undefined) query = query.where('actor', '=', params.actor);
  if (params.beforeSeq !== undefined) query = query.where('seq', '<', params.beforeSeq);
  const rows = db.all(query.orderBy('seq', 'desc').limit(params.limit ?? DEFAULT_LIMIT));
  const nets = new NetChangeCache(db);
  return rows.map((row) => changeFromRow(row, isUndoable(db, row, nets)));
}

/** Its effect is in force and no later change in effect wrote the same data. */
function isUndoable(db: SyncDb, row: ChangeRow, nets: NetChangeCache): boolean {
  const { end, reversals } = chainEnd(db, row);
  return reversals % 2 === 0 && findConflict(db, end, nets) === undefined;
}

export function undoChange(params: ParamsOf<'history.undo'>, ctx: ServiceContext): Change {
  const change = requireChange(ctx.db, params.seq);
  const { end, reversals } = chainEnd(ctx.db, change);
  if (reversals % 2 === 1) {
    throw validation(`change ${change.seq} (${change.summary}) is already undone, by change ${end.seq}`, { seq: change.seq, undoneBy: end.seq });
  }
  return reverseChange(end, ctx, 'undo');
}

export function redoChange(params: ParamsOf<'history.redo'>, ctx: ServiceContext): Change {
  const change = requireChange(ctx.db, params.seq);
  const { end, reversals } = chainEnd(ctx.db, change);
  if (reversals % 2 === 0) {
    const why = reversals === 0 ? 'has not been undone' : `is already redone, by change ${end.seq}`;
    throw validation(`change ${change.seq} (${change.summary}) ${why}`, { seq: change.seq });
  }
  return reverseChange(end, ctx, 'redo');
}
