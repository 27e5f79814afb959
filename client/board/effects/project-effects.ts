/**
 * Managing projects from the board's picker: card counts, rename, a new key (refs follow,
 * as the daemon derives them from it), and delete after a y/n that says how many cards go.
 */
import type { Project } from '../../../shared/protocol/index.js';
import type { BoardState } from '../state/board-state.js';
import { setProjectCounts } from '../state/manage-overlays.js';
import { closePrompt, pushOverlay, setPromptBusy, type ConfirmPurpose, type PromptPurpose } from '../state/overlays.js';
import { showError, showInfo, type EffectContext } from './effect-context.js';

type ProjectPurpose = Extract<PromptPurpose, { action: 'renameProject' | 'changeProjectKey' }>;

export async function loadProjectCounts(ctx: EffectContext): Promise<void> {
  try {
    const projects = ctx.store.state.projects;
    const lists = await Promise.all(projects.map((p) => ctx.rpc.call('task.list', { projectId: p.id })));
    ctx.store.apply((s) => setProjectCounts(s, Object.fromEntries(projects.map((p, i) => [p.id, lists[i]!.length]))));
  } catch (error) {
    showError(ctx, error);
  }
}

function cards(count: number): string {
  return `${count} card${count === 1 ? '' : 's'}`;
}

export async function askDeleteProject(ctx: EffectContext, projectId: number): Promise<void> {
  const project = ctx.store.state.projects.find((p) => p.id === projectId);
  if (!project) return;
  try {
    const [active, archived] = await Promise.all([
      ctx.rpc.call('task.list', { projectId }),
      ctx.rpc.call('task.list', { projectId, archived: true }),
    ]);
    const count = active.length + archived.length;
    const archivedNote = archived.length === 0 ? '' : ` (${archived.length} of them archived)`;
    const text =
      count === 0
        ? `Delete the empty project ${project.key} "${project.name}"?`
        : `Delete project ${project.key} "${project.name}" and its ${cards(count)}${archivedNote}?`;
    ctx.store.apply((s) =>
      pushOverlay(s, { kind: 'confirm', title: 'Delete project', text, purpose: { action: 'deleteProject', projectId, key: project.key, name: project.name, cardCount: count } }),
    );
  } catch (error) {
    showError(ctx, error);
  }
}

export async function deleteProject(ctx: EffectContext, purpose: Extract<ConfirmPurpose, { action: 'deleteProject' }>): Promise<void> {
  try {
    await ctx.rpc.call('project.delete', { id: purpose.projectId, force: true });
  } catch (error) {
    return showError(ctx, error);
  }
  const shown = ctx.store.state.board?.project.id === purpose.projectId;
  ctx.store.apply((s) => ({ ...s, projects: s.projects.filter((p) => p.id !== purpose.projectId) }));
  if (shown) await ctx.sync.leaveDeletedProject();
  else ctx.sync.requestRefresh();
  const gone = purpose.cardCount === 0 ? '' : ` and its ${cards(purpose.cardCount)}`;
  showInfo(ctx, `deleted project ${purpose.key} "${purpose.name}"${gone}`);
}

function withProject(state: BoardState, project: Project): BoardState {
  const projects = state.projects.map((p) => (p.id === project.id ? project : p));
  const board = state.board && state.board.project.id === project.id ? { ...state.board, project } : state.board;
  return { ...state, projects, board };
}

export async function updateProject(ctx: EffectContext, purpose: ProjectPurpose, text: string): Promise<void> {
  try {
    const rename = purpose.action === 'renameProject';
    const project = await ctx.rpc.call('project.update', rename ? { id: purpose.projectId, name: text } : { id: purpose.projectId, key: text.toUpperCase() });
    ctx.store.apply((s) => withProject(closePrompt(s, purpose), project));
    showInfo(
      ctx,
      rename
        ? `renamed project ${project.key} "${purpose.name}" to "${project.name}"`
        : `changed the key of "${project.name}" from ${purpose.key} to ${project.key}: refs are now ${project.key}-n`,
    );
    // The refs on the cards follow the key: the refresh brings them.
    ctx.sync.requestRefresh();
  } catch (error) {
    // The prompt stays open with what was typed, so a refused name or key can be fixed.
    ctx.store.apply((s) => setPromptBusy(s, purpose, false));
    showError(ctx, error);
  }
}
