/**
 * `r` after `paso daemon stop`: the board stays stopped (starting a daemon would undo what
 * its user asked for) until someone starts one or this key asks the connection to.
 */
import { errorText, showInfo, type EffectContext } from './effect-context.js';
import { withMessage } from '../state/board-state.js';

export async function startDaemon(ctx: EffectContext): Promise<void> {
  try {
    await ctx.rpc.startDaemon();
    showInfo(ctx, 'started the daemon');
  } catch (error) {
    ctx.store.apply((s) => withMessage(s, `could not start the daemon: ${errorText(error)}`, 'error'));
  }
}
