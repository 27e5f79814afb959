/** The dialogs that can sit on top of the board, as plain data (topmost last in the stack). */
import type { TaskDetail } from '../../shared/protocol/index.js';
import type { EditForm } from './forms.js';
import type { LineInput } from './line-input.js';

export type PromptPurpose =
  | { action: 'createTask'; columnId: number }
  | { action: 'createColumn'; afterId: number | null }
  | { action: 'renameColumn'; columnId: number }
  | { action: 'createProject' };

export type ConfirmPurpose = { action: 'deleteTask'; taskId: number } | { action: 'deleteColumn'; columnId: number };

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

export type Overlay = PromptOverlay | ConfirmOverlay | HelpOverlay | TaskViewOverlay | FormOverlay | LoadingOverlay;
