/**
 * Reading tasks: summaries of a whole project in a fixed number of queries (never one per
 * column or task), and the detail of one task.
 */
import { sql } from 'kysely';
import { notFound } from '../../shared/errors.js';
import { normalizeQuery, taskMatches } from '../../shared/task-match.js';
import type { ParamsOf, RelationKind, TaskDetail, TaskLink, TaskSummary } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { requireColumn, requireLabel, requireProject, requireSameProject } from './lookups.js';
import { commentFromRow, labelFromRow, taskRef, type ProjectRow, type TaskRow } from './rows.js';

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

/**
 * The blocked rule, written once: a task is blocked when some task that blocks it is open,
 * and a blocker is open unless its column has the done role or it is archived (put away:
 * nobody works on it); in a project without a done column, every live blocker is open. `onlyTaskId` narrows it to one task (task.get).
 */
function blockedTaskIds(db: SyncDb, projectId: number, onlyTaskId?: number): Set<number> {
  let query = db.qb
    .selectFrom('relations')
    .innerJoin('tasks as blocker', 'blocker.id', 'relations.from_task_id')
    .innerJoin('columns as blocker_column', 'blocker_column.id', 'blocker.column_id')
    .select('relations.to_task_id')
    .distinct()
    .where('relations.kind', '=', 'blocks')
    .where('blocker.project_id', '=', projectId)
    .where('blocker.archived_at', 'is', null)
    .where((eb) => eb.or([eb('blocker_column.role', 'is', null), eb('blocker_column.role', '!=', 'done')]));
  if (onlyTaskId !== undefined) query = query.where('relations.to_task_id', '=', onlyTaskId);
  return new Set(db.all(query).map((r) => r.to_task_id));
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

type LinkRow = TaskLink & { kind: RelationKind; ticket: number };

export function taskDetail(db: SyncDb, id: number): TaskDetail {
  const task = db.first(
    db.qb
      .selectFrom('tasks')
      .innerJoin('projects', 'projects.id', 'tasks.project_id')
      .selectAll('tasks')
      .select('projects.key as project_key')
      .where('tasks.id', '=', id),
  );
  if (!task) throw notFound(`task ${id}`, { id });

  const labels = db
    .all(
      db.qb
        .selectFrom('labels')
        .innerJoin('task_labels', 'task_labels.label_id', 'labels.id')
        .selectAll('labels')
        .where('task_labels.task_id', '=', id)
        .orderBy(sql`labels.name COLLATE NOCASE`)
        .orderBy('labels.id'),
    )
    .map(labelFromRow);

  const toLink = (row: { kind: LinkRow['kind']; id: number; ticket: number; title: string; column_id: number }): LinkRow => ({
    kind: row.kind,
    id: row.id,
    ref: taskRef(task.project_key, row.ticket),
    title: row.title,
    columnId: row.column_id,
    ticket: row.ticket,
  });
  const linkColumns = ['other.id', 'other.ticket', 'other.title', 'other.column_id', 'relations.kind'] as const;
  /** Relations from this task (`outgoing`) or to it, each with the task at the other end. */
  const links = (direction: 'outgoing' | 'incoming'): LinkRow[] => {
    const [self, other] = direction === 'outgoing' ? (['from_task_id', 'to_task_id'] as const) : (['to_task_id', 'from_task_id'] as const);
    return db
      .all(
        db.qb
          .selectFrom('relations')
          .innerJoin('tasks as other', 'other.id', `relations.${other}`)
          .select(linkColumns)
          .where(`relations.${self}`, '=', id),
      )
      .map(toLink);
  };
  const outgoing = links('outgoing');
  const incoming = links('incoming');

  const comments = db
    .all(db.qb.selectFrom('comments').selectAll().where('task_id', '=', id).orderBy('id'))
    .map(commentFromRow);

  const pick = (rows: LinkRow[], kind: LinkRow['kind']): TaskLink[] =>
    rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.ticket - b.ticket)
      .map(({ id: linkId, ref, title, columnId }) => ({ id: linkId, ref, title, columnId }));

  return {
    id: task.id,
    projectId: task.project_id,
    ref: taskRef(task.project_key, task.ticket),
    ticket: task.ticket,
    title: task.title,
    columnId: task.column_id,
    position: task.position,
    priority: task.priority,
    type: task.type,
    dueAt: task.due_at,
    labelIds: labels.map((l) => l.id),
    blocked: blockedTaskIds(db, task.project_id, id).has(id),
    version: task.version,
    updatedAt: task.updated_at,
    archivedAt: task.archived_at,
    description: task.description,
    createdAt: task.created_at,
    labels,
    parents: pick(incoming, 'parent'),
    children: pick(outgoing, 'parent'),
    blocks: pick(outgoing, 'blocks'),
    blockedBy: pick(incoming, 'blocks'),
    related: pick([...outgoing, ...incoming], 'related'),
    comments,
  };
}
