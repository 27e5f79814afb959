/**
 * The closed sets of values the CLI offers as choices (and to shell completion). The protocol
 * modules are imported as types only, so the lists are repeated here, checked by the compiler.
 */
import type { ColumnRole, Priority, RelationKind, TaskType } from '../../shared/protocol/index.js';

export const PRIORITY_CHOICES = ['trivial', 'low', 'medium', 'high', 'critical'] as const satisfies readonly Priority[];
export const TYPE_CHOICES = ['task', 'feature', 'bug'] as const satisfies readonly TaskType[];
export const ROLE_CHOICES = ['ready', 'in_progress', 'done'] as const satisfies readonly ColumnRole[];
export const RELATION_CHOICES = ['parent', 'blocks', 'related'] as const satisfies readonly RelationKind[];

// Fails to compile when the protocol gains a value these lists lack.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
export const choicesAreComplete: [
  Missing<Priority, (typeof PRIORITY_CHOICES)[number]>,
  Missing<TaskType, (typeof TYPE_CHOICES)[number]>,
  Missing<ColumnRole, (typeof ROLE_CHOICES)[number]>,
  Missing<RelationKind, (typeof RELATION_CHOICES)[number]>,
] = [true, true, true, true];
