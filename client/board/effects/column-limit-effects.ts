/** `W`: a column's WIP limit, set from the board's prompt (empty or 0 clears it). */
import { showColumn } from '../state/board-changes.js';
import { closePrompt, setPromptBusy, type PromptPurpose } from '../state/overlays.js';
import { overLimitText, parseWipInput } from '../state/wip-limits.js';
import { showError, showInfo, type EffectContext } from './effect-context.js';

export async function setWipLimit(ctx: EffectContext, purpose: Extract<PromptPurpose, { action: 'setWipLimit' }>, text: string): Promise<void> {
  const parsed = parseWipInput(text);
  if ('error' in parsed) {
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    return showError(ctx, parsed.error);
  }
  try {
    const column = await ctx.rpc.call('column.update', { id: purpose.columnId, wipLimit: parsed.limit });
    ctx.store.apply((s) => showColumn(closePrompt(s, purpose), column, false));
    const over = overLimitText(ctx.store.state.board, column.id);
    const done = column.wipLimit === null ? `removed the WIP limit of ${column.name}` : `set the WIP limit of ${column.name} to ${column.wipLimit}`;
    showInfo(ctx, over ? `${done}; ${over}` : done);
    ctx.sync.requestRefresh();
  } catch (error) {
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    showError(ctx, error);
  }
}
