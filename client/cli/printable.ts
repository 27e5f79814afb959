/**
 * Text that came from the daemon (titles, names, descriptions, comments, error messages) is
 * shown on a terminal, where a control character would be obeyed rather than shown: ESC could
 * clear the screen, retitle the window or fake output. In human output every C0 control
 * character, DEL and every C1 control character prints as U+FFFD (\ufffd), except a newline
 * or tab inside a multi-line body (a description or comment). `--json` output is untouched.
 *
 * No dependencies: main.ts uses this for `paso: <message>` on every start-up.
 */

export const REPLACEMENT_CHARACTER = '\ufffd';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The colour codes Style writes itself (SGR), kept by `printableView` when colour is on. */
const SGR_OR_CONTROL = /\x1b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A one-line value (title, name): newlines and tabs are replaced too, so tables stay aligned. */
export function printableLine(text: string): string {
  return text.replace(CONTROL, REPLACEMENT_CHARACTER);
}

/** A multi-line body: keeps newlines and tabs; a Windows line end (CR LF) counts as a newline. */
export function printableBlock(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_BUT_NEWLINE_AND_TAB, REPLACEMENT_CHARACTER);
}

/**
 * A whole rendered view, as the last guard before the terminal: without colour no escape
 * code is ours, so every control character but newline and tab goes; with colour only SGR
 * codes survive. Views still clean each value (so a stray newline cannot break a table).
 */
export function printableView(text: string, color: boolean): string {
  if (!color) return printableBlock(text);
  return text.replace(SGR_OR_CONTROL, (match) => (match.length > 1 ? match : REPLACEMENT_CHARACTER));
}
