/** Routing inputs through the pure key router one after another, as the input loop does. */
import type { InputEvent } from '../../client/board/control/input-event.js';
import { routeInput, type RouterContext } from '../../client/board/control/key-router.js';
import type { Effect } from '../../client/board/effects/effect.js';
import type { BoardState } from '../../client/board/state/board-state.js';

/** A key press by tmux-like name: one character, or a name such as ENTER or CTRL_R. */
export const key = (name: string): InputEvent => ({ kind: 'key', key: name.length === 1 ? { name, char: name } : { name } });

/** Routes every input in order, collecting every effect. */
export function routeAll(state: BoardState, inputs: InputEvent[], ctx: RouterContext): { state: BoardState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const input of inputs) {
    const step = routeInput(state, input, ctx);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}
