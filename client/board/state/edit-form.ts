/**
 * The task edit form as plain data: fields, focus, the version the edit started from, and a
 * conflict when the task changed elsewhere. Keys and pastes edit it here (pure); saving is
 * an effect (effects/form-effects.ts).
 */
import { PRIORITIES, TASK_TYPES, type Label, type Priority, type TaskDetail, type TaskType } from '../../../shared/protocol/entities.js';
import type { KeyPress } from '../control/input-event.js';
import { labelFieldKey } from './form-labels.js';
import { editLine, insertText, inputValue, lineInput, type LineInput } from './line-input.js';

export const FORM_FIELDS = ['title', 'description', 'priority', 'type', 'dueAt', 'labels'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormValues {
  title: string;
  description: string;
  priority: Priority;
  type: TaskType;
  dueAt: string;
  labelIds: number[];
}

export interface EditForm {
  taskId: number;
  ref: string;
  /** The task version the edit is based on; sent as expectedVersion. */
  baseVersion: number;
  original: FormValues;
  title: LineInput;
  description: string;
  priority: Priority;
  type: TaskType;
  dueAt: LineInput;
  labelIds: number[];
  labels: Label[];
  focus: FormField;
  /** Index into the label chips shown (state/form-labels.ts). */
  labelCursor: number;
  /** A label name typed into the labels field: narrows the chips, offers to create it. */
  labelQuery: LineInput;
  /** The task as it is now, when a save found it changed in another terminal. */
  conflict: TaskDetail | null;
  saving: boolean;
  error: string | null;
  /** Opened at once and filled when task.get and label.list answer; input waits meanwhile. */
  loading: boolean;
}

export type FormCommand = 'save' | 'cancel' | 'editDescription' | 'reload' | 'overwrite' | 'createLabel';

export interface FormStep {
  form: EditForm;
  command?: FormCommand;
  /** With createLabel: the name typed. */
  labelName?: string;
}

/** The date part of an ISO date-time, which is what people type and read. */
export function dueText(dueAt: string | null): string {
  if (!dueAt) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.000)?)?Z?)?$/.exec(dueAt);
  return m ? m[1]! : dueAt;
}

function valuesOf(task: TaskDetail): FormValues {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    type: task.type,
    dueAt: dueText(task.dueAt),
    labelIds: task.labels.map((l) => l.id).sort((a, b) => a - b),
  };
}

export function openForm(task: TaskDetail, labels: Label[], focus: FormField = 'title'): EditForm {
  return formWith({ taskId: task.id, ref: task.ref, baseVersion: task.version, values: valuesOf(task), labels, focus, loading: false });
}

/** The form shown while its task loads; the keys typed meanwhile wait and then reach it. */
export function loadingForm(taskId: number, ref: string, focus: FormField = 'title'): EditForm {
  const values: FormValues = { title: '', description: '', priority: 'medium', type: 'task', dueAt: '', labelIds: [] };
  return formWith({ taskId, ref, baseVersion: 0, values, labels: [], focus, loading: true });
}

function formWith(from: {
  taskId: number;
  ref: string;
  baseVersion: number;
  values: FormValues;
  labels: Label[];
  focus: FormField;
  loading: boolean;
}): EditForm {
  const { values } = from;
  return {
    taskId: from.taskId,
    ref: from.ref,
    baseVersion: from.baseVersion,
    original: values,
    title: lineInput(values.title),
    description: values.description,
    priority: values.priority,
    type: values.type,
    dueAt: lineInput(values.dueAt),
    labelIds: values.labelIds,
    labels: from.labels,
    focus: from.focus,
    labelCursor: 0,
    labelQuery: lineInput(),
    conflict: null,
    saving: false,
    error: null,
    loading: from.loading,
  };
}

/** Discards the user's edits for the task as it is now (the "reload" answer to a conflict). */
export function reloadForm(form: EditForm, current: TaskDetail): EditForm {
  return { ...openForm(current, form.labels, form.focus), labelCursor: form.labelCursor };
}

/**
 * The "overwrite" answer: the fields the user changed win over the current version; fields
 * they did not touch keep whatever the other terminal saved (changes stay relative to the
 * values the user started from). Labels the user added or removed are added or removed on
 * top of the other terminal's labels, which are otherwise kept.
 */
export function rebaseForm(form: EditForm, current: TaskDetail): EditForm {
  const theirs = current.labels.map((l) => l.id);
  const added = form.labelIds.filter((id) => !form.original.labelIds.includes(id));
  const removed = form.original.labelIds.filter((id) => !form.labelIds.includes(id));
  const labelIds = [...new Set([...theirs, ...added])].filter((id) => !removed.includes(id)).sort((a, b) => a - b);
  // A label created in the other terminal is not in the list the form loaded.
  const labels = [...form.labels, ...current.labels.filter((l) => !form.labels.some((known) => known.id === l.id))];
  return {
    ...form,
    baseVersion: current.version,
    original: { ...form.original, labelIds: [...theirs].sort((a, b) => a - b) },
    labelIds,
    labels,
    conflict: null,
  };
}

export function currentValues(form: EditForm): FormValues {
  return {
    title: inputValue(form.title).trim(),
    description: form.description,
    priority: form.priority,
    type: form.type,
    dueAt: inputValue(form.dueAt).trim(),
    labelIds: [...form.labelIds].sort((a, b) => a - b),
  };
}

export interface FormChanges {
  fields: { title?: string; description?: string; priority?: Priority; type?: TaskType; dueAt?: string | null };
  labelIds: number[] | null;
}

/** What differs from the version the form was opened on. */
export function formChanges(form: EditForm): FormChanges {
  const now = currentValues(form);
  const was = form.original;
  const fields: FormChanges['fields'] = {};
  if (now.title !== was.title) fields.title = now.title;
  if (now.description !== was.description) fields.description = now.description;
  if (now.priority !== was.priority) fields.priority = now.priority;
  if (now.type !== was.type) fields.type = now.type;
  if (now.dueAt !== was.dueAt) fields.dueAt = now.dueAt === '' ? null : now.dueAt;
  const labelsChanged = now.labelIds.join(',') !== was.labelIds.join(',');
  return { fields, labelIds: labelsChanged ? now.labelIds : null };
}

export function hasChanges(changes: FormChanges): boolean {
  return Object.keys(changes.fields).length > 0 || changes.labelIds !== null;
}

function cycle<T>(values: readonly T[], current: T, delta: number): T {
  const i = values.indexOf(current);
  return values[(i + delta + values.length) % values.length]!;
}

function moveFocus(form: EditForm, delta: number): EditForm {
  const i = FORM_FIELDS.indexOf(form.focus);
  return { ...form, focus: FORM_FIELDS[(i + delta + FORM_FIELDS.length) % FORM_FIELDS.length]! };
}

/** One key in the form. Saving is Enter (or Ctrl+S); on the description, Enter opens $EDITOR. */
export function formKey(form: EditForm, key: KeyPress): FormStep {
  if (form.loading) return key.name === 'ESCAPE' ? { form, command: 'cancel' } : { form };
  if (form.saving) return { form };
  if (form.conflict) {
    if (key.name === 'r') return { form, command: 'reload' };
    if (key.name === 'o') return { form, command: 'overwrite' };
    if (key.name === 'ESCAPE') return { form: { ...form, conflict: null } };
    return { form };
  }
  if (form.focus === 'labels') {
    const handled = labelFieldKey(form, key);
    if (handled) return handled;
  }
  switch (key.name) {
    case 'ESCAPE':
      return { form, command: 'cancel' };
    case 'CTRL_S':
      return { form, command: 'save' };
    case 'ENTER':
      return { form, command: form.focus === 'description' ? 'editDescription' : 'save' };
    case 'TAB':
    case 'DOWN':
      return { form: moveFocus(form, 1) };
    case 'SHIFT_TAB':
    case 'UP':
      return { form: moveFocus(form, -1) };
  }
  switch (form.focus) {
    case 'title': {
      const title = editLine(form.title, key);
      return { form: title ? { ...form, title, error: null } : form };
    }
    case 'dueAt': {
      const dueAt = editLine(form.dueAt, key);
      return { form: dueAt ? { ...form, dueAt, error: null } : form };
    }
    case 'description':
      if (key.name === 'e' || key.name === 'E' || key.name === ' ') return { form, command: 'editDescription' };
      return { form };
    case 'priority':
      return { form: { ...form, priority: cycleChoice(PRIORITIES, form.priority, key) } };
    case 'type':
      return { form: { ...form, type: cycleChoice(TASK_TYPES, form.type, key) } };
    case 'labels':
      return { form };
  }
}

function cycleChoice<T>(values: readonly T[], current: T, key: KeyPress): T {
  if (key.name === 'LEFT' || key.name === 'h') return cycle(values, current, -1);
  if (key.name === 'RIGHT' || key.name === 'l' || key.name === ' ') return cycle(values, current, 1);
  return current;
}

/**
 * Pasted text goes whole into the focused field: one-line fields get its line breaks as
 * spaces; the description keeps them (appended, as it has no cursor here). Null: the
 * focused field takes no text (priority, type).
 */
export function pasteIntoForm(form: EditForm, text: string): EditForm | null {
  if (form.loading || form.saving || form.conflict) return null;
  switch (form.focus) {
    case 'title':
      return { ...form, title: insertText(form.title, text), error: null };
    case 'dueAt':
      return { ...form, dueAt: insertText(form.dueAt, text), error: null };
    case 'labels':
      return { ...form, labelQuery: insertText(form.labelQuery, text), labelCursor: 0, error: null };
    case 'description':
      return { ...form, description: form.description + text.replace(/\r\n?/g, '\n'), error: null };
    default:
      return null;
  }
}
