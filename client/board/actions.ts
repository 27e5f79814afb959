/**
 * Board actions: each named key action becomes a state change, a dialog, or an RPC call whose
 * failure is shown in the status bar (the board never crashes on a daemon error).
 */
import type { TaskSummary } from '../../shared/protocol/index.js';
import type { BoardContext } from './board-context.js';
import {
  moveSelectionCard,
  moveSelectionColumn,
  neighbourProjects,
  pushOverlay,
  selectCard,
  selectedColumn,
  selectedTask,
  selectLastCard,
  visibleTasks,
} from './board-state.js';
import { editDescriptionExternally, openEditForm, openTaskView } from './form-actions.js';
import type { BoardAction } from './keymap.js';
import { cardsPerPage } from './layout.js';
import { lineInput } from './line-input.js';

export function runBoardAction(ctx: BoardContext, action: BoardAction): void {
  const state = ctx.state;
  switch (action) {
    case 'columnLeft':
      return ctx.update((s) => moveSelectionColumn(s, -1));
    case 'columnRight':
      return ctx.update((s) => moveSelectionColumn(s, 1));
    case 'cardDown':
      return ctx.update((s) => moveSelectionCard(s, 1));
    case 'cardUp':
      return ctx.update((s) => moveSelectionCard(s, -1));
    case 'pageDown':
      return ctx.update((s) => moveSelectionCard(s, cardsPerPage(s.viewport.height)));
    case 'pageUp':
      return ctx.update((s) => moveSelectionCard(s, -cardsPerPage(s.viewport.height)));
    case 'firstCard':
      return ctx.update((s) => selectCard(s, s.selection.columnIndex, 0));
    case 'lastCard':
      return ctx.update(selectLastCard);
    case 'help':
      return ctx.update((s) => pushOverlay(s, { kind: 'help', scroll: 0 }));
    case 'filter':
      return ctx.update((s) => ({ ...s, filterEditing: true, message: null }));
    case 'quit':
      return ctx.host.quit(0);
    case 'newProject':
      return ctx.update((s) => pushOverlay(s, { kind: 'prompt', title: 'New project name', input: lineInput(), purpose: { action: 'createProject' }, busy: false }));
    case 'previousProject':
    case 'nextProject': {
      const { previous, next } = neighbourProjects(state, ctx.targetProjectId);
      const target = action === 'previousProject' ? previous : next;
      if (!target) return ctx.showInfo(action === 'previousProject' ? 'this is the first project' : 'this is the last project');
      void ctx.switchProject(target.id);
      return;
    }
  }

  const project = state.board?.project;
  if (!project) return ctx.showInfo('no project yet: press P to create one');
  const column = selectedColumn(state);

  switch (action) {
    case 'newColumn':
      return ctx.update((s) =>
        pushOverlay(s, {
          kind: 'prompt',
          title: column ? `New column after ${column.name}` : 'New column',
          input: lineInput(),
          purpose: { action: 'createColumn', afterId: column?.id ?? null },
          busy: false,
        }),
      );
    case 'renameColumn':
      if (!column) return ctx.showInfo('no column to rename');
      return ctx.update((s) =>
        pushOverlay(s, { kind: 'prompt', title: `Rename column ${column.name}`, input: lineInput(column.name), purpose: { action: 'renameColumn', columnId: column.id }, busy: false }),
      );
    case 'deleteColumn': {
      if (!column) return ctx.showInfo('no column to delete');
      const count = column.tasks.length;
      const text =
        count === 0
          ? `Delete the empty column "${column.name}"?`
          : `Delete the column "${column.name}" and the ${count} card${count === 1 ? '' : 's'} in it?`;
      return ctx.update((s) => pushOverlay(s, { kind: 'confirm', title: 'Delete column', text, purpose: { action: 'deleteColumn', columnId: column.id } }));
    }
    case 'addCard':
      if (!column) return ctx.showInfo('no column yet: press C to add one');
      return ctx.update((s) =>
        pushOverlay(s, { kind: 'prompt', title: `New card in ${column.name}`, input: lineInput(), purpose: { action: 'createTask', columnId: column.id }, busy: false }),
      );
  }

  const task = selectedTask(state);
  if (!task) return ctx.showInfo('no card selected');

  switch (action) {
    case 'open':
      return void openTaskView(ctx, task.id);
    case 'edit':
      return void openEditForm(ctx, task.id);
    case 'editDescription':
      return void editDescriptionExternally(ctx, task.id);
    case 'deleteCard':
      return ctx.update((s) =>
        pushOverlay(s, { kind: 'confirm', title: 'Delete card', text: `Delete ${task.ref} "${task.title}"?`, purpose: { action: 'deleteTask', taskId: task.id } }),
      );
    case 'moveCardLeft':
    case 'moveCardRight':
      return moveToNeighbourColumn(ctx, task, action === 'moveCardLeft' ? -1 : 1);
    case 'moveCardUp':
    case 'moveCardDown':
      return moveWithinColumn(ctx, task, action === 'moveCardUp' ? -1 : 1);
  }
}

function moveToNeighbourColumn(ctx: BoardContext, task: TaskSummary, delta: number): void {
  const columns = ctx.state.board?.columns ?? [];
  const target = columns[ctx.state.selection.columnIndex + delta];
  if (!target) return ctx.showInfo(delta < 0 ? 'already in the first column' : 'already in the last column');
  void ctx.moveCard({ taskId: task.id, columnId: target.id });
}

/** Swaps places with the neighbouring shown card (with a filter on, hidden cards are skipped). */
function moveWithinColumn(ctx: BoardContext, task: TaskSummary, delta: number): void {
  const column = selectedColumn(ctx.state);
  if (!column) return;
  const shown = visibleTasks(ctx.state, column);
  const neighbour = shown[ctx.state.selection.cardIndex + delta];
  if (!neighbour) return ctx.showInfo(delta < 0 ? 'already the first card' : 'already the last card');
  void ctx.moveCard({ taskId: task.id, columnId: column.id, position: neighbour.position });
}
