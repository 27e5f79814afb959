/** A one-line text field as plain data, and how keys edit it. */
import type { KeyPress } from '../control/input-event.js';
import { charWidth, displayWidth, sanitizeLine } from '../view/text-width.js';

export interface LineInput {
  /** Code points, so the cursor never lands inside a surrogate pair. */
  chars: string[];
  cursor: number;
}

export function lineInput(text = ''): LineInput {
  const chars = Array.from(sanitizeLine(text));
  return { chars, cursor: chars.length };
}

export function inputValue(input: LineInput): string {
  return input.chars.join('');
}

/**
 * Inserts text at the cursor, whole: a pasted line break becomes one space (this is a
 * one-line field), other control characters become spaces too.
 */
export function insertText(input: LineInput, text: string): LineInput {
  const inserted = Array.from(sanitizeLine(text.replace(/\r\n?|\n/g, ' ')));
  const { chars, cursor } = input;
  return { chars: [...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor: cursor + inserted.length };
}

/** Applies an editing key; returns null when the key is not an editing key. */
export function editLine(input: LineInput, key: KeyPress): LineInput | null {
  const { chars, cursor } = input;
  if (key.char !== undefined) return insertText(input, key.char);
  switch (key.name) {
    case 'BACKSPACE':
    case 'CTRL_H':
      if (cursor === 0) return input;
      return { chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 };
    case 'DELETE':
    case 'CTRL_D':
      return { chars: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor };
    case 'LEFT':
    case 'CTRL_B':
      return { chars, cursor: Math.max(0, cursor - 1) };
    case 'RIGHT':
    case 'CTRL_F':
      return { chars, cursor: Math.min(chars.length, cursor + 1) };
    case 'HOME':
    case 'CTRL_A':
      return { chars, cursor: 0 };
    case 'END':
    case 'CTRL_E':
      return { chars, cursor: chars.length };
    case 'CTRL_U':
      return { chars: chars.slice(cursor), cursor: 0 };
    case 'CTRL_K':
      return { chars: chars.slice(0, cursor), cursor };
    case 'CTRL_W': {
      let start = cursor;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return { chars: [...chars.slice(0, start), ...chars.slice(cursor)], cursor: start };
    }
    default:
      return null;
  }
}

export interface VisibleInput {
  text: string;
  /** Cell offset of the cursor inside `text`. */
  cursorX: number;
}

/** The part of the input to show in `width` cells, scrolled so the cursor stays visible. */
export function visibleInput(input: LineInput, width: number): VisibleInput {
  const room = Math.max(1, width - 1);
  let start = 0;
  while (displayWidth(input.chars.slice(start, input.cursor).join('')) > room) start++;
  let text = '';
  let used = 0;
  for (let i = start; i < input.chars.length; i++) {
    const w = charWidth(input.chars[i]!);
    if (used + w > width) break;
    text += input.chars[i];
    used += w;
  }
  return { text, cursorX: displayWidth(input.chars.slice(start, input.cursor).join('')) };
}
