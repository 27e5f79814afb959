/**
 * The dialogs that can sit on top of the board, as plain data (topmost last in the stack),
 * and the reducers that open, change and close them. A new dialog is a new member of
 * Overlay, a case in control/dialog-keys.ts and one in view/render-screen.ts.
 */
import type { Change, TaskDetail } from '../../../shared/protocol/index.js';
import type { BoardState } from './board-state.js';
import type { EditForm } from './edit-form.js';
import type { ColourPickerOverlay, LabelManagerOverlay } from './label-manager.js';
import type { LineInput } from './line-input.js';
import type { ArchiveOverlay, ProjectPickerOverlay } from './manage-overlays.js';
import type { LinkPickerOverlay } from './link-picker.js';
import type { LinkKind } from './task-view-items.js';

export type PromptPurpose =
  | { action: 'createTask'; columnId: number }
  | { action: 'createColumn'; afterId: number | null }
  | { action: 'renameColumn'; columnId: number }
  | { action: 'createProject' }
  | { action: 'setWipLimit'; columnId: number; name: string }
  | { action: 'archiveDone'; columnId: number; name: string }
  | { action: 'renameProject'; projectId: number; key: string; name: string }
  | { action: 'changeProjectKey'; projectId: number; key: string; name: string }
  | { action: 'addComment'; taskId: number; ref: string; title: string }
  | { action: 'editComment'; commentId: number; taskId: number; ref: string; title: string }
  | { action: 'createLabel' }
  | { action: 'renameLabel'; labelId: number; name: string };

/** A task as named in messages and questions. */
export interface NamedTask {
  taskId: number;
  ref: string;
  title: string;
}

export type ConfirmPurpose =
  | { action: 'deleteTask'; taskId: number; ref: string; title: string }
  | { action: 'deleteColumn'; columnId: number; name: string; cardCount: number }
  | { action: 'deleteProject'; projectId: number; key: string; name: string; cardCount: number }
  | { action: 'deleteComment'; commentId: number; taskId: number; ref: string; title: string }
  | { action: 'unlink'; relation: LinkKind; task: NamedTask; other: NamedTask }
  | { action: 'deleteLabel'; labelId: number; name: string; cardCount: number };

export interface PromptOverlay {
  kind: 'prompt';
  title: string;
  input: LineInput;
  purpose: PromptPurpose;
  busy: boolean;
}

export interface ConfirmOverlay {
  kind: 'confirm';
  title: string;
  text: string;
  purpose: ConfirmPurpose;
}

export interface HelpOverlay {
  kind: 'help';
  scroll: number;
}

export interface TaskViewOverlay {
  kind: 'task';
  taskId: number;
  /** null while loading. */
  detail: TaskDetail | null;
  /** Set when the task was deleted while shown. */
  gone: boolean;
  scroll: number;
  /** The selected relation or comment (see state/task-view-items.ts); absent: none. */
  selected?: string | null;
  /** The task's changes, newest first (history.list {taskId}); absent until loaded. */
  history?: readonly Change[];
}

export interface FormOverlay {
  kind: 'form';
  form: EditForm;
}

/** A call the next step waits for (the description before $EDITOR opens); Esc gives up. */
export interface LoadingOverlay {
  kind: 'loading';
  title: string;
}

export type Overlay =
  | PromptOverlay
  | ConfirmOverlay
  | HelpOverlay
  | TaskViewOverlay
  | FormOverlay
  | LoadingOverlay
  | ProjectPickerOverlay
  | ArchiveOverlay
  | LinkPickerOverlay
  | LabelManagerOverlay
  | ColourPickerOverlay
  | HistoryOverlay;

/** The project's history (state/history-list.ts): live, with undo and redo of the selected change. */
export interface HistoryOverlay {
  kind: 'history';
  projectId: number;
  /** Newest first; null while loading. */
  changes: readonly Change[] | null;
  /** Index of the selected change. */
  selected: number;
  /** First change shown. */
  scroll: number;
}

/** Prompts where Enter on an empty line means something (no WIP limit; archive all), not cancel. */
export function acceptsEmpty(purpose: PromptPurpose): boolean {
  return purpose.action === 'setWipLimit' || purpose.action === 'archiveDone';
}

/** The projects shown by the open overlays of a per-project kind (each once): what to re-read. */
export function projectsOfOpen(state: BoardState, kind: 'archive' | 'history'): number[] {
  return [...new Set(state.overlays.flatMap((o) => (o.kind === kind ? [o.projectId] : [])))];
}

export function pushOverlay(state: BoardState, overlay: Overlay): BoardState {
  return { ...state, overlays: [...state.overlays, overlay] };
}

export function popOverlay(state: BoardState): BoardState {
  return { ...state, overlays: state.overlays.slice(0, -1) };
}

export function replaceTopOverlay(state: BoardState, overlay: Overlay): BoardState {
  return { ...state, overlays: [...state.overlays.slice(0, -1), overlay] };
}

export function removeOverlays(state: BoardState, gone: (overlay: Overlay) => boolean): BoardState {
  const overlays = state.overlays.filter((o) => !gone(o));
  return overlays.length === state.overlays.length ? state : { ...state, overlays };
}

/** Applies fn to the overlays that match, wherever they are in the stack. */
export function mapOverlays(state: BoardState, fn: (overlay: Overlay) => Overlay): BoardState {
  return { ...state, overlays: state.overlays.map(fn) };
}

export function updateForm(state: BoardState, taskId: number, fn: (form: EditForm) => EditForm): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'form' && o.form.taskId === taskId ? { kind: 'form', form: fn(o.form) } : o));
}

export function closeForm(state: BoardState, taskId: number): BoardState {
  return removeOverlays(state, (o) => o.kind === 'form' && o.form.taskId === taskId);
}

export function formOnTop(state: BoardState): EditForm | null {
  const top = state.overlays[state.overlays.length - 1];
  return top?.kind === 'form' ? top.form : null;
}

export function setPromptBusy(state: BoardState, purpose: PromptPurpose, busy: boolean): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'prompt' && o.purpose === purpose ? { ...o, busy } : o));
}

export function closePrompt(state: BoardState, purpose: PromptPurpose): BoardState {
  return removeOverlays(state, (o) => o.kind === 'prompt' && o.purpose === purpose);
}
