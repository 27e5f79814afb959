/** Writing tasks: create, update, move, delete and set labels, keeping positions 0..n-1. */
import { conflict, notFound, validation } from '../../shared/errors.js';
import type { Ok, ParamsOf, RelationKind, TaskDetail } from '../../shared/protocol/index.js';
import { statement } from '../db/statement.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { normalizeDueAt } from './due-date.js';
import { requireColumn, requireLabel, requireProject, requireSameProject, requireTask } from './lookups.js';
import type { ColumnRow, TaskRow } from './rows.js';
import { clampPosition, closeGap, countTasksInColumn, openGap } from './task-positions.js';
import { taskDetail } from './task-detail.js';
import { bumpTaskVersions, bumpTasksLinkedTo } from './task-versions.js';

const takeTicket = statement<[projectId: number]>('UPDATE projects SET next_ticket = next_ticket + 1 WHERE id = ?');
interface NewTask {
  projectId: number;
  columnId: number;
  ticket: number;
  title: string;
  description: string;
  priority: TaskRow['priority'];
  type: TaskRow['type'];
  dueAt: string | null;
  position: number;
  now: string;
}
const insertTask = statement<[NewTask]>(
  `INSERT INTO tasks (project_id, column_id, ticket, title, description, priority, type, due_at, position, version, created_at, updated_at)
   VALUES (@projectId, @columnId, @ticket, @title, @description, @priority, @type, @dueAt, @position, 1, @now, @now)`,
);
const insertTaskLabel = statement<[taskId: number, labelId: number]>('INSERT INTO task_labels (task_id, label_id) VALUES (?, ?)');
const insertRelation = statement<[kind: RelationKind, fromTaskId: number, toTaskId: number]>(
  'INSERT INTO relations (kind, from_task_id, to_task_id) VALUES (?, ?, ?)',
);
/** The project's `ready` column, else its first. */
const defaultColumnOf = statement<[projectId: number], ColumnRow>(
  `SELECT * FROM columns WHERE project_id = ? ORDER BY CASE WHEN role = 'ready' THEN 0 ELSE 1 END, position LIMIT 1`,
);

export function createTask(params: ParamsOf<'task.create'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  const title = params.title.trim();
  const column = params.columnId !== undefined ? requireColumnOf(db, project.id, params.columnId) : defaultColumn(db, project.id);
  const labelIds = requireProjectLabels(db, project.id, params.labelIds ?? []);
  const parent = params.parentId !== undefined ? requireTask(db, params.parentId, 'parentId') : undefined;
  if (parent) requireSameProject(parent, project.id, `task ${parent.id}`, 'parentId');
  const dueAt = params.dueAt === undefined ? null : normalizeDueAt(params.dueAt);

  // Tickets come from a counter that only rises, so a deleted task's number is never reused.
  const ticket = project.next_ticket;
  db.exec(takeTicket, project.id);
  const { lastInsertRowid: id } = db.exec(insertTask, {
    projectId: project.id,
    columnId: column.id,
    ticket,
    title,
    description: params.description ?? '',
    priority: params.priority ?? 'medium',
    type: params.type ?? 'task',
    dueAt,
    position: countTasksInColumn(db, column.id),
    now: ctx.now,
  });
  for (const labelId of labelIds) db.exec(insertTaskLabel, id, labelId);
  if (parent) {
    db.exec(insertRelation, 'parent', parent.id, id);
    bumpTaskVersions(db, [parent.id], ctx.now);
  }
  ctx.touch(project.id);
  return taskDetail(db, id);
}

export function updateTask(params: ParamsOf<'task.update'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const current = requireTask(db, params.id);
  // Checked before anything else, so a stale editor never half-applies.
  requireVersion(db, current, params.expectedVersion);
  const changes: Partial<Pick<TaskRow, 'title' | 'description' | 'priority' | 'type' | 'due_at'>> = {};
  if (params.title !== undefined) {
    const title = params.title.trim();
    if (title !== current.title) changes.title = title;
  }
  if (params.description !== undefined && params.description !== current.description) {
    changes.description = params.description;
  }
  if (params.priority !== undefined && params.priority !== current.priority) changes.priority = params.priority;
  if (params.type !== undefined && params.type !== current.type) changes.type = params.type;
  if (params.dueAt !== undefined) {
    const dueAt = normalizeDueAt(params.dueAt);
    if (dueAt !== current.due_at) changes.due_at = dueAt;
  }
  if (Object.keys(changes).length > 0) {
    db.run(
      db.qb
        .updateTable('tasks')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: ctx.now }))
        .where('id', '=', current.id),
    );
    ctx.touch(current.project_id);
  }
  return taskDetail(db, current.id);
}

export function moveTask(params: ParamsOf<'task.move'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const task = requireTask(db, params.id);
  requireVersion(db, task, params.expectedVersion);
  if (task.archived_at !== null) {
    throw validation(`task ${taskDetail(db, task.id).ref} is archived; unarchive it before moving it`, {
      id: task.id,
      field: 'id',
      archivedAt: task.archived_at,
    });
  }
  if (params.columnId !== undefined && params.role !== undefined) {
    throw validation('give columnId or role, not both', { field: 'role' });
  }
  let target: ColumnRow;
  if (params.columnId !== undefined) target = requireColumnOf(db, task.project_id, params.columnId);
  else if (params.role !== undefined) target = requireColumnWithRole(db, task.project_id, params.role);
  else target = requireColumn(db, task.column_id);

  const position = clampPosition(params.position, countTasksInColumn(db, target.id, task.id));
  if (target.id === task.column_id && position === task.position) return taskDetail(db, task.id);

  closeGap(db, task.column_id, task.position, task.id);
  openGap(db, target.id, position, task.id);
  db.run(
    db.qb
      .updateTable('tasks')
      .set((eb) => ({ column_id: target.id, position, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', task.id),
  );
  ctx.touch(task.project_id);
  return taskDetail(db, task.id);
}

export function deleteTask(params: ParamsOf<'task.delete'>, ctx: ServiceContext): Ok {
  const { db } = ctx;
  const task = requireTask(db, params.id);
  bumpTasksLinkedTo(db, (eb) => eb('id', '=', task.id), ctx.now);
  // Labels, relations and comments of the task go with it (ON DELETE CASCADE).
  db.run(db.qb.deleteFrom('tasks').where('id', '=', task.id));
  closeGap(db, task.column_id, task.position);
  ctx.touch(task.project_id);
  return { ok: true };
}

export function setTaskLabels(params: ParamsOf<'task.setLabels'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const task = requireTask(db, params.id);
  const wanted = requireProjectLabels(db, task.project_id, params.labelIds);
  const current = db.all(db.qb.selectFrom('task_labels').select('label_id').where('task_id', '=', task.id));
  const unchanged = current.length === wanted.length && current.every((row) => wanted.includes(row.label_id));
  if (!unchanged) {
    db.run(db.qb.deleteFrom('task_labels').where('task_id', '=', task.id));
    if (wanted.length > 0) {
      db.run(db.qb.insertInto('task_labels').values(wanted.map((labelId) => ({ task_id: task.id, label_id: labelId }))));
    }
    bumpTaskVersions(db, [task.id], ctx.now);
    ctx.touch(task.project_id);
  }
  return taskDetail(db, task.id);
}

/** A stale `expectedVersion` is a conflict carrying the task as it is now. */
function requireVersion(db: SyncDb, task: TaskRow, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === task.version) return;
  const current = taskDetail(db, task.id);
  throw conflict(`task ${current.ref} changed: version is ${task.version}, not ${expectedVersion}`, {
    id: task.id,
    expectedVersion,
    current,
  });
}

/** The project's `ready` column, else its first; a project without columns cannot take tasks. */
function defaultColumn(db: SyncDb, projectId: number): ColumnRow {
  const row = db.get(defaultColumnOf, projectId);
  if (!row) throw validation('the project has no columns; create one first', { field: 'columnId', projectId });
  return row;
}

function requireColumnOf(db: SyncDb, projectId: number, columnId: number): ColumnRow {
  const column = requireColumn(db, columnId, 'columnId');
  requireSameProject(column, projectId, `column ${columnId}`, 'columnId');
  return column;
}

function requireColumnWithRole(db: SyncDb, projectId: number, role: NonNullable<ColumnRow['role']>): ColumnRow {
  const column = db.first(
    db.qb.selectFrom('columns').selectAll().where('project_id', '=', projectId).where('role', '=', role),
  );
  if (!column) throw notFound(`column with role ${role}`, { role, field: 'role', projectId });
  return column;
}

/** Distinct label ids, each an existing label of the project. */
function requireProjectLabels(db: SyncDb, projectId: number, labelIds: readonly number[]): number[] {
  const ids = [...new Set(labelIds)];
  for (const id of ids) requireSameProject(requireLabel(db, id, 'labelIds'), projectId, `label ${id}`, 'labelIds');
  return ids;
}
