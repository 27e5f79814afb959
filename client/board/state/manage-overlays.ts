/**
 * The board-management dialogs: the project picker (every project with its card count) and
 * the archive view (the project's archived cards), with the reducers that move in them and
 * apply the daemon's answers. Both are members of Overlay (overlays.ts).
 */
import type { TaskSummary } from '../../../shared/protocol/index.js';
import type { BoardState } from './board-state.js';
import { mapOverlays, pushOverlay } from './overlays.js';

export interface ProjectPickerOverlay {
  kind: 'projects';
  /** Index in state.projects (the live list). */
  index: number;
  /** Cards per project id (archived ones not counted); null while loading. */
  counts: Record<number, number> | null;
}

export interface ArchiveOverlay {
  kind: 'archive';
  projectId: number;
  projectKey: string;
  /** null while loading. */
  tasks: TaskSummary[] | null;
  index: number;
}

export function openProjectPicker(state: BoardState): BoardState {
  const current = state.projects.findIndex((p) => p.id === state.board?.project.id);
  return pushOverlay(state, { kind: 'projects', index: Math.max(0, current), counts: null });
}

export function setProjectCounts(state: BoardState, counts: Record<number, number>): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'projects' ? { ...o, counts: { ...o.counts, ...counts } } : o));
}

export function openArchiveView(state: BoardState, projectId: number, projectKey: string): BoardState {
  return pushOverlay(state, { kind: 'archive', projectId, projectKey, tasks: null, index: 0 });
}

/** The archived cards as the daemon listed them; the selection stays on the same card when it can. */
export function setArchivedTasks(state: BoardState, projectId: number, tasks: TaskSummary[]): BoardState {
  return mapOverlays(state, (o) => {
    if (o.kind !== 'archive' || o.projectId !== projectId) return o;
    const selectedId = o.tasks?.[o.index]?.id;
    const kept = selectedId === undefined ? -1 : tasks.findIndex((t) => t.id === selectedId);
    return { ...o, tasks, index: kept >= 0 ? kept : clampIndex(o.index, tasks.length) };
  });
}

export function removeArchivedTask(state: BoardState, taskId: number): BoardState {
  return mapOverlays(state, (o) => {
    if (o.kind !== 'archive' || !o.tasks) return o;
    const tasks = o.tasks.filter((t) => t.id !== taskId);
    return { ...o, tasks, index: clampIndex(o.index, tasks.length) };
  });
}

export function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(index, length - 1));
}
