/**
 * WIP limits as the board shows them: a column's count against its limit, whether it is
 * over, and the sentence that says so. Limits are advisory (CONTRACT §4): a move into a full
 * column succeeds, the board only tells.
 */
import type { Board, BoardColumn } from '../../../shared/protocol/index.js';

export interface WipStatus {
  count: number;
  limit: number | null;
  over: boolean;
}

export function wipStatus(column: Pick<BoardColumn, 'tasks' | 'wipLimit'>): WipStatus {
  const count = column.tasks.length;
  const limit = column.wipLimit ?? null;
  return { count, limit, over: limit !== null && count > limit };
}

/**
 * The count in a column's title: `3`, `3/4` with a limit, `! 5/4` over it; with a filter
 * on, the shown cards come first (`2 of 3/4`).
 */
export function columnCountText(column: Pick<BoardColumn, 'tasks' | 'wipLimit'>, shown: number, filtering: boolean): string {
  const { count, limit, over } = wipStatus(column);
  const total = limit === null ? `${count}` : `${count}/${limit}`;
  const text = filtering ? (limit === null ? `${shown}/${count}` : `${shown} of ${total}`) : total;
  return over ? `! ${text}` : text;
}

/** `Review is over its WIP limit (5/4)`, or null when the column is within it. */
export function overLimitText(board: Board | null, columnId: number): string | null {
  const column = board?.columns.find((c) => c.id === columnId);
  if (!column) return null;
  const { count, limit, over } = wipStatus(column);
  return over ? `${column.name} is over its WIP limit (${count}/${limit})` : null;
}

/**
 * What the WIP prompt accepts: a whole number, empty or 0 for no limit. Returns the limit
 * (null: none) or the reason it is not one.
 */
export function parseWipInput(text: string): { limit: number | null } | { error: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === '0' || trimmed === 'none') return { limit: null };
  if (!/^[0-9]{1,7}$/.test(trimmed)) return { error: `"${text.trim()}" is not a WIP limit: type a whole number, or 0 or nothing for none` };
  return { limit: Number(trimmed) };
}
