/** What the board receives from the terminal, as plain data: keys, pastes and mouse events. */

/** A key as the board sees it: terminal-kit's key name, plus the character when it is printable. */
export interface KeyPress {
  /** terminal-kit name: 'a', 'G', '?', 'ENTER', 'ESCAPE', 'CTRL_C', 'LEFT', ... */
  name: string;
  /** The text to insert when the key is a printable character (including space). */
  char?: string;
}

export type InputEvent =
  | { kind: 'key'; key: KeyPress }
  /** A bracketed paste: the text as pasted, line breaks included; never read as keys. */
  | { kind: 'paste'; text: string }
  /** terminal-kit mouse event name, 0-based cell. */
  | { kind: 'mouse'; name: string; x: number; y: number };

export function keyOf(name: string, isCharacter = false): KeyPress {
  return isCharacter ? { name, char: name } : { name };
}

export function keyEvent(name: string, isCharacter = false): InputEvent {
  return { kind: 'key', key: keyOf(name, isCharacter) };
}
