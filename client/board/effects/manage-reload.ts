/** After each refresh, the open archive view and project picker are re-read: they are live too. */
import { reloadArchiveViews } from './archive-effects.js';
import type { EffectContext } from './effect-context.js';
import { loadProjectCounts } from './project-effects.js';

export async function reloadManageViews(ctx: EffectContext): Promise<void> {
  const overlays = ctx.store.state.overlays;
  if (overlays.some((o) => o.kind === 'archive')) await reloadArchiveViews(ctx);
  if (overlays.some((o) => o.kind === 'projects')) await loadProjectCounts(ctx);
}
