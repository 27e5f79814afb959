/**
 * Display width of text in terminal cells. terminal-kit's ScreenBuffer decides how many cells
 * a character takes when it is drawn, so we measure with terminal-kit's own table: a width
 * computed here always matches what the screen driver draws (CJK and most emoji are 2 cells).
 */
import termkit from 'terminal-kit';

const cachedWidths = new Map<string, number>();

/** Cells one code point takes once sanitized: 1 or 2. */
export function charWidth(char: string): number {
  let width = cachedWidths.get(char);
  if (width === undefined) {
    width = termkit.stringWidth(char) >= 2 ? 2 : 1;
    cachedWidths.set(char, width);
  }
  return width;
}

// Invisible or joining code points that the ScreenBuffer would otherwise draw as a cell of
// their own (it draws one code point per cell): zero-width spaces and joiners, bidi controls,
// the BOM and the soft hyphen.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * Makes text safe to put on one line of the screen: control characters (newlines, tabs,
 * escapes) become spaces, combining marks are composed where Unicode allows and dropped
 * otherwise, so every remaining code point is exactly 1 or 2 cells wide.
 */
export function sanitizeLine(text: string): string {
  const composed = text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ');
  let out = '';
  for (const char of composed) {
    if (termkit.stringWidth(char) === 0) continue;
    out += char;
  }
  return out;
}

/** Width in cells of already-sanitized text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/**
 * Cuts sanitized text to at most maxWidth cells, ending with the ellipsis when something was cut.
 * A wide character that would straddle the limit is left out rather than split.
 */
export function truncateToWidth(text: string, maxWidth: number, ellipsis = '…'): string {
  if (maxWidth <= 0) return '';
  if (displayWidth(text) <= maxWidth) return text;
  const room = maxWidth - displayWidth(ellipsis);
  if (room < 0) return takeWidth(text, maxWidth);
  return takeWidth(text, room) + ellipsis;
}

/** The longest prefix of sanitized text that fits in maxWidth cells (a wide character is never split). */
export function takeWidth(text: string, maxWidth: number): string {
  return termkit.truncateString(text, Math.max(0, maxWidth));
}

/** Breaks text (which may hold newlines) into lines of at most width cells, on spaces when it can. */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let rest = sanitizeLine(rawLine).trimEnd();
    if (rest === '') {
      lines.push('');
      continue;
    }
    while (displayWidth(rest) > width) {
      const head = takeWidth(rest, width);
      const lastSpace = head.lastIndexOf(' ');
      // A wide character wider than the whole line still goes on a line of its own (cut off
      // when drawn): every pass must shorten rest, or this loops forever.
      const cut = lastSpace > 0 ? lastSpace : Math.max(head.length, firstCharLength(rest));
      lines.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    if (rest !== '') lines.push(rest);
  }
  return lines;
}

function firstCharLength(text: string): number {
  return text.codePointAt(0)! > 0xffff ? 2 : 1;
}
