/** Loads one row by id or fails with not_found: the first step of nearly every method. */
import { notFound, validation } from '../../shared/errors.js';
import { statement } from '../db/statement.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ColumnRow, CommentRow, LabelRow, ProjectRow, TaskRow } from './rows.js';

const byId = {
  projects: statement<[id: number], ProjectRow>('SELECT * FROM projects WHERE id = ?'),
  columns: statement<[id: number], ColumnRow>('SELECT * FROM columns WHERE id = ?'),
  tasks: statement<[id: number], TaskRow>('SELECT * FROM tasks WHERE id = ?'),
  labels: statement<[id: number], LabelRow>('SELECT * FROM labels WHERE id = ?'),
  comments: statement<[id: number], CommentRow>('SELECT * FROM comments WHERE id = ?'),
};

export function requireProject(db: SyncDb, id: number, field = 'id'): ProjectRow {
  const row = db.get(byId.projects, id);
  if (!row) throw notFound(`project ${id}`, { id, field });
  return row;
}

export function requireColumn(db: SyncDb, id: number, field = 'id'): ColumnRow {
  const row = db.get(byId.columns, id);
  if (!row) throw notFound(`column ${id}`, { id, field });
  return row;
}

export function requireTask(db: SyncDb, id: number, field = 'id'): TaskRow {
  const row = db.get(byId.tasks, id);
  if (!row) throw notFound(`task ${id}`, { id, field });
  return row;
}

export function requireLabel(db: SyncDb, id: number, field = 'id'): LabelRow {
  const row = db.get(byId.labels, id);
  if (!row) throw notFound(`label ${id}`, { id, field });
  return row;
}

export function requireComment(db: SyncDb, id: number, field = 'id'): CommentRow {
  const row = db.get(byId.comments, id);
  if (!row) throw notFound(`comment ${id}`, { id, field });
  return row;
}

/** Entities only refer to others of their own project: a board never shows foreign rows. */
export function requireSameProject(
  row: { project_id: number },
  projectId: number,
  what: string,
  field: string,
): void {
  if (row.project_id !== projectId) {
    throw validation(`${what} belongs to another project`, { field, projectId: row.project_id });
  }
}
