/**
 * The shapes the daemon returns (CONTRACT section 4), and the closed value sets written once:
 * the param schemas, the CLI's choices and completion all take them from here. No imports,
 * so it is free to load anywhere, the thin client included.
 */

export const PRIORITIES = ['trivial', 'low', 'medium', 'high', 'critical'] as const;
export const TASK_TYPES = ['task', 'feature', 'bug'] as const;
export const COLUMN_ROLES = ['ready', 'in_progress', 'done'] as const;
export const RELATION_KINDS = ['parent', 'blocks', 'related'] as const;

export type Priority = (typeof PRIORITIES)[number];
export type TaskType = (typeof TASK_TYPES)[number];
export type ColumnRole = (typeof COLUMN_ROLES)[number];
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface Project {
  id: number;
  name: string;
  key: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface Column {
  id: number;
  projectId: number;
  name: string;
  position: number;
  role: ColumnRole | null;
  /** Advisory: moves into a full column succeed; clients mark it as over its limit. */
  wipLimit: number | null;
}

export interface Label {
  id: number;
  projectId: number;
  name: string;
  color: string;
}

export interface TaskSummary {
  id: number;
  projectId: number;
  ref: string;
  ticket: number;
  title: string;
  columnId: number;
  position: number;
  priority: Priority;
  type: TaskType;
  dueAt: string | null;
  labelIds: number[];
  blocked: boolean;
  version: number;
  updatedAt: string;
  /** When it was archived; null for a live task. */
  archivedAt: string | null;
}

export interface TaskLink {
  id: number;
  ref: string;
  title: string;
  columnId: number;
}

export interface Comment {
  id: number;
  taskId: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  createdAt: string;
  labels: Label[];
  parents: TaskLink[];
  children: TaskLink[];
  blocks: TaskLink[];
  blockedBy: TaskLink[];
  related: TaskLink[];
  comments: Comment[];
}

export interface BoardColumn extends Column {
  tasks: TaskSummary[];
}

export interface Board {
  project: Project;
  columns: BoardColumn[];
  labels: Label[];
  seq: number;
}

export interface DaemonStatus {
  version: string;
  pid: number;
  startedAt: string;
  uptimeMs: number;
  connections: number;
  subscribers: number;
  seq: number;
  dbPath: string;
  socketPath: string;
  schemaVersion: number;
}

export interface MethodDescription {
  name: string;
  description: string;
  params: unknown;
}

export interface DbChanged {
  seq: number;
  projectId: number | null;
  at: string;
}

export interface Hello {
  version: string;
  seq: number;
}

/** One committed change, as history.list returns it (same seq as its db_changed). */
export interface Change {
  seq: number;
  at: string;
  actor: string | null;
  client: string | null;
  method: string;
  projectId: number | null;
  taskIds: number[];
  summary: string;
  undoable: boolean;
  undoneBy: number | null;
  undoes: number | null;
}

export interface ExportedProject {
  project: Project;
  columns: Column[];
  labels: Label[];
  tasks: TaskDetail[];
}

/** The versioned export document (data.export / data.import). */
export interface PasoExport {
  format: 'paso-export';
  version: 1;
  exportedAt: string;
  projects: ExportedProject[];
}

export interface ImportResult {
  projects: { id: number; key: string }[];
}

export interface BackupResult {
  path: string;
  bytes: number;
}

export interface Ok {
  ok: true;
}
