/**
 * The database schema as kysely types: the compiler checks every query against it.
 * Column names are snake_case in SQL; services map rows to the camelCase entities of
 * shared/protocol/entities.ts.
 */
import type { Generated } from 'kysely';
import type { ColumnRole, Priority, RelationKind, TaskType } from '../../shared/protocol/entities.js';

export interface MetaTable {
  key: string;
  value: number;
}

export interface ProjectsTable {
  id: Generated<number>;
  name: string;
  key: string;
  description: string;
  /** The next ticket number to hand out; only ever rises, so tickets are never reused. */
  next_ticket: number;
  created_at: string;
  updated_at: string;
}

export interface ColumnsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  position: number;
  role: ColumnRole | null;
  wip_limit: number | null;
}

export interface TasksTable {
  id: Generated<number>;
  project_id: number;
  column_id: number;
  ticket: number;
  title: string;
  description: string;
  priority: Priority;
  type: TaskType;
  due_at: string | null;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface LabelsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  color: string;
}

export interface TaskLabelsTable {
  task_id: number;
  label_id: number;
}

export interface RelationsTable {
  kind: RelationKind;
  /** parent: from is the parent of to; blocks: from blocks to; related: stored once, from < to. */
  from_task_id: number;
  to_task_id: number;
}

export interface CommentsTable {
  id: Generated<number>;
  task_id: number;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
}

/** One committed change (issue 10); `seq` is the seq of its db_changed. */
export interface ChangesTable {
  seq: number;
  at: string;
  actor: string | null;
  client: string;
  method: string;
  project_id: number | null;
  /** JSON array of task ids. */
  task_ids: string;
  summary: string;
  undoes: number | null;
  undone_by: number | null;
}

/** One row written by a change, as JSON images before (`old`) and after (`new`); null: absent. */
export interface ChangeRowsTable {
  id: Generated<number>;
  seq: number;
  tbl: string;
  /** The row's primary key values joined by '|'. */
  pk: string;
  old: string | null;
  new: string | null;
}

export interface ChangeTasksTable {
  task_id: number;
  seq: number;
}

export interface Database {
  meta: MetaTable;
  projects: ProjectsTable;
  columns: ColumnsTable;
  tasks: TasksTable;
  labels: LabelsTable;
  task_labels: TaskLabelsTable;
  relations: RelationsTable;
  comments: CommentsTable;
  changes: ChangesTable;
  change_rows: ChangeRowsTable;
  change_tasks: ChangeTasksTable;
}
