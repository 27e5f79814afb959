/**
 * What can be selected in the task view (its relations, then its comments) and how a
 * relation reads from the shown task's side. The selection is held by a key (`comment:12`,
 * `relation:blocks:5`), so it stays on its item when the view is re-read live and others
 * add comments above it.
 */
import type { Comment, TaskDetail, TaskLink } from '../../../shared/protocol/index.js';

/** How the shown task relates to another, as the picker offers it: "WEB-3 <is parent of> WEB-5". */
export const LINK_KINDS = ['parent', 'child', 'blocks', 'blockedBy', 'related'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_PHRASES: Record<LinkKind, string> = {
  parent: 'is parent of',
  child: 'is child of',
  blocks: 'blocks',
  blockedBy: 'is blocked by',
  related: 'is related to',
};

/** "LN-3 is no longer <blocked by> LN-1", in questions and messages after an unlink. */
export const UNLINK_PHRASES: Record<LinkKind, string> = {
  parent: 'the parent of',
  child: 'a child of',
  blocks: 'blocking',
  blockedBy: 'blocked by',
  related: 'related to',
};

/** The task view's headings, per relation seen from the shown task. */
export const RELATION_HEADINGS: Record<LinkKind, string> = {
  child: 'Parent',
  parent: 'Children',
  blocks: 'Blocks',
  blockedBy: 'Blocked by',
  related: 'Related',
};

export type TaskViewItem =
  | { key: string; kind: 'relation'; relation: LinkKind; link: TaskLink }
  | { key: string; kind: 'comment'; comment: Comment };

/** The lists of TaskDetail, each as the relation the shown task has to the listed ones. */
function relationLists(detail: TaskDetail): [LinkKind, TaskLink[]][] {
  return [
    ['child', detail.parents],
    ['parent', detail.children],
    ['blocks', detail.blocks],
    ['blockedBy', detail.blockedBy],
    ['related', detail.related],
  ];
}

export function taskViewItems(detail: TaskDetail): TaskViewItem[] {
  const items: TaskViewItem[] = [];
  for (const [relation, links] of relationLists(detail)) {
    for (const link of links) items.push({ key: `relation:${relation}:${link.id}`, kind: 'relation', relation, link });
  }
  for (const comment of detail.comments) items.push({ key: `comment:${comment.id}`, kind: 'comment', comment });
  return items;
}

export function findItem(detail: TaskDetail | null, key: string | null): TaskViewItem | null {
  if (!detail || key === null) return null;
  return taskViewItems(detail).find((item) => item.key === key) ?? null;
}

/** The next (delta 1) or previous item, wrapping; from nothing, the first or the last. */
export function nextItemKey(detail: TaskDetail, current: string | null, delta: 1 | -1): string | null {
  const items = taskViewItems(detail);
  if (items.length === 0) return null;
  const index = items.findIndex((item) => item.key === current);
  if (index < 0) return items[delta > 0 ? 0 : items.length - 1]!.key;
  return items[(index + delta + items.length) % items.length]!.key;
}

/**
 * The task.link / task.unlink params for "self <kind> other": the daemon stores parent and
 * blocks from the parent's and the blocker's side.
 */
export function linkParams(kind: LinkKind, selfId: number, otherId: number): { taskId: number; kind: 'parent' | 'blocks' | 'related'; targetId: number } {
  switch (kind) {
    case 'parent':
      return { taskId: selfId, kind: 'parent', targetId: otherId };
    case 'child':
      return { taskId: otherId, kind: 'parent', targetId: selfId };
    case 'blocks':
      return { taskId: selfId, kind: 'blocks', targetId: otherId };
    case 'blockedBy':
      return { taskId: otherId, kind: 'blocks', targetId: selfId };
    case 'related':
      return { taskId: selfId, kind: 'related', targetId: otherId };
  }
}

/** A comment as named in questions and messages: its first words. */
export function commentExcerpt(body: string, max = 40): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
