/** A key as the board sees it: terminal-kit's key name, plus the character when it is printable. */
export interface KeyPress {
  /** terminal-kit name: 'a', 'G', '?', 'ENTER', 'ESCAPE', 'CTRL_C', 'LEFT', ... */
  name: string;
  /** The text to insert when the key is a printable character (including space). */
  char?: string;
}

export function keyOf(name: string, isCharacter = false): KeyPress {
  return isCharacter ? { name, char: name } : { name };
}
