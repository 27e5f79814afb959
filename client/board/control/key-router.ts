/**
 * Where each input goes, as one pure function: (state, input) -> new state + effects. The
 * top dialog reads keys first; then the filter being typed; then the board's key bindings.
 * A paste goes to the focused text field or, with none, only says so: pasted text never
 * runs as board keys.
 */
import { step, type Step } from '../effects/effect.js';
import { topOverlay, withMessage, type BoardState } from '../state/board-state.js';
import { setFilter } from '../state/selection.js';
import type { RenderOptions } from '../view/render-board.js';
import { boardAction } from './board-actions.js';
import { dialogKey, dialogPaste } from './dialog-keys.js';
import type { InputEvent, KeyPress } from './input-event.js';
import type { Keymap } from './keymap.js';
import { routeMouse } from './mouse.js';

export interface RouterContext {
  keymap: Keymap;
  options: RenderOptions;
  /** The project shown or being switched to. */
  projectId: number | null;
}

export function routeInput(state: BoardState, event: InputEvent, ctx: RouterContext): Step {
  switch (event.kind) {
    case 'mouse':
      return routeMouse(state, event.name, event.x, event.y);
    case 'paste':
      return routePaste(state, event.text);
    case 'key':
      return routeKey(state, event.key, ctx);
  }
}

function routeKey(state: BoardState, key: KeyPress, ctx: RouterContext): Step {
  // A dialog that opens while a filter is typed gets the keys; the filter resumes after it.
  const overlay = topOverlay(state);
  if (overlay) return dialogKey(state, overlay, key, ctx.options);
  if (state.filterEditing) return filterKey(state, key, ctx);
  // While the daemon is stopped, its start key wins over the action that shares it (r: link).
  if (state.connection === 'stopped' && ctx.options.bindings.startDaemon.includes(key.name)) {
    return boardAction(state, 'startDaemon', ctx);
  }
  const action = ctx.keymap.get(key.name);
  if (!action) {
    if (key.name === 'ESCAPE' && state.filter !== '') return filterChanged(state, '');
    return step(state);
  }
  return boardAction(state, action, ctx);
}

/** While typing a filter, arrows still move the selection so a match can be picked. */
function filterKey(state: BoardState, key: KeyPress, ctx: RouterContext): Step {
  switch (key.name) {
    case 'ESCAPE':
      return filterChanged({ ...state, filterEditing: false }, '');
    case 'ENTER':
      return step({ ...state, filterEditing: false });
    case 'BACKSPACE':
      return filterChanged(state, Array.from(state.filter).slice(0, -1).join(''));
    case 'UP':
    case 'DOWN':
    case 'LEFT':
    case 'RIGHT': {
      const action = ctx.keymap.get(key.name);
      return action ? boardAction(state, action, ctx) : step(state);
    }
  }
  if (key.char !== undefined) return filterChanged(state, state.filter + key.char);
  return step(state);
}

/** The filter is matched here at once; the daemon is asked too, as only it has descriptions. */
function filterChanged(state: BoardState, filter: string): Step {
  const next = setFilter(state, filter);
  const projectId = state.board?.project.id;
  if (filter.trim() === '' || projectId === undefined) return step(next);
  return step(next, { kind: 'queryFilter', projectId, query: filter });
}

function routePaste(state: BoardState, text: string): Step {
  const overlay = topOverlay(state);
  if (overlay) return dialogPaste(state, overlay, text);
  if (state.filterEditing) return filterChanged(state, state.filter + text.replace(/\r\n?|\n/g, ' '));
  return step(withMessage(state, 'paste ignored: the board takes keys, not pasted text (press a to add a card)'));
}
