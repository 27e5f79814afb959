/**
 * Board actions as pure functions: each named key action becomes a new state (a selection, a
 * dialog, a message) and the effects to run. Nothing here calls the daemon.
 */
import type { TaskSummary } from '../../../shared/protocol/index.js';
import { step, type Step } from '../effects/effect.js';
import { moveCardInBoard, type CardMove } from '../state/card-moves.js';
import {
  neighbourProjects,
  selectedColumn,
  selectedTask,
  visibleTasks,
  withMessage,
  type BoardState,
} from '../state/board-state.js';
import { loadingForm } from '../state/edit-form.js';
import { openHistory } from '../state/history-list.js';
import { lineInput } from '../state/line-input.js';
import { openLinkPicker } from '../state/link-picker.js';
import { pushOverlay } from '../state/overlays.js';
import { applyBoard, moveSelectionCard, moveSelectionColumn, selectCard, selectLastCard } from '../state/selection.js';
import { cardsPerPage } from '../view/layout.js';
import { openArchiveView, openProjectPicker } from '../state/manage-overlays.js';
import { overLimitText } from '../state/wip-limits.js';
import { DEFAULT_BINDINGS, keyLabel, type BoardAction, type KeyBindings } from './keymap.js';

export interface ActionContext {
  /** The project shown or being switched to (a switch holds input, so they agree here). */
  projectId: number | null;
  /** The bindings in use, so messages name the keys people have. */
  options?: { bindings: KeyBindings };
}

export function boardAction(state: BoardState, action: BoardAction, ctx: ActionContext): Step {
  switch (action) {
    case 'columnLeft':
      return step(moveSelectionColumn(state, -1));
    case 'columnRight':
      return step(moveSelectionColumn(state, 1));
    case 'cardDown':
      return step(moveSelectionCard(state, 1));
    case 'cardUp':
      return step(moveSelectionCard(state, -1));
    case 'pageDown':
      return step(moveSelectionCard(state, cardsPerPage(state.viewport.height)));
    case 'pageUp':
      return step(moveSelectionCard(state, -cardsPerPage(state.viewport.height)));
    case 'firstCard':
      return step(selectCard(state, state.selection.columnIndex, 0));
    case 'lastCard':
      return step(selectLastCard(state));
    case 'help':
      return step(pushOverlay(state, { kind: 'help', scroll: 0 }));
    case 'filter':
      return step({ ...state, filterEditing: true, message: null });
    case 'quit':
      return step(state, { kind: 'quit' });
    case 'undo':
      return step(state, { kind: 'reverseOwn', verb: 'undo' });
    case 'redo':
      return step(state, { kind: 'reverseOwn', verb: 'redo' });
    case 'newProject':
      return step(pushOverlay(state, { kind: 'prompt', title: 'New project name', input: lineInput(), purpose: { action: 'createProject' }, busy: false }));
    case 'previousProject':
    case 'nextProject': {
      const { previous, next } = neighbourProjects(state, ctx.projectId);
      const target = action === 'previousProject' ? previous : next;
      if (!target) return info(state, action === 'previousProject' ? 'this is the first project' : 'this is the last project');
      return step(state, { kind: 'switchProject', projectId: target.id });
    }
    case 'projectPicker':
      if (state.projects.length === 0) return info(state, `no projects yet: press ${keyOf(ctx, 'newProject')} to create one`);
      return step(openProjectPicker(state), { kind: 'loadProjectCounts' });
    case 'startDaemon':
      if (state.connection !== 'stopped') return info(state, state.connection === 'connected' ? 'the daemon is running' : `the board is ${state.connection}: it reconnects by itself`);
      return step(withMessage(state, 'starting the daemon…'), { kind: 'startDaemon' });
  }

  const project = state.board?.project;
  if (!project) return info(state, 'no project yet: press P to create one');
  const column = selectedColumn(state);

  switch (action) {
    case 'labels':
      return step(pushOverlay(state, { kind: 'labels', cursor: 0 }));
    case 'history':
      return step(openHistory(state, project.id), { kind: 'loadHistory', projectId: project.id });
    case 'newColumn':
      return step(
        pushOverlay(state, {
          kind: 'prompt',
          title: column ? `New column after ${column.name}` : 'New column',
          input: lineInput(),
          purpose: { action: 'createColumn', afterId: column?.id ?? null },
          busy: false,
        }),
      );
    case 'renameColumn':
      if (!column) return info(state, 'no column to rename');
      return step(
        pushOverlay(state, { kind: 'prompt', title: `Rename column ${column.name}`, input: lineInput(column.name), purpose: { action: 'renameColumn', columnId: column.id }, busy: false }),
      );
    case 'deleteColumn': {
      if (!column) return info(state, 'no column to delete');
      const count = column.tasks.length;
      const text =
        count === 0
          ? `Delete the empty column "${column.name}"?`
          : `Delete the column "${column.name}" and the ${count} card${count === 1 ? '' : 's'} in it?`;
      return step(
        pushOverlay(state, { kind: 'confirm', title: 'Delete column', text, purpose: { action: 'deleteColumn', columnId: column.id, name: column.name, cardCount: count } }),
      );
    }
    case 'archiveView':
      return step(openArchiveView(state, project.id, project.key), { kind: 'loadArchive', projectId: project.id });
    case 'archiveDone': {
      const done = state.board?.columns.find((c) => c.role === 'done');
      if (!done) return info(state, `project ${project.key} has no done column: give one the role with paso column role COLUMN done`);
      return step(
        pushOverlay(state, {
          kind: 'prompt',
          title: `Archive the cards in ${done.name} not updated for N days (empty: all)`,
          input: lineInput(),
          purpose: { action: 'archiveDone', columnId: done.id, name: done.name },
          busy: false,
        }),
      );
    }
    case 'setWipLimit':
      if (!column) return info(state, 'no column to limit');
      return step(
        pushOverlay(state, {
          kind: 'prompt',
          title: `WIP limit for ${column.name} (empty or 0: none)`,
          input: lineInput(column.wipLimit === null ? '' : String(column.wipLimit)),
          purpose: { action: 'setWipLimit', columnId: column.id, name: column.name },
          busy: false,
        }),
      );
    case 'addCard':
      if (!column) return info(state, 'no column yet: press C to add one');
      return step(
        pushOverlay(state, { kind: 'prompt', title: `New card in ${column.name}`, input: lineInput(), purpose: { action: 'createTask', columnId: column.id }, busy: false }),
      );
  }

  const task = selectedTask(state);
  if (!task) return info(state, 'no card selected');

  switch (action) {
    case 'open':
      return step(pushOverlay(state, { kind: 'task', taskId: task.id, detail: null, gone: false, scroll: 0 }), { kind: 'loadTaskView', taskId: task.id });
    case 'edit':
      return step(pushOverlay(state, { kind: 'form', form: loadingForm(task.id, task.ref) }), {
        kind: 'loadForm',
        taskId: task.id,
        projectId: project.id,
        focus: 'title',
      });
    case 'editDescription':
      return step(pushOverlay(state, { kind: 'loading', title: task.ref }), { kind: 'editDescription', taskId: task.id, projectId: project.id });
    case 'deleteCard':
      return step(
        pushOverlay(state, {
          kind: 'confirm',
          title: 'Delete card',
          text: `Delete ${task.ref} "${task.title}"?`,
          purpose: { action: 'deleteTask', taskId: task.id, ref: task.ref, title: task.title },
        }),
      );
    case 'linkCard':
      return step(pushOverlay(state, openLinkPicker(task)));
    case 'moveCardLeft':
    case 'moveCardRight':
      return moveToNeighbourColumn(state, task, action === 'moveCardLeft' ? -1 : 1);
    case 'moveCardUp':
    case 'moveCardDown':
      return moveWithinColumn(state, task, action === 'moveCardUp' ? -1 : 1);
    case 'archiveCard':
      return step(state, { kind: 'archiveCard', taskId: task.id, ref: task.ref, title: task.title });
  }
}

function keyOf(ctx: ActionContext, action: BoardAction): string {
  return keyLabel(ctx.options?.bindings[action][0] ?? DEFAULT_BINDINGS[action][0] ?? '?');
}

function info(state: BoardState, text: string): Step {
  return step(withMessage(state, text));
}

function moveToNeighbourColumn(state: BoardState, task: TaskSummary, delta: number): Step {
  const columns = state.board?.columns ?? [];
  const target = columns[state.selection.columnIndex + delta];
  if (!target) return info(state, delta < 0 ? 'already in the first column' : 'already in the last column');
  return moveCard(state, task, { taskId: task.id, columnId: target.id });
}

/** Swaps places with the neighbouring shown card (with a filter on, hidden cards are skipped). */
function moveWithinColumn(state: BoardState, task: TaskSummary, delta: number): Step {
  const column = selectedColumn(state);
  if (!column) return step(state);
  const neighbour = visibleTasks(state, column)[state.selection.cardIndex + delta];
  if (!neighbour) return info(state, delta < 0 ? 'already the first card' : 'already the last card');
  return moveCard(state, task, { taskId: task.id, columnId: column.id, position: neighbour.position });
}

/**
 * Shown at once, the selection following the card; the effect sends it with the version seen.
 * A move into a column past its WIP limit goes ahead, and the status bar says so.
 */
function moveCard(state: BoardState, task: TaskSummary, move: CardMove): Step {
  let moved = state.board ? applyBoard(state, moveCardInBoard(state.board, move), { taskId: task.id }) : state;
  const over = move.columnId !== task.columnId ? overLimitText(moved.board, move.columnId) : null;
  if (over) moved = withMessage(moved, `moved ${task.ref} to ${moved.board?.columns.find((c) => c.id === move.columnId)?.name}; ${over}`);
  return step(moved, { kind: 'moveCard', move: { ...move, expectedVersion: task.version, ref: task.ref, title: task.title } });
}
