/**
 * The label manager and its colour picker as plain data. The labels themselves are the
 * board's (`board.get` carries them), so the manager stays live as others change them.
 */
import type { Board, Label } from '../../../shared/protocol/index.js';
import type { BoardState } from './board-state.js';
import { inputValue, lineInput, type LineInput } from './line-input.js';
import { mapOverlays } from './overlays.js';

export interface LabelManagerOverlay {
  kind: 'labels';
  /** Index into the board's labels. */
  cursor: number;
}

export interface ColourPickerOverlay {
  kind: 'colour';
  labelId: number;
  name: string;
  /** Index into LABEL_PALETTE. */
  cursor: number;
  /** A typed `#RRGGBB` or palette name; wins over the cursor when not empty. */
  input: LineInput;
  busy: boolean;
  error: string | null;
}

/** Colours offered when recolouring (new labels get the daemon's next default colour). */
export const LABEL_PALETTE: readonly { name: string; hex: string }[] = [
  { name: 'red', hex: '#E5484D' },
  { name: 'orange', hex: '#F76B15' },
  { name: 'yellow', hex: '#FFC53D' },
  { name: 'green', hex: '#46A758' },
  { name: 'teal', hex: '#12A594' },
  { name: 'blue', hex: '#0090FF' },
  { name: 'purple', hex: '#8E4EC6' },
  { name: 'pink', hex: '#D6409F' },
  { name: 'grey', hex: '#8B8D98' },
];

export function boardLabels(board: Board | null): Label[] {
  return board?.labels ?? [];
}

/** How many cards on the board wear each label. */
export function labelUse(board: Board | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const task of (board?.columns ?? []).flatMap((c) => c.tasks)) {
    for (const id of task.labelIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export function openColourPicker(label: Label): ColourPickerOverlay {
  const index = LABEL_PALETTE.findIndex((c) => c.hex === label.color.toUpperCase());
  return { kind: 'colour', labelId: label.id, name: label.name, cursor: Math.max(0, index), input: lineInput(), busy: false, error: null };
}

/** The colour the picker would save: the typed text (a palette name or hex) or the swatch. */
export function chosenColour(picker: ColourPickerOverlay): { ok: true; hex: string } | { ok: false; error: string } {
  const typed = inputValue(picker.input).trim();
  if (typed === '') return { ok: true, hex: LABEL_PALETTE[picker.cursor]!.hex };
  const named = LABEL_PALETTE.find((c) => c.name === typed.toLowerCase());
  if (named) return { ok: true, hex: named.hex };
  const hex = /^#?([0-9a-f]{6})$/i.exec(typed);
  if (hex) return { ok: true, hex: `#${hex[1]!.toUpperCase()}` };
  return { ok: false, error: `"${typed}" is not a colour: write #RRGGBB or one of ${LABEL_PALETTE.map((c) => c.name).join(', ')}` };
}

/** A label created or changed here, shown at once (before the refresh brings it), in the daemon's order. */
export function showLabel(state: BoardState, label: Label): BoardState {
  const board = state.board;
  if (!board || board.project.id !== label.projectId) return state;
  const labels = [...board.labels.filter((l) => l.id !== label.id), label].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id,
  );
  return { ...state, board: { ...board, labels } };
}

/** A deleted label leaves the board and every card that wore it. */
export function removeLabel(state: BoardState, labelId: number): BoardState {
  const board = state.board;
  if (!board) return state;
  const columns = board.columns.map((c) => ({ ...c, tasks: c.tasks.map((t) => (t.labelIds.includes(labelId) ? { ...t, labelIds: t.labelIds.filter((id) => id !== labelId) } : t)) }));
  return { ...state, board: { ...board, columns, labels: board.labels.filter((l) => l.id !== labelId) } };
}

/** Puts the manager's cursor on a label (one just created or renamed). */
export function pointManagerAt(state: BoardState, labelId: number): BoardState {
  const index = boardLabels(state.board).findIndex((l) => l.id === labelId);
  if (index < 0) return state;
  return mapOverlays(state, (o) => (o.kind === 'labels' ? { ...o, cursor: index } : o));
}
