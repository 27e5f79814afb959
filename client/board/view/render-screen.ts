/**
 * The whole screen from state and size: the board, then the dialogs on top, or "terminal too
 * small" when nothing sensible fits. Pure; `renderToText` is what the tests read.
 */
import type { BoardState } from '../state/board-state.js';
import { Canvas, canvasToText } from './canvas.js';
import { renderForm } from './form-view.js';
import { renderHelp } from './help-view.js';
import { renderColourPicker, renderLabelManager } from './label-manager-view.js';
import { renderLinkPicker } from './link-picker-view.js';
import { renderHistory } from './history-view.js';
import { MIN_HEIGHT, MIN_WIDTH, isTooSmall, type Size } from './layout.js';
import { renderConfirm, renderLoading, renderPrompt } from './dialog-view.js';
import { renderBoard, type RenderOptions } from './render-board.js';
import { renderTaskView } from './task-detail-view.js';
import { renderArchiveView, renderProjectPicker } from './manage-view.js';
import { displayWidth, truncateToWidth } from './text-width.js';

export function renderScreen(state: BoardState, size: Size, options: RenderOptions): Canvas {
  const canvas = new Canvas(Math.max(0, size.width), Math.max(0, size.height));
  if (isTooSmall(size)) {
    renderTooSmall(canvas);
    return canvas;
  }
  renderBoard(canvas, state, options);
  for (const overlay of state.overlays) {
    switch (overlay.kind) {
      case 'prompt':
        renderPrompt(canvas, overlay, options.theme);
        break;
      case 'confirm':
        renderConfirm(canvas, overlay, options.theme);
        break;
      case 'help':
        renderHelp(canvas, overlay, options.bindings, options.theme);
        break;
      case 'task':
        renderTaskView(canvas, overlay, state.board, options.theme, state.author, options.now);
        break;
      case 'form':
        renderForm(canvas, overlay.form, options.theme);
        break;
      case 'loading':
        renderLoading(canvas, overlay, options.theme);
        break;
      case 'projects':
        renderProjectPicker(canvas, overlay, state.projects, state.board?.project.id ?? null, options.theme);
        break;
      case 'archive':
        renderArchiveView(canvas, overlay, state.board, options.theme);
        break;
      case 'link':
        renderLinkPicker(canvas, overlay, state.board, options.theme);
        break;
      case 'labels':
        renderLabelManager(canvas, overlay, state.board, options.theme);
        break;
      case 'colour':
        renderColourPicker(canvas, overlay, options.theme);
        break;
      case 'history':
        renderHistory(canvas, overlay, options.now, options.theme);
        break;
    }
  }
  return canvas;
}

function renderTooSmall(canvas: Canvas): void {
  const lines = ['terminal too small', `need ${MIN_WIDTH}x${MIN_HEIGHT}, have ${canvas.width}x${canvas.height}`];
  const top = Math.max(0, Math.floor((canvas.height - lines.length) / 2));
  lines.forEach((line, i) => {
    const text = truncateToWidth(line, canvas.width);
    canvas.text(Math.max(0, Math.floor((canvas.width - displayWidth(text)) / 2)), top + i, text, { bold: i === 0 });
  });
}

export function renderToText(state: BoardState, size: Size, options: RenderOptions): string {
  return canvasToText(renderScreen(state, size, options));
}
