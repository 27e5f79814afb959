/**
 * One task with everything about it (TaskDetail): what task.get, and every method that
 * changes a task, answer. Plain prepared statements: it runs after every task write.
 */
import { notFound } from '../../shared/errors.js';
import type { RelationKind, TaskDetail, TaskLink } from '../../shared/protocol/index.js';
import { statement } from '../db/statement.js';
import type { SyncDb } from '../db/sync-db.js';
import { isBlockedSql } from './blocked-rule.js';
import { commentFromRow, labelFromRow, taskRef, type CommentRow, type LabelRow, type TaskRow } from './rows.js';

const taskWithKey = statement<[id: number], TaskRow & { project_key: string; blocked: 0 | 1 }>(
  `SELECT task.*, projects.key AS project_key, ${isBlockedSql('task')} AS blocked
     FROM tasks AS task JOIN projects ON projects.id = task.project_id
    WHERE task.id = ?`,
);
const taskLabels = statement<[taskId: number], LabelRow>(
  `SELECT labels.* FROM labels JOIN task_labels ON task_labels.label_id = labels.id
    WHERE task_labels.task_id = ? ORDER BY labels.name COLLATE NOCASE, labels.id`,
);
type LinkRow = { kind: RelationKind; id: number; ticket: number; title: string; column_id: number };
/** Relations from this task, each with the task at the other end, by ticket. */
const outgoingLinks = statement<[taskId: number], LinkRow>(
  `SELECT relations.kind, other.id, other.ticket, other.title, other.column_id
     FROM relations JOIN tasks AS other ON other.id = relations.to_task_id
    WHERE relations.from_task_id = ? ORDER BY other.ticket`,
);
/** Relations to this task, each with the task at the other end, by ticket. */
const incomingLinks = statement<[taskId: number], LinkRow>(
  `SELECT relations.kind, other.id, other.ticket, other.title, other.column_id
     FROM relations JOIN tasks AS other ON other.id = relations.from_task_id
    WHERE relations.to_task_id = ? ORDER BY other.ticket`,
);
const taskComments = statement<[taskId: number], CommentRow>('SELECT * FROM comments WHERE task_id = ? ORDER BY id');

export function taskDetail(db: SyncDb, id: number): TaskDetail {
  const task = db.get(taskWithKey, id);
  if (!task) throw notFound(`task ${id}`, { id });
  const labels = db.rows(taskLabels, id).map(labelFromRow);
  const outgoing = db.rows(outgoingLinks, id);
  const incoming = db.rows(incomingLinks, id);
  const pick = (rows: LinkRow[], kind: RelationKind): TaskLink[] =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => ({ id: row.id, ref: taskRef(task.project_key, row.ticket), title: row.title, columnId: row.column_id }));
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
    labelIds: labels.map((label) => label.id),
    blocked: task.blocked === 1,
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
    // A related link may have been made from either end: merge both, by ticket.
    related: pick([...outgoing, ...incoming].sort((a, b) => a.ticket - b.ticket), 'related'),
    comments: db.rows(taskComments, id).map(commentFromRow),
  };
}
