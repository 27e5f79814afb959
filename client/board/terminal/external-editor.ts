/**
 * Edits text in $VISUAL / $EDITOR (default vi): the board leaves the full screen, the editor
 * runs on a temporary file with the terminal to itself, and the board comes back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name];
    if (value && value.trim() !== '') return value;
  }
  return 'vi';
}

/**
 * Runs the editor synchronously between suspend() and resume(). Returns the edited text
 * (without the final newline editors add), or null when it did not change; throws when the
 * editor cannot run or fails.
 */
export function editInExternalEditor(text: string, fileHint: string, suspend: () => void, resume: () => void): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'paso-edit-'));
  const file = join(dir, `${fileHint.replace(/[^A-Za-z0-9_-]/g, '_') || 'task'}.md`);
  const editor = editorCommand();
  try {
    writeFileSync(file, text.endsWith('\n') || text === '' ? text : `${text}\n`, { mode: 0o600 });
    suspend();
    let result;
    try {
      // Through the shell, so EDITOR may carry arguments ("code --wait").
      result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'paso-editor', file], { stdio: 'inherit' });
    } finally {
      resume();
    }
    if (result.error) throw new Error(`cannot run the editor '${editor}': ${result.error.message}`);
    if (result.status !== 0) throw new Error(`the editor '${editor}' exited with status ${result.status ?? result.signal}`);
    const edited = readFileSync(file, 'utf8').replace(/\n+$/, '');
    return edited === text.replace(/\n+$/, '') ? null : edited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
