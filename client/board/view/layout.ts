/**
 * Where things go for a terminal size: which columns are visible and how wide, how many cards
 * fit in a column, and the rows of header, column titles, cards and status bar. Pure numbers.
 *
 *   row 0            header (project and neighbours)
 *   row 1            column titles
 *   row 2            "↑ N more" or a rule
 *   rows 3..h-3      cards, CARD_HEIGHT rows each plus one blank row between cards
 *   row h-2          "↓ N more"
 *   row h-1          status bar
 */

export interface Size {
  width: number;
  height: number;
}

export const MIN_WIDTH = 24;
export const MIN_HEIGHT = 8;
/** Narrowest column at any width, before we scroll sideways instead of squeezing. */
export const MIN_COLUMN_WIDTH = 26;
/** Ref and markers, title, labels. */
export const CARD_HEIGHT = 3;
export const CARD_STRIDE = CARD_HEIGHT + 1;
export const COLUMN_GAP = 1;

export const HEADER_ROW = 0;
export const COLUMN_TITLE_ROW = 1;
export const MORE_ABOVE_ROW = 2;
export const CARDS_TOP = 3;

export interface ColumnSlot {
  /** Index of the column in the board. */
  index: number;
  x: number;
  width: number;
}

export interface BoardLayout {
  size: Size;
  tooSmall: boolean;
  /** First column shown (after clamping the requested scroll). */
  columnScroll: number;
  /** How many columns fit side by side. */
  visibleColumns: number;
  slots: ColumnSlot[];
  cardsPerPage: number;
  moreBelowRow: number;
  statusRow: number;
}

export function isTooSmall(size: Size): boolean {
  return size.width < MIN_WIDTH || size.height < MIN_HEIGHT;
}

/**
 * The narrowest a column may get at this terminal width: 26 cells, or a seventh of a wide
 * terminal, so a wide terminal gives cards room for whole headers and titles rather than
 * squeezing in more narrow columns (250 cells: six columns of 41 instead of nine of 27).
 */
export function minColumnWidth(width: number): number {
  return Math.max(MIN_COLUMN_WIDTH, Math.floor(width / 7));
}

/** How many columns fit side by side at this width (at least one). */
export function columnsThatFit(width: number, columnCount: number): number {
  const fit = Math.max(1, Math.floor((width + COLUMN_GAP) / (minColumnWidth(width) + COLUMN_GAP)));
  return Math.max(1, Math.min(columnCount, fit));
}

export function cardsPerPage(height: number): number {
  const cardRows = height - CARDS_TOP - 2;
  return Math.max(1, Math.floor((cardRows + 1) / CARD_STRIDE));
}

export function clampColumnScroll(scroll: number, columnCount: number, visible: number): number {
  return Math.max(0, Math.min(scroll, columnCount - visible));
}

export function computeLayout(size: Size, columnCount: number, columnScroll: number): BoardLayout {
  const tooSmall = isTooSmall(size);
  const visibleColumns = columnCount === 0 ? 0 : columnsThatFit(size.width, columnCount);
  const scroll = clampColumnScroll(columnScroll, columnCount, visibleColumns);
  const slots: ColumnSlot[] = [];
  if (visibleColumns > 0) {
    const usable = size.width - COLUMN_GAP * (visibleColumns - 1);
    const base = Math.floor(usable / visibleColumns);
    let extra = usable - base * visibleColumns;
    let x = 0;
    for (let i = 0; i < visibleColumns; i++) {
      const width = base + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      slots.push({ index: scroll + i, x, width });
      x += width + COLUMN_GAP;
    }
  }
  return {
    size,
    tooSmall,
    columnScroll: scroll,
    visibleColumns,
    slots,
    cardsPerPage: cardsPerPage(size.height),
    moreBelowRow: size.height - 2,
    statusRow: size.height - 1,
  };
}

/** The first card row of the card at position `slot` (0-based among the shown cards). */
export function cardTop(slot: number): number {
  return CARDS_TOP + slot * CARD_STRIDE;
}

export interface HitTarget {
  columnIndex: number;
  /** Index among the column's shown cards, counted from the column's scroll offset; null on the title. */
  cardSlot: number | null;
}

/** Which column and card slot a screen cell (0-based) falls on, if any. */
export function hitTest(layout: BoardLayout, x: number, y: number): HitTarget | null {
  if (layout.tooSmall) return null;
  const slot = layout.slots.find((s) => x >= s.x && x < s.x + s.width);
  if (!slot) return null;
  if (y === COLUMN_TITLE_ROW || y === MORE_ABOVE_ROW) return { columnIndex: slot.index, cardSlot: null };
  if (y < CARDS_TOP || y >= layout.moreBelowRow) return null;
  const offset = y - CARDS_TOP;
  if (offset % CARD_STRIDE >= CARD_HEIGHT) return { columnIndex: slot.index, cardSlot: null };
  const cardSlot = Math.floor(offset / CARD_STRIDE);
  if (cardSlot >= layout.cardsPerPage) return null;
  return { columnIndex: slot.index, cardSlot };
}
