/**
 * The edit form's labels field: the project's labels as chips to toggle, narrowed by a name
 * typed into the field; when no label has that name, a last chip offers to create it. With
 * nothing typed, space toggles and Enter saves the form; with a name typed, space is part of
 * it and Enter toggles (or creates) the chip under the cursor.
 */
import type { Label } from '../../../shared/protocol/index.js';
import { foldCase, normalizeQuery } from '../../../shared/task-match.js';
import type { KeyPress } from '../control/input-event.js';
import type { EditForm, FormStep } from './edit-form.js';
import { editLine, inputValue, lineInput } from './line-input.js';

export type LabelChip = { kind: 'label'; label: Label } | { kind: 'create'; name: string };

export function formLabelChips(form: Pick<EditForm, 'labels' | 'labelQuery'>): LabelChip[] {
  const typed = inputValue(form.labelQuery).trim();
  const needle = normalizeQuery(typed);
  const chips: LabelChip[] = form.labels.filter((l) => foldCase(l.name).includes(needle)).map((label) => ({ kind: 'label', label }));
  // Names are unique per project regardless of case (the daemon's rule).
  if (needle !== '' && !form.labels.some((l) => foldCase(l.name) === needle)) chips.push({ kind: 'create', name: typed });
  return chips;
}

function toggle(form: EditForm, label: Label): EditForm {
  const has = form.labelIds.includes(label.id);
  return { ...form, labelIds: has ? form.labelIds.filter((id) => id !== label.id) : [...form.labelIds, label.id] };
}

/** A key in the labels field; null: the form's key (Tab, save, cancel: ENTER/ESCAPE with nothing typed). */
export function labelFieldKey(form: EditForm, key: KeyPress): FormStep | null {
  const typing = inputValue(form.labelQuery) !== '';
  const chips = formLabelChips(form);
  const atCursor = chips[Math.min(form.labelCursor, chips.length - 1)];
  switch (key.name) {
    case 'LEFT':
      return { form: { ...form, labelCursor: Math.max(0, form.labelCursor - 1) } };
    case 'RIGHT':
      return { form: { ...form, labelCursor: Math.max(0, Math.min(chips.length - 1, form.labelCursor + 1)) } };
    case 'ESCAPE':
      return typing ? { form: { ...form, labelQuery: lineInput(), labelCursor: 0 } } : null;
    case 'ENTER':
      if (!typing) return null;
      if (!atCursor) return { form };
      if (atCursor.kind === 'create') return { form, command: 'createLabel', labelName: atCursor.name };
      return { form: { ...toggle(form, atCursor.label), labelQuery: lineInput(), labelCursor: Math.max(0, form.labels.indexOf(atCursor.label)) } };
  }
  if (key.name === ' ' && !typing) return { form: atCursor?.kind === 'label' ? toggle(form, atCursor.label) : form };
  const labelQuery = editLine(form.labelQuery, key);
  if (!labelQuery) return null;
  return { form: { ...form, labelQuery, labelCursor: 0, error: null } };
}
