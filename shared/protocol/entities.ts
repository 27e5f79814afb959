/** The shapes the daemon returns (CONTRACT section 4). Types only: free to import anywhere. */

export type Priority = 'trivial' | 'low' | 'medium' | 'high' | 'critical';
export type TaskType = 'task' | 'feature' | 'bug';
export type ColumnRole = 'ready' | 'in_progress' | 'done';
export type RelationKind = 'parent' | 'blocks' | 'related';

export const PRIORITIES: readonly Priority[] = ['trivial', 'low', 'medium', 'high', 'critical'];
export const TASK_TYPES: readonly TaskType[] = ['task', 'feature', 'bug'];
export const COLUMN_ROLES: readonly ColumnRole[] = ['ready', 'in_progress', 'done'];
export const RELATION_KINDS: readonly RelationKind[] = ['parent', 'blocks', 'related'];

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

export interface Ok {
  ok: true;
}
