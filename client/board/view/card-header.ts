/**
 * The first line of a card: ref, blocked, priority, due date and type. Each piece is shown
 * whole, shortened to its short form, or left out whole, never cut mid-word: when the line
 * is too narrow the least important piece gives way first (type, then the due date's
 * "due", then priority and blocked shrink to their glyphs, then the date goes). The ref is
 * always there, and priority keeps its glyph, as the card's colour bar keeps its colour.
 */
import type { TaskSummary } from '../../../shared/protocol/index.js';
import { dueText } from '../state/edit-form.js';
import type { Span, Style } from './canvas.js';
import { displayWidth } from './text-width.js';
import type { Theme } from './theme.js';

type PieceName = 'ref' | 'blocked' | 'priority' | 'due' | 'type';

interface Piece {
  name: PieceName;
  /** Longest first; the last is the shortest it may become. */
  forms: string[];
  style: Style;
}

const PRIORITY_GLYPHS: Record<string, string> = { critical: '‼', high: '↑', low: '↓', trivial: '·' };

/** What gives way, in order, when the header does not fit: [piece, 'shorten' | 'drop']. */
const GIVE_WAY: [PieceName, 'shorten' | 'drop'][] = [
  ['type', 'drop'],
  ['due', 'shorten'],
  ['priority', 'shorten'],
  ['blocked', 'shorten'],
  ['due', 'drop'],
  ['blocked', 'drop'],
  ['priority', 'drop'],
];

export interface CardHeader {
  /** Ref, blocked, priority, type: written from the left, one space apart. */
  left: Span[];
  /** The due date, right-aligned. */
  right: Span | null;
}

export function cardHeader(task: TaskSummary, width: number, now: Date, theme: Theme, keep: (style: Style) => Style = (s) => s): CardHeader {
  const pieces: Piece[] = [{ name: 'ref', forms: [task.ref], style: keep(theme.ref) }];
  if (task.blocked) pieces.push({ name: 'blocked', forms: ['⊘ blocked', '⊘'], style: keep(theme.blocked) });
  const glyph = PRIORITY_GLYPHS[task.priority];
  if (glyph) pieces.push({ name: 'priority', forms: [`${glyph} ${task.priority}`, glyph], style: keep(theme.priority(task.priority)) });
  const due = dueText(task.dueAt);
  if (due) {
    const date = shortDate(due, now);
    pieces.push({ name: 'due', forms: [`due ${date}`, date], style: keep(isOverdue(due, now) ? theme.overdue : theme.muted) });
  }
  if (task.type !== 'task') pieces.push({ name: 'type', forms: [task.type], style: keep(theme.muted) });

  const chosen = new Map<PieceName, number>(pieces.map((p) => [p.name, 0]));
  const shown = () => pieces.filter((p) => chosen.has(p.name));
  const total = () => shown().reduce((w, p, i) => w + (i > 0 ? 1 : 0) + displayWidth(p.forms[chosen.get(p.name)!]!), 0);
  for (const [name, how] of GIVE_WAY) {
    if (total() <= width) break;
    const piece = pieces.find((p) => p.name === name);
    if (!piece || !chosen.has(name)) continue;
    if (how === 'drop') chosen.delete(name);
    else chosen.set(name, piece.forms.length - 1);
  }
  const text = (p: Piece) => p.forms[chosen.get(p.name)!]!;
  const left = shown()
    .filter((p) => p.name !== 'due')
    .map((p, i) => ({ text: i === 0 ? text(p) : ` ${text(p)}`, style: p.style }));
  const duePiece = shown().find((p) => p.name === 'due');
  return { left, right: duePiece ? { text: text(duePiece), style: duePiece.style } : null };
}

function isOverdue(due: string, now: Date): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) && due < now.toISOString().slice(0, 10);
}

function shortDate(due: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due) && due.slice(0, 4) === String(now.getUTCFullYear())) return due.slice(5);
  return due;
}
