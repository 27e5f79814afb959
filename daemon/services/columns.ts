/**
 * Columns of a project: positions are always 0..n-1 and each role (ready, in_progress,
 * done) belongs to at most one column, so giving a column a role takes it from the other.
 */
import { validation } from '../../shared/errors.js';
import type { Column, ColumnRole, Ok, ParamsOf } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { requireColumn, requireProject, requireSameProject } from './lookups.js';
import { columnFromRow, type ColumnRow } from './rows.js';
import { countTasksInColumn } from './task-positions.js';
import { bumpTasksLinkedTo } from './task-versions.js';

export function projectColumns(db: SyncDb, projectId: number): ColumnRow[] {
  return db.all(db.qb.selectFrom('columns').selectAll().where('project_id', '=', projectId).orderBy('position'));
}

export function listColumns(params: ParamsOf<'column.list'>, ctx: ServiceContext): Column[] {
  requireProject(ctx.db, params.projectId, 'projectId');
  return projectColumns(ctx.db, params.projectId).map(columnFromRow);
}

export function createColumn(params: ParamsOf<'column.create'>, ctx: ServiceContext): Column {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  const name = params.name.trim();
  let position: number;
  if (params.afterId !== undefined) {
    const after = requireColumn(db, params.afterId, 'afterId');
    requireSameProject(after, project.id, `column ${after.id}`, 'afterId');
    position = after.position + 1;
  } else {
    position = projectColumns(db, project.id).length;
  }
  const role = params.role ?? null;
  if (role !== null) releaseRole(db, project.id, role);
  db.run(
    db.qb
      .updateTable('columns')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('project_id', '=', project.id)
      .where('position', '>=', position),
  );
  const row = db.all(
    db.qb.insertInto('columns').values({ project_id: project.id, name, position, role }).returningAll(),
  )[0]!;
  ctx.touch(project.id);
  return columnFromRow(row);
}

export function updateColumn(params: ParamsOf<'column.update'>, ctx: ServiceContext): Column {
  const { db } = ctx;
  const current = requireColumn(db, params.id);
  const changes: { name?: string; role?: ColumnRole | null; wip_limit?: number | null } = {};
  if (params.name !== undefined) {
    const name = params.name.trim();
    if (name !== current.name) changes.name = name;
  }
  if (params.role !== undefined && params.role !== current.role) {
    if (params.role !== null) releaseRole(db, current.project_id, params.role);
    changes.role = params.role;
  }
  // Advisory only: nothing refuses a move into a full column; clients show it as over.
  if (params.wipLimit !== undefined && params.wipLimit !== current.wip_limit) changes.wip_limit = params.wipLimit;
  if (Object.keys(changes).length === 0) return columnFromRow(current);
  const row = db.all(db.qb.updateTable('columns').set(changes).where('id', '=', current.id).returningAll())[0]!;
  ctx.touch(current.project_id);
  return columnFromRow(row);
}

export function moveColumn(params: ParamsOf<'column.move'>, ctx: ServiceContext): Column[] {
  const { db } = ctx;
  const moving = requireColumn(db, params.id);
  const order = projectColumns(db, moving.project_id).filter((c) => c.id !== moving.id);
  const target = Math.min(params.position, order.length);
  if (target === moving.position) return [...order.slice(0, target), moving, ...order.slice(target)].map(columnFromRow);
  order.splice(target, 0, moving);
  // A project has a handful of columns: one update per column that changed place is cheap.
  order.forEach((column, position) => {
    if (column.position !== position) {
      db.run(db.qb.updateTable('columns').set({ position }).where('id', '=', column.id));
    }
  });
  ctx.touch(moving.project_id);
  return order.map((column, position) => columnFromRow({ ...column, position }));
}

export function deleteColumn(params: ParamsOf<'column.delete'>, ctx: ServiceContext): Ok {
  const { db } = ctx;
  const column = requireColumn(db, params.id);
  const taskCount = countTasksInColumn(db, column.id);
  const archivedCount = countArchivedInColumn(db, column.id);
  if (taskCount + archivedCount > 0) {
    if (!params.force) {
      // Archived tasks are out of sight: say they exist, or deleting an "empty" column would surprise.
      const archived = archivedCount > 0 ? ` and ${archivedCount} archived task(s)` : '';
      throw validation(`column ${column.name} holds ${taskCount} task(s)${archived}; move them first or use force`, {
        id: column.id,
        taskCount,
        archivedCount,
      });
    }
    bumpTasksLinkedTo(db, (eb) => eb('column_id', '=', column.id), ctx.now);
  }
  // Its tasks, with their labels, relations and comments, go with it (ON DELETE CASCADE).
  db.run(db.qb.deleteFrom('columns').where('id', '=', column.id));
  db.run(
    db.qb
      .updateTable('columns')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('project_id', '=', column.project_id)
      .where('position', '>', column.position),
  );
  ctx.touch(column.project_id);
  return { ok: true };
}

function countArchivedInColumn(db: SyncDb, columnId: number): number {
  const row = db.first(
    db.qb
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('column_id', '=', columnId)
      .where('archived_at', 'is not', null),
  );
  return row?.n ?? 0;
}

/** Takes a role away from whichever column of the project has it. */
function releaseRole(db: SyncDb, projectId: number, role: ColumnRole): void {
  db.run(db.qb.updateTable('columns').set({ role: null }).where('project_id', '=', projectId).where('role', '=', role));
}
