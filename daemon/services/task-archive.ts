/**
 * Archiving: an archived task keeps its ref, column, fields, labels, relations and comments,
 * but leaves its column's order (the live tasks close the gap) and so the board and
 * `task.list`. Unarchiving puts it back at the end of its column. Both are no-ops, not
 * errors, when the task is already in the wanted state, so a script can repeat them.
 */
import type { ParamsOf, TaskDetail } from '../../shared/protocol/index.js';
import type { ServiceContext } from './context.js';
import { requireTask } from './lookups.js';
import { ARCHIVED_POSITION, closeGap, countTasksInColumn } from './task-positions.js';
import { taskDetail } from './task-detail.js';

export function archiveTask(params: ParamsOf<'task.archive'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const task = requireTask(db, params.id);
  if (task.archived_at !== null) return taskDetail(db, task.id);
  closeGap(db, task.column_id, task.position, task.id);
  db.run(
    db.qb
      .updateTable('tasks')
      .set((eb) => ({ archived_at: ctx.now, position: ARCHIVED_POSITION, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', task.id),
  );
  ctx.touch(task.project_id);
  return taskDetail(db, task.id);
}

export function unarchiveTask(params: ParamsOf<'task.unarchive'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const task = requireTask(db, params.id);
  if (task.archived_at === null) return taskDetail(db, task.id);
  const position = countTasksInColumn(db, task.column_id);
  db.run(
    db.qb
      .updateTable('tasks')
      .set((eb) => ({ archived_at: null, position, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', task.id),
  );
  ctx.touch(task.project_id);
  return taskDetail(db, task.id);
}
