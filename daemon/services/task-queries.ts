/**
 * Reading tasks: summaries of a whole project in a fixed number of queries (never one per
 * column or task), and the detail of one task.
 */
import { sql } from 'kysely';
import { notFound } from '../../shared/errors.js';
import { normalizeQuery, taskMatches } from '../../shared/task-match.js';
import type { ParamsOf, TaskDetail, TaskSummary } from '../../shared/protocol/index.js';
import { statement } from '../db/statement.js';
import type { SyncDb } from '../db/sync-db.js';
import { isBlockedSql } from './blocked-rule.js';
import type { ServiceContext } from './context.js';
import { requireColumn, requireLabel, requireProject, requireSameProject } from './lookups.js';
import { taskRef, type ProjectRow, type TaskRow } from './rows.js';
import { taskDetail } from './task-detail.js';

export interface SummaryFilter {
  columnId?: number;
  priority?: TaskRow['priority'];
  type?: TaskRow['type'];
  /** true: only archived tasks, newest archived first; otherwise only live ones, in board order. */
  archived?: boolean;
  /** Also load descriptions, for a text query. */
  withDescription?: boolean;
}

type SummaryWithDescription = TaskSummary & { description?: string };

/**
 * A project's live task summaries in board order (by column position, then task position),
 * or its archived ones, most recently archived first (they have no place in a column).
 */
export function projectSummaries(db: SyncDb, project: ProjectRow, filter: SummaryFilter = {}): SummaryWithDescription[] {
  let tasksQuery = db.qb
    .selectFrom('tasks')
    .innerJoin('columns', 'columns.id', 'tasks.column_id')
    .select([
      'tasks.id',
      'tasks.column_id',
      'tasks.ticket',
      'tasks.title',
      'tasks.priority',
      'tasks.type',
      'tasks.due_at',
      'tasks.position',
      'tasks.version',
      'tasks.updated_at',
      'tasks.archived_at',
    ])
    .where('tasks.project_id', '=', project.id);
  tasksQuery = filter.archived
    ? tasksQuery.where('tasks.archived_at', 'is not', null).orderBy('tasks.archived_at', 'desc').orderBy('tasks.id', 'desc')
    : tasksQuery.where('tasks.archived_at', 'is', null).orderBy('columns.position').orderBy('tasks.position');
  if (filter.columnId !== undefined) tasksQuery = tasksQuery.where('tasks.column_id', '=', filter.columnId);
  if (filter.priority !== undefined) tasksQuery = tasksQuery.where('tasks.priority', '=', filter.priority);
  if (filter.type !== undefined) tasksQuery = tasksQuery.where('tasks.type', '=', filter.type);
  const rows = filter.withDescription
    ? db.all(tasksQuery.select('tasks.description'))
    : db.all(tasksQuery).map((row) => ({ ...row, description: undefined }));

  const labelIds = projectTaskLabelIds(db, project.id);
  const blocked = blockedTaskIds(db, project.id);
  return rows.map((row) => {
    const summary: SummaryWithDescription = {
      id: row.id,
      projectId: project.id,
      ref: taskRef(project.key, row.ticket),
      ticket: row.ticket,
      title: row.title,
      columnId: row.column_id,
      position: row.position,
      priority: row.priority,
      type: row.type,
      dueAt: row.due_at,
      labelIds: labelIds.get(row.id) ?? [],
      blocked: blocked.has(row.id),
      version: row.version,
      updatedAt: row.updated_at,
      archivedAt: row.archived_at,
    };
    if (row.description !== undefined) summary.description = row.description;
    return summary;
  });
}

/** Label ids of every task of a project, each list in label-name order. */
function projectTaskLabelIds(db: SyncDb, projectId: number): Map<number, number[]> {
  const rows = db.all(
    db.qb
      .selectFrom('task_labels')
      .innerJoin('labels', 'labels.id', 'task_labels.label_id')
      .select(['task_labels.task_id', 'task_labels.label_id'])
      .where('labels.project_id', '=', projectId)
      .orderBy(sql`labels.name COLLATE NOCASE`)
      .orderBy('labels.id'),
  );
  const byTask = new Map<number, number[]>();
  for (const row of rows) {
    const list = byTask.get(row.task_id);
    if (list) list.push(row.label_id);
    else byTask.set(row.task_id, [row.label_id]);
  }
  return byTask;
}

const blockedInProject = statement<[projectId: number], { id: number }>(
  `SELECT task.id FROM tasks AS task WHERE task.project_id = ? AND ${isBlockedSql('task')}`,
);

/** The project's blocked tasks (blocked-rule.ts). */
function blockedTaskIds(db: SyncDb, projectId: number): Set<number> {
  return new Set(db.rows(blockedInProject, projectId).map((row) => row.id));
}

/** Label names by id, for matching a query against a task's labels. */
function projectLabelNames(db: SyncDb, projectId: number): Map<number, string> {
  const rows = db.all(db.qb.selectFrom('labels').select(['id', 'name']).where('project_id', '=', projectId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function listTasks(params: ParamsOf<'task.list'>, ctx: ServiceContext): TaskSummary[] {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  if (params.columnId !== undefined) {
    requireSameProject(requireColumn(db, params.columnId, 'columnId'), project.id, `column ${params.columnId}`, 'columnId');
  }
  if (params.labelId !== undefined) {
    requireSameProject(requireLabel(db, params.labelId, 'labelId'), project.id, `label ${params.labelId}`, 'labelId');
  }
  const query = normalizeQuery(params.query);
  const filter: SummaryFilter = { withDescription: query !== '' };
  if (params.columnId !== undefined) filter.columnId = params.columnId;
  if (params.priority !== undefined) filter.priority = params.priority;
  if (params.type !== undefined) filter.type = params.type;
  if (params.archived) filter.archived = true;
  // Text, label and blocked filters run here rather than in SQL: LIKE folds ASCII case only,
  // the board matches with the same function, and blocked is derived anyway.
  const labelNames = query === '' ? new Map<number, string>() : projectLabelNames(db, project.id);
  return projectSummaries(db, project, filter)
    .filter((t) => params.labelId === undefined || t.labelIds.includes(params.labelId))
    .filter((t) => params.blocked === undefined || t.blocked === params.blocked)
    .filter((t) => query === '' || taskMatches({ ...t, labelNames: t.labelIds.map((id) => labelNames.get(id) ?? '') }, query))
    .map(({ description: _description, ...summary }) => summary);
}

export function getTask(params: ParamsOf<'task.get'>, ctx: ServiceContext): TaskDetail {
  if ('id' in params) return taskDetail(ctx.db, params.id);
  return taskDetail(ctx.db, taskIdByRef(ctx.db, params.ref));
}

/** The id of the task a ref such as `web-12` names (the key is case-insensitive). */
export function taskIdByRef(db: SyncDb, ref: string): number {
  const match = /^([A-Za-z0-9]+)-(\d+)$/.exec(ref.trim());
  const row = match
    ? db.first(
        db.qb
          .selectFrom('tasks')
          .innerJoin('projects', 'projects.id', 'tasks.project_id')
          .select('tasks.id')
          .where('projects.key', '=', match[1]!.toUpperCase())
          .where('tasks.ticket', '=', Number(match[2])),
      )
    : undefined;
  if (!row) throw notFound(`task ${ref}`, { ref });
  return row.id;
}
