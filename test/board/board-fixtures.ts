/** Boards as the daemon returns them, built in memory for the pure rendering and state tests. */
import type { Board, BoardColumn, Change, Label, Project, TaskDetail, TaskSummary } from '../../shared/protocol/index.js';
import { DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import type { RenderOptions } from '../../client/board/view/render-board.js';
import { makeTheme } from '../../client/board/view/theme.js';

export const NOW = new Date('2026-06-15T12:00:00Z');

export const plainOptions: RenderOptions = { theme: makeTheme(false), bindings: DEFAULT_BINDINGS, now: NOW };
export const colourOptions: RenderOptions = { theme: makeTheme(true), bindings: DEFAULT_BINDINGS, now: NOW };

export function project(id: number, key: string, name = key.toLowerCase()): Project {
  return { id, name, key, description: '', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

let nextTaskId = 1000;

export function task(columnId: number, title: string, extra: Partial<TaskSummary> = {}): TaskSummary {
  const id = extra.id ?? nextTaskId++;
  return {
    id,
    projectId: 1,
    ref: `WEB-${id}`,
    ticket: id,
    title,
    columnId,
    position: 0,
    priority: 'medium',
    type: 'task',
    dueAt: null,
    labelIds: [],
    blocked: false,
    version: 1,
    updatedAt: NOW.toISOString(),
    archivedAt: null,
    ...extra,
  };
}

export function column(id: number, name: string, tasks: TaskSummary[] = []): BoardColumn {
  return {
    id,
    projectId: 1,
    name,
    position: id,
    role: null,
    wipLimit: null,
    tasks: tasks.map((t, position) => ({ ...t, columnId: id, position })),
  };
}

export function board(columns: BoardColumn[], labels: Label[] = [], proj = project(1, 'WEB', 'Website')): Board {
  return { project: proj, columns, labels, seq: 1 };
}

export function taskDetail(summary: TaskSummary, extra: Partial<TaskDetail> = {}): TaskDetail {
  return {
    ...summary,
    description: '',
    createdAt: NOW.toISOString(),
    labels: [],
    parents: [],
    children: [],
    blocks: [],
    blockedBy: [],
    related: [],
    comments: [],
    ...extra,
  };
}

export function label(id: number, name: string): Label {
  return { id, projectId: 1, name, color: '#336699' };
}

/** A history entry (history.list) with defaults; extra overrides any field. */
export function change(seq: number, extra: Partial<Change> = {}): Change {
  return {
    seq,
    at: NOW.toISOString(),
    actor: 'alice',
    client: 'board',
    method: 'task.move',
    projectId: 1,
    taskIds: [1],
    summary: `change ${seq}`,
    undoable: true,
    undoneBy: null,
    undoes: null,
    ...extra,
  };
}
