/**
 * What the key router asks of the outside world, as plain data: the router stays pure, and
 * run-effect.ts turns each effect into daemon calls whose answers come back as reducers.
 * Adding a feature that needs the daemon means one member here and one case there.
 */
import type { Change } from '../../../shared/protocol/index.js';
import type { BoardState } from '../state/board-state.js';
import type { SentMove } from '../state/card-moves.js';
import type { EditForm } from '../state/edit-form.js';
import type { FormField } from '../state/edit-form.js';
import type { LinkPickerOverlay } from '../state/link-picker.js';
import type { ConfirmPurpose, NamedTask, PromptPurpose } from '../state/overlays.js';

export type Effect =
  | { kind: 'quit' }
  | { kind: 'submitPrompt'; purpose: PromptPurpose; text: string; projectId: number | null }
  | { kind: 'confirmed'; purpose: ConfirmPurpose }
  | { kind: 'switchProject'; projectId: number }
  | { kind: 'moveCard'; move: SentMove }
  | { kind: 'loadTaskView'; taskId: number }
  | { kind: 'loadForm'; taskId: number; projectId: number; focus: FormField }
  | { kind: 'saveForm'; form: EditForm }
  /** `E`: the description in $EDITOR, then saved. */
  | { kind: 'editDescription'; taskId: number; projectId: number }
  /** Enter on the form's description: $EDITOR, the result stays in the form. */
  | { kind: 'editFormDescription'; form: EditForm }
  | { kind: 'queryFilter'; projectId: number; query: string }
  | { kind: 'archiveCard'; taskId: number; ref: string; title: string }
  | { kind: 'loadArchive'; projectId: number }
  | { kind: 'unarchiveCard'; taskId: number; ref: string; title: string; projectId: number }
  /** Card counts for the project picker. */
  | { kind: 'loadProjectCounts' }
  /** Counts the project's cards (archived ones too), then asks y/n. */
  | { kind: 'askDeleteProject'; projectId: number }
  /** Leaves the `stopped` state after `paso daemon stop`: starts a daemon. */
  | { kind: 'startDaemon' }
  /** `C` (new) or Enter on a multi-line comment of yours (edit): the comment in $EDITOR. */
  | { kind: 'editCommentInEditor'; task: NamedTask; comment: { id: number; body: string } | null }
  | { kind: 'linkTasks'; picker: LinkPickerOverlay; target: { id: number; ref: string; title: string } }
  /** Enter on a relation whose card is not on the shown board: find it, switch project if needed. */
  | { kind: 'jumpToTask'; taskId: number; ref: string; title: string }
  /** `d` in the label manager: count the cards wearing it (archived ones too), then ask. */
  | { kind: 'askDeleteLabel'; labelId: number; name: string; projectId: number }
  | { kind: 'recolourLabel'; labelId: number; name: string; color: string }
  /** "create label X" in the edit form: created at once, then worn by the form's task. */
  | { kind: 'createFormLabel'; taskId: number; projectId: number; name: string }
  /** `u` / Ctrl+R: the board's own last change or undo. */
  | { kind: 'reverseOwn'; verb: 'undo' | 'redo' }
  /** From the history view: the selected change. */
  | { kind: 'reverseChange'; verb: 'undo' | 'redo'; change: Change }
  | { kind: 'loadHistory'; projectId: number };

/**
 * Effects whose outcome the next input may depend on: input waits for them. A move does
 * not: it shows at once (optimistically) and the daemon's refusal comes as a message.
 */
export function holdsInput(effect: Effect): boolean {
  return effect.kind !== 'moveCard' && effect.kind !== 'queryFilter' && effect.kind !== 'quit';
}

/** A reducer's result plus the effects to run after it is applied. */
export interface Step {
  state: BoardState;
  effects: Effect[];
}

export function step(state: BoardState, ...effects: Effect[]): Step {
  return { state, effects };
}
