/**
 * Keys in the project picker and the archive view, as pure functions (called from
 * dialog-keys.ts). The picker lists state.projects, which refreshes keep live.
 */
import { step, type Step } from '../effects/effect.js';
import { withMessage, type BoardState } from '../state/board-state.js';
import { lineInput } from '../state/line-input.js';
import { clampIndex, type ArchiveOverlay, type ProjectPickerOverlay } from '../state/manage-overlays.js';
import { popOverlay, pushOverlay, replaceTopOverlay } from '../state/overlays.js';
import type { KeyPress } from './input-event.js';

const MOVES: Record<string, number> = { j: 1, DOWN: 1, k: -1, UP: -1, PAGE_DOWN: 10, PAGE_UP: -10, g: -Infinity, HOME: -Infinity, G: Infinity, END: Infinity };

function moved(index: number, key: KeyPress, length: number): number | null {
  const delta = MOVES[key.name];
  if (delta === undefined) return null;
  if (delta === -Infinity) return 0;
  if (delta === Infinity) return Math.max(0, length - 1);
  return clampIndex(index + delta, length);
}

export function projectPickerKey(state: BoardState, picker: ProjectPickerOverlay, key: KeyPress): Step {
  if (key.name === 'ESCAPE' || key.name === 'q' || key.name === 'p') return step(popOverlay(state));
  const index = clampIndex(picker.index, state.projects.length);
  const next = moved(index, key, state.projects.length);
  if (next !== null) return step(replaceTopOverlay(state, { ...picker, index: next }));
  if (key.name === 'n' || key.name === 'P') {
    return step(pushOverlay(state, { kind: 'prompt', title: 'New project name', input: lineInput(), purpose: { action: 'createProject' }, busy: false }));
  }
  const project = state.projects[index];
  if (!project) return step(state);
  switch (key.name) {
    case 'ENTER':
    case ' ':
      if (project.id === state.board?.project.id) return step(withMessage(popOverlay(state), `showing project ${project.key} "${project.name}"`));
      return step(popOverlay(state), { kind: 'switchProject', projectId: project.id });
    case 'r':
      return step(
        pushOverlay(state, {
          kind: 'prompt',
          title: `Rename project ${project.key} "${project.name}"`,
          input: lineInput(project.name),
          purpose: { action: 'renameProject', projectId: project.id, key: project.key, name: project.name },
          busy: false,
        }),
      );
    case 'K':
      return step(
        pushOverlay(state, {
          kind: 'prompt',
          title: `New key for "${project.name}" (refs follow: ${project.key}-1 becomes KEY-1)`,
          input: lineInput(project.key),
          purpose: { action: 'changeProjectKey', projectId: project.id, key: project.key, name: project.name },
          busy: false,
        }),
      );
    case 'd':
    case 'DELETE':
      return step(state, { kind: 'askDeleteProject', projectId: project.id });
  }
  return step(state);
}

export function archiveViewKey(state: BoardState, view: ArchiveOverlay, key: KeyPress): Step {
  if (key.name === 'ESCAPE' || key.name === 'q' || key.name === 'v') return step(popOverlay(state));
  const tasks = view.tasks ?? [];
  const next = moved(view.index, key, tasks.length);
  if (next !== null) return step(replaceTopOverlay(state, { ...view, index: next }));
  if (key.name === 'u' || key.name === 'ENTER') {
    const task = tasks[view.index];
    if (!task) return step(withMessage(state, `no archived card in ${view.projectKey} to unarchive`));
    return step(state, { kind: 'unarchiveCard', taskId: task.id, ref: task.ref, title: task.title, projectId: view.projectId });
  }
  return step(state);
}
