/**
 * The board as a pure function: state and terminal size in, a Canvas of styled cells out.
 * Header, columns of cards and the status bar; dialogs are drawn on top by render-screen.
 */
import type { Label, TaskSummary } from '../../../shared/protocol/index.js';
import { neighbourProjects, visibleTasks, type BoardState } from '../state/board-state.js';
import { firstShownCard } from '../state/selection.js';
import { columnCountText, wipStatus } from '../state/wip-limits.js';
import { cardHeader } from './card-header.js';
import { Canvas, writeSpans, type Span, type Style } from './canvas.js';
import {
  CARD_HEIGHT,
  COLUMN_TITLE_ROW,
  HEADER_ROW,
  MORE_ABOVE_ROW,
  cardTop,
  computeLayout,
  type BoardLayout,
  type ColumnSlot,
} from './layout.js';
import type { KeyBindings } from '../control/keymap.js';
import { keyLabel } from '../control/keymap.js';
import { displayWidth, sanitizeLine, truncateToWidth } from './text-width.js';
import type { Theme } from './theme.js';

export interface RenderOptions {
  theme: Theme;
  bindings: KeyBindings;
  /** Today, for overdue dates; passed in so rendering stays pure. */
  now: Date;
  /** The far host when the board reaches its daemon over ssh (`--remote`): the header names it. */
  remoteHost?: string | null;
}

export function renderBoard(canvas: Canvas, state: BoardState, options: RenderOptions): BoardLayout {
  const columns = state.board?.columns ?? [];
  const layout = computeLayout({ width: canvas.width, height: canvas.height }, columns.length, state.columnScroll);
  renderHeader(canvas, state, options);
  if (!state.board) {
    centredMessage(canvas, state.projects.length === 0 ? `No projects yet. Press ${firstKey(options, 'newProject')} to create one.` : 'Loading…', options.theme.muted);
  } else if (columns.length === 0) {
    centredMessage(canvas, `No columns. Press ${firstKey(options, 'newColumn')} to add one.`, options.theme.muted);
  } else {
    const hiddenLeft = layout.columnScroll;
    const hiddenRight = columns.length - layout.columnScroll - layout.visibleColumns;
    layout.slots.forEach((slot, i) => {
      const markers = {
        left: i === 0 && hiddenLeft > 0 ? `«${hiddenLeft}` : '',
        right: i === layout.slots.length - 1 && hiddenRight > 0 ? `${hiddenRight}»` : '',
      };
      renderColumn(canvas, state, layout, slot, markers, options);
    });
    renderColumnSeparators(canvas, layout, options.theme);
  }
  renderStatusBar(canvas, state, layout, options);
  return layout;
}

function firstKey(options: RenderOptions, action: keyof KeyBindings): string {
  return keyLabel(options.bindings[action][0] ?? '?');
}

function centredMessage(canvas: Canvas, text: string, style: Style): void {
  const line = truncateToWidth(sanitizeLine(text), canvas.width);
  const x = Math.max(0, Math.floor((canvas.width - displayWidth(line)) / 2));
  canvas.text(x, Math.floor(canvas.height / 2), line, style);
}

function renderHeader(canvas: Canvas, state: BoardState, { theme, remoteHost }: RenderOptions): void {
  canvas.fill(0, HEADER_ROW, canvas.width, 1, theme.header);
  const project = state.board?.project;
  const { previous, next } = neighbourProjects(state);
  const spans: Span[] = [{ text: ' paso ', style: { ...theme.header, bold: true } }];
  if (previous) spans.push({ text: ` ‹ ${previous.key} `, style: theme.header });
  if (project) spans.push({ text: ` ${project.key} · ${project.name} `, style: theme.headerCurrent });
  if (next) spans.push({ text: ` ${next.key} › `, style: theme.header });
  const right: Span[] = [];
  if (remoteHost) right.push({ text: ` on ${remoteHost} `, style: { ...theme.header, bold: true } });
  if (state.filter.trim() !== '' && !state.filterEditing) right.push({ text: ` filter: ${state.filter} `, style: { ...theme.header, bold: true } });
  if (project && state.projects.length > 1) {
    const index = state.projects.findIndex((p) => p.id === project.id);
    if (index >= 0) right.push({ text: ` ${index + 1}/${state.projects.length} `, style: theme.header });
  }
  const rightWidth = right.reduce((w, s) => w + displayWidth(sanitizeLine(s.text)), 0);
  const leftEnd = writeSpans(canvas, 0, HEADER_ROW, spans, Math.max(0, canvas.width - rightWidth - 1));
  if (canvas.width - rightWidth > leftEnd) writeSpans(canvas, canvas.width - rightWidth, HEADER_ROW, right, rightWidth);
}

/** Side-scroll markers ("«2" / "3»") say how many columns are off screen on each side. */
interface SideMarkers {
  left: string;
  right: string;
}

function renderColumn(
  canvas: Canvas,
  state: BoardState,
  layout: BoardLayout,
  slot: ColumnSlot,
  markers: SideMarkers,
  options: RenderOptions,
): void {
  const { theme } = options;
  const column = state.board!.columns[slot.index]!;
  const isSelectedColumn = slot.index === state.selection.columnIndex;
  const tasks = visibleTasks(state, column);
  const count = columnCountText(column, tasks.length, state.filter.trim() !== '');
  const over = wipStatus(column).over;
  const titleStyle = isSelectedColumn ? theme.columnTitleSelected : theme.columnTitle;
  canvas.fill(slot.x, COLUMN_TITLE_ROW, slot.width, 1, titleStyle);
  const markerStyle: Style = { ...theme.columnTitleSelected, bold: true };
  const leftEnd = markers.left ? canvas.text(slot.x, COLUMN_TITLE_ROW, markers.left, markerStyle) : slot.x;
  const rightStart = slot.x + slot.width - displayWidth(markers.right);
  if (markers.right) canvas.text(rightStart, COLUMN_TITLE_ROW, markers.right, markerStyle);
  const countText = ` ${count} `;
  const nameRoom = rightStart - displayWidth(countText) - leftEnd - 1;
  canvas.text(leftEnd + 1, COLUMN_TITLE_ROW, truncateToWidth(sanitizeLine(column.name), nameRoom), titleStyle);
  canvas.text(rightStart - displayWidth(countText), COLUMN_TITLE_ROW, countText, over ? theme.overLimit : titleStyle);

  const first = Math.min(firstShownCard(state, column.id), Math.max(0, tasks.length - layout.cardsPerPage));
  if (first > 0) canvas.text(slot.x + 1, MORE_ABOVE_ROW, `↑ ${first} more`, theme.muted, slot.width - 1);
  else canvas.text(slot.x, MORE_ABOVE_ROW, '─'.repeat(slot.width), theme.separator);

  if (tasks.length === 0) {
    canvas.text(slot.x + 2, cardTop(0), column.tasks.length === 0 ? `no cards — ${firstKey(options, 'addCard')}: add` : 'no match', theme.muted, slot.width - 2);
    return;
  }
  const shown = tasks.slice(first, first + layout.cardsPerPage);
  shown.forEach((task, i) => {
    const selected = isSelectedColumn && first + i === state.selection.cardIndex;
    renderCard(canvas, task, slot, cardTop(i), selected, state.board!.labels, options);
  });
  const below = tasks.length - first - shown.length;
  if (below > 0) canvas.text(slot.x + 1, layout.moreBelowRow, `↓ ${below} more`, theme.muted, slot.width - 1);
}

export function renderCard(
  canvas: Canvas,
  task: TaskSummary,
  slot: ColumnSlot,
  top: number,
  selected: boolean,
  labels: Label[],
  { theme, now }: RenderOptions,
): void {
  const base: Style = selected ? theme.selectedCard : {};
  const keep = (style: Style): Style => (selected ? { ...style, ...theme.selectedCard, bold: style.bold } : style);
  canvas.fill(slot.x, top, slot.width, CARD_HEIGHT, base);
  const bar = theme.color ? '▌' : selected ? '▶' : ' ';
  for (let row = 0; row < CARD_HEIGHT; row++) canvas.text(slot.x, top + row, bar, { ...base, ...theme.priority(task.priority) });
  const x = slot.x + 2;
  const width = slot.width - 3;

  const header = cardHeader(task, width, now, theme, keep);
  writeSpans(canvas, x, top, header.left, width, base);
  if (header.right) {
    const dueWidth = displayWidth(header.right.text);
    writeSpans(canvas, x + width - dueWidth, top, [header.right], dueWidth, base);
  }

  canvas.text(x, top + 1, truncateToWidth(sanitizeLine(task.title), width), { ...base, ...keep(theme.title), bold: true });

  renderLabelChips(canvas, task, labels, x, top + 2, width, base, theme);
}

function renderLabelChips(canvas: Canvas, task: TaskSummary, labels: Label[], x: number, y: number, width: number, base: Style, theme: Theme): void {
  const byId = new Map(labels.map((l) => [l.id, l]));
  const chips = task.labelIds.map((id) => byId.get(id)).filter((l): l is Label => !!l);
  let cx = x;
  const end = x + width;
  chips.forEach((label, i) => {
    if (cx >= end) return;
    const text = theme.color ? ` ${sanitizeLine(label.name)} ` : `[${sanitizeLine(label.name)}]`;
    const rest = chips.length - i - 1;
    const moreText = rest > 0 ? ` +${rest}` : '';
    const fits = displayWidth(text) + displayWidth(moreText) + (i > 0 ? 1 : 0) <= end - cx;
    if (!fits) {
      canvas.text(cx + (i > 0 ? 1 : 0), y, `+${chips.length - i}`, { ...base, ...theme.muted }, end - cx);
      cx = end;
      return;
    }
    if (i > 0) cx += 1;
    cx = canvas.text(cx, y, text, { ...base, ...theme.label(label.color) }, end - cx);
  });
}

function renderColumnSeparators(canvas: Canvas, layout: BoardLayout, theme: Theme): void {
  for (const slot of layout.slots.slice(1)) {
    for (let y = COLUMN_TITLE_ROW; y <= layout.moreBelowRow; y++) canvas.text(slot.x - 1, y, '│', theme.separator);
  }
}

const CONNECTION_LABELS = {
  connected: ' ● live ',
  reconnecting: ' ◌ reconnecting… ',
  offline: ' ○ offline ',
  stopped: ' ■ daemon stopped ',
} as const;

function renderStatusBar(canvas: Canvas, state: BoardState, layout: BoardLayout, options: RenderOptions): void {
  const { theme } = options;
  const y = layout.statusRow;
  canvas.fill(0, y, canvas.width, 1, theme.status);
  const connectionStyle = { connected: theme.live, reconnecting: theme.reconnecting, offline: theme.offline, stopped: theme.offline }[
    state.connection
  ];
  let x = canvas.text(0, y, CONNECTION_LABELS[state.connection], connectionStyle);
  const helpText = ` ${firstKey(options, 'help')} help `;
  const helpWidth = displayWidth(helpText);
  const room = canvas.width - x - helpWidth - 1;
  if (state.filterEditing) {
    x = canvas.text(x + 1, y, `/${state.filter}`, { ...theme.status, bold: true }, room - 1);
    canvas.text(x, y, ' ', theme.cursor);
  } else if (state.message) {
    const style = state.message.kind === 'error' ? theme.statusError : theme.statusInfo;
    canvas.text(x + 1, y, truncateToWidth(sanitizeLine(` ${state.message.text} `), room), style);
  } else if (state.connection === 'stopped') {
    const start = firstKey(options, 'startDaemon');
    canvas.text(x + 1, y, truncateToWidth(`press ${start} to start it again (or run paso daemon start)`, room), { ...theme.status, bold: true });
  } else if (state.connection !== 'connected' && state.connectionDetail) {
    canvas.text(x + 1, y, truncateToWidth(sanitizeLine(state.connectionDetail), room), theme.status);
  } else if (state.board && state.board.columns.length > 0 && state.board.columns.every((c) => c.tasks.length === 0)) {
    const hint = `${state.board.project.key} has no cards yet: ${firstKey(options, 'addCard')} adds one, ${firstKey(options, 'projectPicker')} lists projects, ${firstKey(options, 'help')} shows every key`;
    canvas.text(x + 1, y, truncateToWidth(sanitizeLine(hint), room), theme.status);
  }
  if (canvas.width - helpWidth > x) canvas.text(canvas.width - helpWidth, y, helpText, theme.status);
}

