/**
 * Keys on the board become named actions. A config file may rebind any action; Ctrl+C
 * (quit) and Ctrl+Z (suspend) are the terminal's own and act at once, whatever the config
 * says and whatever input is still waiting. A new binding is a member of BOARD_ACTIONS, a
 * default key, a help line and a case in board-actions.ts.
 */

export const BOARD_ACTIONS = [
  'columnLeft',
  'columnRight',
  'cardDown',
  'cardUp',
  'firstCard',
  'lastCard',
  'pageDown',
  'pageUp',
  'addCard',
  'edit',
  'editDescription',
  'open',
  'deleteCard',
  'moveCardLeft',
  'moveCardRight',
  'moveCardUp',
  'moveCardDown',
  'newColumn',
  'renameColumn',
  'deleteColumn',
  'newProject',
  'previousProject',
  'nextProject',
  'projectPicker',
  'archiveCard',
  'archiveDone',
  'archiveView',
  'setWipLimit',
  'startDaemon',
  'filter',
  'help',
  'quit',
  'linkCard',
  'labels',
  'undo',
  'redo',
  'history',
] as const;

export type BoardAction = (typeof BOARD_ACTIONS)[number];

export type KeyBindings = Record<BoardAction, string[]>;

export const DEFAULT_BINDINGS: KeyBindings = {
  columnLeft: ['h', 'LEFT'],
  columnRight: ['l', 'RIGHT'],
  cardDown: ['j', 'DOWN'],
  cardUp: ['k', 'UP'],
  firstCard: ['g', 'HOME'],
  lastCard: ['G', 'END'],
  pageDown: ['PAGE_DOWN'],
  pageUp: ['PAGE_UP'],
  addCard: ['a'],
  edit: ['e'],
  editDescription: ['E'],
  open: ['ENTER', ' '],
  deleteCard: ['d'],
  moveCardLeft: ['H'],
  moveCardRight: ['L'],
  moveCardUp: ['K'],
  moveCardDown: ['J'],
  newColumn: ['C'],
  renameColumn: ['R'],
  deleteColumn: ['X'],
  newProject: ['P'],
  previousProject: ['{'],
  nextProject: ['}'],
  projectPicker: ['p'],
  archiveCard: ['x'],
  archiveDone: ['A'],
  archiveView: ['v'],
  setWipLimit: ['W'],
  startDaemon: ['r'],
  filter: ['/'],
  help: ['?'],
  quit: ['q', 'CTRL_C'],
  linkCard: ['r'],
  labels: ['t'],
  undo: ['u'],
  redo: ['CTRL_R'],
  history: ['y'],
};

export const ACTION_HELP: Record<BoardAction, string> = {
  columnLeft: 'previous column',
  columnRight: 'next column',
  cardDown: 'next card',
  cardUp: 'previous card',
  firstCard: 'first card',
  lastCard: 'last card',
  pageDown: 'a page of cards down',
  pageUp: 'a page of cards up',
  addCard: 'add a card in this column',
  edit: 'edit title, description, priority, type, due, labels',
  editDescription: 'edit the description in $EDITOR',
  open: 'open the task view',
  deleteCard: 'delete the card (asks y/n)',
  moveCardLeft: 'move the card to the previous column',
  moveCardRight: 'move the card to the next column',
  moveCardUp: 'move the card up',
  moveCardDown: 'move the card down',
  newColumn: 'new column after this one',
  renameColumn: 'rename the column',
  deleteColumn: 'delete the column and its cards (asks y/n)',
  newProject: 'new project',
  previousProject: 'previous project',
  nextProject: 'next project',
  projectPicker: 'projects: switch, rename (r), change key (K), delete (d), new (n)',
  archiveCard: 'archive the card',
  archiveDone: 'archive the cards in the done column (asks: older than N days)',
  archiveView: 'archived cards of this project (u: unarchive)',
  setWipLimit: "set the column's WIP limit (empty or 0: none)",
  startDaemon: 'start the daemon again after `paso daemon stop`',
  filter: 'filter cards as you type (Esc clears)',
  help: 'this help',
  quit: 'quit',
  linkCard: 'link the card to another (parent, child, blocks, blocked by, related)',
  labels: 'labels: add, rename, recolour, delete',
  undo: 'undo the last change made from this board',
  redo: 'redo what u undid',
  history: "the project's history: who changed what, when",
};

export type Keymap = Map<string, BoardAction>;

export function buildKeymap(bindings: KeyBindings): Keymap {
  const map: Keymap = new Map();
  for (const action of BOARD_ACTIONS) {
    for (const key of bindings[action]) map.set(key, action);
  }
  map.set('CTRL_C', 'quit');
  return map;
}

/**
 * Applies overrides (action -> key or keys) on top of the defaults. Unknown actions and
 * non-string keys are reported, not fatal, so a typo in the config never locks anyone out.
 */
export function applyOverrides(overrides: unknown): { bindings: KeyBindings; problems: string[] } {
  const bindings: KeyBindings = { ...DEFAULT_BINDINGS };
  const problems: string[] = [];
  if (overrides == null) return { bindings, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    return { bindings, problems: ['keys: expected a mapping of action to key(s)'] };
  }
  const overridden = new Set<BoardAction>();
  for (const [action, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!(BOARD_ACTIONS as readonly string[]).includes(action)) {
      problems.push(`keys: unknown action "${action}"`);
      continue;
    }
    const keys = Array.isArray(value) ? value : [value];
    if (keys.length === 0 || !keys.every((k) => typeof k === 'string' && k.length > 0)) {
      problems.push(`keys.${action}: expected a key name or a list of them`);
      continue;
    }
    bindings[action as BoardAction] = keys.map((k) => normalizeKeyName(k as string));
    overridden.add(action as BoardAction);
  }
  // A key given to an action in the config is taken away from the action that had it by default.
  const taken = new Set([...overridden].flatMap((action) => bindings[action]));
  for (const action of BOARD_ACTIONS) {
    if (!overridden.has(action)) bindings[action] = bindings[action].filter((key) => !taken.has(key));
  }
  return { bindings, problems };
}

/** Lets people write "space", "enter", "ctrl+x" or "Ctrl-X" in the config. */
export function normalizeKeyName(key: string): string {
  if (key.length === 1) return key;
  const lower = key.toLowerCase();
  if (lower === 'space') return ' ';
  const ctrl = /^ctrl[+_-](.)$/i.exec(key);
  if (ctrl) return `CTRL_${ctrl[1]!.toUpperCase()}`;
  return key.toUpperCase().replace(/[+-]/g, '_');
}

/** How a key is written in the help and the status bar. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ' ': 'space',
    ENTER: 'Enter',
    LEFT: '←',
    RIGHT: '→',
    UP: '↑',
    DOWN: '↓',
    HOME: 'Home',
    END: 'End',
    PAGE_UP: 'PgUp',
    PAGE_DOWN: 'PgDn',
    ESCAPE: 'Esc',
  };
  if (names[key]) return names[key]!;
  const ctrl = /^CTRL_(.)$/.exec(key);
  if (ctrl) return `Ctrl+${ctrl[1]}`;
  return key;
}
