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
import { pushOverlay } from '../state/overlays.js';
import { applyBoard, moveSelectionCard, moveSelectionColumn, selectCard, selectLastCard } from '../state/selection.js';
import { cardsPerPage } from '../view/layout.js';
import type { BoardAction } from './keymap.js';

export interface ActionContext {
  /** The project shown or being switched to (a switch holds input, so they agree here). */
  projectId: number | null;
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
  }

  const project = state.board?.project;
  if (!project) return info(state, 'no project yet: press P to create one');
  const column = selectedColumn(state);

  switch (action) {
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
    case 'moveCardLeft':
    case 'moveCardRight':
      return moveToNeighbourColumn(state, task, action === 'moveCardLeft' ? -1 : 1);
    case 'moveCardUp':
    case 'moveCardDown':
      return moveWithinColumn(state, task, action === 'moveCardUp' ? -1 : 1);
  }
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

/** Shown at once, the selection following the card; the effect sends it with the version seen. */
function moveCard(state: BoardState, task: TaskSummary, move: CardMove): Step {
  const moved = state.board ? applyBoard(state, moveCardInBoard(state.board, move), { taskId: task.id }) : state;
  return step(moved, { kind: 'moveCard', move: { ...move, expectedVersion: task.version, ref: task.ref, title: task.title } });
}
