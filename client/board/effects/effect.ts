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
import type { ConfirmPurpose, PromptPurpose } from '../state/overlays.js';

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
