/** Maps snake_case rows of the database to the camelCase entities of the protocol. */
import type { Selectable } from 'kysely';
import type { Column, Comment, Label, Project } from '../../shared/protocol/index.js';
import type { ColumnsTable, CommentsTable, LabelsTable, ProjectsTable, TasksTable } from '../db/schema.js';

export type ProjectRow = Selectable<ProjectsTable>;
export type ColumnRow = Selectable<ColumnsTable>;
export type TaskRow = Selectable<TasksTable>;
export type LabelRow = Selectable<LabelsTable>;
export type CommentRow = Selectable<CommentsTable>;

export function projectFromRow(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function columnFromRow(row: ColumnRow): Column {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    position: row.position,
    role: row.role,
    wipLimit: row.wip_limit,
  };
}

export function labelFromRow(row: LabelRow): Label {
  return { id: row.id, projectId: row.project_id, name: row.name, color: row.color };
}

export function commentFromRow(row: CommentRow): Comment {
  return {
    id: row.id,
    taskId: row.task_id,
    body: row.body,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A task's human reference: the project key and the ticket number, e.g. WEB-12. */
export function taskRef(projectKey: string, ticket: number): string {
  return `${projectKey}-${ticket}`;
}
