/** The help overlay: every key, generated from the bindings in use so it never goes stale. */
import { centredRect, drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { ACTION_HELP, BOARD_ACTIONS, keyLabel, type KeyBindings } from '../control/keymap.js';
import type { HelpOverlay } from '../state/overlays.js';
import type { Theme } from './theme.js';

const OTHER_KEYS: [string, string][] = [
  ['Esc', 'clear the filter; close a dialog'],
  ['Ctrl+Z', 'suspend (fg comes back)'],
  ['mouse', 'click selects a card; the wheel scrolls a column'],
  ['paste', 'goes whole into the text field being typed in'],
  ['', ''],
  ['Task view', ''],
  ['e / E', 'edit / edit the description in $EDITOR'],
  ['c / C', 'comment: one line / in $EDITOR'],
  ['Tab S-Tab', 'select a relation or comment'],
  ['Enter', 'go to the related card; edit your comment'],
  ['d', 'unlink the relation / delete your comment (y/n)'],
  ['r / t', 'link to another card / labels'],
  ['j k g G', 'scroll (also PgUp PgDn Home End) · Esc or q: close'],
  ['', ''],
  ['Link picker', ''],
  ['type', 'find cards by ref or title · Tab: relation'],
  ['↑ ↓ Enter', 'pick the card · link it'],
  ['', ''],
  ['Labels', ''],
  ['a r c d', 'add / rename / colour / delete (y/n)'],
  ['', ''],
  ['Projects (p)', ''],
  ['Enter', 'show the project · r: rename · K: change key · d: delete · n: new'],
  ['', ''],
  ['Archived (v)', ''],
  ['u / Enter', 'unarchive the card (back at the end of its column)'],
  ['', ''],
  ['Edit form', ''],
  ['Tab ↑ ↓', 'next / previous field'],
  ['← → space', 'change priority or type; move and toggle labels'],
  ['type a name', 'on labels: narrow them; Enter toggles or creates it'],
  ['due', 'tomorrow, fri, +3d, +2w, +1m, eow, eom or YYYY-MM-DD'],
  ['Enter', 'save (on the description: open $EDITOR)'],
  ['Esc', 'cancel'],
  ['', ''],
  ['History view', ''],
  ['j k', 'select a change · Esc or q: close'],
  ['u / Ctrl+R', 'undo / redo the selected change (anyone\'s)'],
];

export function helpLines(bindings: KeyBindings): [string, string][] {
  const lines: [string, string][] = BOARD_ACTIONS.map((action) => [bindings[action].map(keyLabel).join(' '), ACTION_HELP[action]]);
  if (!bindings.quit.includes('CTRL_C')) lines.push(['Ctrl+C', 'quit']);
  return [...lines, ['', ''], ...OTHER_KEYS];
}

/** How far the help can scroll at this screen height. */
export function maxHelpScroll(bindings: KeyBindings, screenHeight: number): number {
  const count = helpLines(bindings).length;
  const boxHeight = Math.min(count + 4, 44, screenHeight);
  return Math.max(0, count - Math.max(0, boxHeight - 3));
}

export function renderHelp(canvas: Canvas, help: HelpOverlay, bindings: KeyBindings, theme: Theme): void {
  const lines = helpLines(bindings);
  const rect = centredRect(canvas, 72, Math.min(lines.length + 4, 44));
  const inner = drawBox(canvas, rect, 'Keys', theme.box, theme.boxTitle);
  const keyWidth = Math.min(14, Math.floor(inner.width / 3));
  const room = Math.max(0, inner.height - 1);
  const scroll = Math.max(0, Math.min(help.scroll, lines.length - room));
  lines.slice(scroll, scroll + room).forEach(([keys, text], i) => {
    const spans: Span[] = [
      { text: keys.padEnd(keyWidth), style: { ...theme.box, bold: true } },
      { text: ` ${text}`, style: theme.box },
    ];
    writeSpans(canvas, inner.x, inner.y + i, spans, inner.width);
  });
  const more = scroll + room < lines.length ? 'j/k: scroll · ' : '';
  canvas.text(inner.x, inner.y + inner.height - 1, `${more}Esc, q or ?: close`, { ...theme.box, dim: true }, inner.width);
}
