/**
 * Param schemas of every method, written once with TypeBox: the daemon validates with them,
 * `rpc.discover` returns them as JSON Schema, and clients take their types (type-only import,
 * so the thin client never loads TypeBox).
 */
import { COLUMN_ROLES, PRIORITIES, RELATION_KINDS, TASK_TYPES } from './entities.js';
import { Kind, Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;

export const Id = Type.Integer({ minimum: 1, description: 'A positive integer id' });
const NullableId = Type.Union([Id, Type.Null()]);
/** A string enum whose static type keeps the literals. */
function oneOf<const T extends readonly string[]>(values: T, description: string) {
  return Type.Union(values.map((value) => Type.Literal(value)), { description }) as unknown as TUnion<TLiteral<T[number]>[]>;
}

export const Priority = oneOf(PRIORITIES, PRIORITIES.join(' | '));
export const TaskType = oneOf(TASK_TYPES, TASK_TYPES.join(' | '));
const Role = oneOf(COLUMN_ROLES, COLUMN_ROLES.join(' | '));
export const NullableRole = Type.Union([Role, Type.Null()]);
/**
 * Text limits count characters as people do (code points, not UTF-16 units) and apply after
 * trimming where the field is trimmed. TypeBox's maxLength does neither, so text fields have
 * their own kind, checked by the daemon's validator; the JSON Schema keywords still describe
 * them (`x-trimmed` marks the trimmed ones).
 */
export const TEXT_KIND = 'PasoText';

export function Text(options: { minLength?: number; maxLength: number; oneLine?: boolean; trimmed?: boolean; description?: string }) {
  const { oneLine, trimmed, ...limits } = options;
  return Type.Unsafe<string>({
    [Kind]: TEXT_KIND,
    type: 'string',
    ...limits,
    ...(oneLine ? { pattern: '^[^\\r\\n]*$' } : {}),
    ...(trimmed ? { 'x-trimmed': true } : {}),
  });
}

export const Title = Text({ minLength: 1, maxLength: 200, oneLine: true, trimmed: true, description: 'One line, 1-200 characters, trimmed' });
export const Description = Text({ maxLength: 20_000 });
export const ProjectName = Text({ minLength: 1, maxLength: 100, oneLine: true, trimmed: true });
export const ProjectKey = Type.String({ pattern: '^[A-Za-z0-9]{1,10}$', description: '1-10 of A-Z0-9 (upper-cased)' });
export const ShortName = Text({ minLength: 1, maxLength: 50, oneLine: true, trimmed: true });
export const Color = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '#RRGGBB' });
const DueAt = Type.Union([Type.String({ minLength: 1, maxLength: 40, description: 'ISO-8601 date or date-time' }), Type.Null()]);
export const CommentBody = Text({ minLength: 1, maxLength: 4_000, trimmed: true });
const TaskRef = Type.String({ pattern: '^[A-Za-z0-9]{1,10}-[0-9]{1,9}$', description: 'KEY-ticket, e.g. WEB-12' });
const LabelIds = Type.Array(Id, { maxItems: 100, description: 'Label ids of the task\'s project' });
const RelationKind = oneOf(RELATION_KINDS, 'parent (task is parent of target) | blocks (task blocks target) | related');

const NoParams = Type.Object({}, strict);
const ById = Type.Object({ id: Id }, strict);
const ByProject = Type.Object({ projectId: Id }, strict);

const Link = Type.Object({ taskId: Id, kind: RelationKind, targetId: Id }, strict);

/** Every method, its description and its params. The order is the order of `rpc.discover`. */
export const methodSpecs = {
  'rpc.discover': { description: 'Lists every method with its params as JSON Schema.', params: NoParams },
  'daemon.status': { description: 'Version, pid, uptime, connections and the current change seq.', params: NoParams },
  'daemon.shutdown': { description: 'Finishes in-flight calls, removes socket and pid file, and exits.', params: NoParams },
  hello: {
    description: 'Names who this connection acts for (actor) and which client it is; changes made on it are recorded with them.',
    params: Type.Object(
      {
        actor: Type.Optional(Text({ minLength: 1, maxLength: 100, oneLine: true, trimmed: true })),
        client: Type.Optional(Text({ minLength: 1, maxLength: 50, oneLine: true, trimmed: true })),
      },
      strict,
    ),
  },
  subscribe: {
    description:
      'Receive db_changed notifications, for one project or (null/absent) all. Replaces an earlier subscription. With sinceSeq, one db_changed follows the reply when the seq is already past it.',
    params: Type.Object({ projectId: Type.Optional(NullableId), sinceSeq: Type.Optional(Type.Integer({ minimum: 0 })) }, strict),
  },
  unsubscribe: { description: 'Stop receiving db_changed notifications.', params: NoParams },
  'board.get': { description: 'One consistent snapshot of a project: columns with their tasks, and labels.', params: ByProject },

  'project.list': { description: 'All projects.', params: NoParams },
  'project.get': { description: 'One project.', params: ById },
  'project.create': {
    description: 'Creates a project with columns Todo, In Progress and Done.',
    params: Type.Object({ name: ProjectName, key: Type.Optional(ProjectKey), description: Type.Optional(Description) }, strict),
  },
  'project.update': {
    description: 'Renames a project or changes its key or description.',
    params: Type.Object(
      { id: Id, name: Type.Optional(ProjectName), key: Type.Optional(ProjectKey), description: Type.Optional(Description) },
      strict,
    ),
  },
  'project.delete': {
    description: 'Deletes a project; refused while it has tasks unless force is true.',
    params: Type.Object({ id: Id, force: Type.Optional(Type.Boolean()) }, strict),
  },

  'column.list': { description: 'The columns of a project in board order.', params: ByProject },
  'column.create': {
    description: 'Adds a column after afterId, or at the end.',
    params: Type.Object(
      { projectId: Id, name: ShortName, afterId: Type.Optional(Id), role: Type.Optional(NullableRole) },
      strict,
    ),
  },
  'column.update': {
    description:
      "Renames a column, sets its role (taking the role from the project's other column) or its advisory WIP limit (null: none).",
    params: Type.Object(
      {
        id: Id,
        name: Type.Optional(ShortName),
        role: Type.Optional(NullableRole),
        wipLimit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
      },
      strict,
    ),
  },
  'column.move': {
    description: 'Moves a column to a 0-based position; returns the columns in their new order.',
    params: Type.Object({ id: Id, position: Type.Integer({ minimum: 0 }) }, strict),
  },
  'column.delete': {
    description: 'Deletes a column; refused while it holds tasks unless force is true.',
    params: Type.Object({ id: Id, force: Type.Optional(Type.Boolean()) }, strict),
  },

  'task.list': {
    description: 'Tasks of a project in board order, filtered; query matches ref, title and description.',
    params: Type.Object(
      {
        projectId: Id,
        columnId: Type.Optional(Id),
        labelId: Type.Optional(Id),
        priority: Type.Optional(Priority),
        type: Type.Optional(TaskType),
        blocked: Type.Optional(Type.Boolean()),
        query: Type.Optional(Type.String({ maxLength: 200 })),
        archived: Type.Optional(Type.Boolean({ description: 'true: only archived tasks; default: only live ones' })),
      },
      strict,
    ),
  },
  'task.get': {
    description: 'One task with description, labels, relations and comments, by id or ref.',
    params: Type.Union([Type.Object({ id: Id }, strict), Type.Object({ ref: TaskRef }, strict)]),
  },
  'task.create': {
    description: "Creates a task; default column: the project's ready column, else the first.",
    params: Type.Object(
      {
        projectId: Id,
        title: Title,
        columnId: Type.Optional(Id),
        description: Type.Optional(Description),
        priority: Type.Optional(Priority),
        type: Type.Optional(TaskType),
        dueAt: Type.Optional(DueAt),
        labelIds: Type.Optional(LabelIds),
        parentId: Type.Optional(Id),
      },
      strict,
    ),
  },
  'task.update': {
    description: 'Changes task fields; with expectedVersion, fails with a conflict if the task changed since.',
    params: Type.Object(
      {
        id: Id,
        title: Type.Optional(Title),
        description: Type.Optional(Description),
        priority: Type.Optional(Priority),
        type: Type.Optional(TaskType),
        dueAt: Type.Optional(DueAt),
        expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      strict,
    ),
  },
  'task.move': {
    description:
      'Moves a task to a column (by id or role) at a 0-based position (default: the end); with expectedVersion, fails with a conflict if the task changed since.',
    params: Type.Object(
      {
        id: Id,
        columnId: Type.Optional(Id),
        role: Type.Optional(Role),
        position: Type.Optional(Type.Integer({ minimum: 0 })),
        expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      strict,
    ),
  },
  'task.archive': {
    description: 'Archives a task: it keeps its ref and column but leaves the board and task.list.',
    params: ById,
  },
  'task.unarchive': { description: 'Brings an archived task back, at the end of its column.', params: ById },
  'task.delete': { description: 'Deletes a task with its comments and relations.', params: ById },
  'task.setLabels': {
    description: 'Replaces the labels of a task.',
    params: Type.Object({ id: Id, labelIds: LabelIds }, strict),
  },
  'task.link': { description: 'Adds a relation from taskId to targetId.', params: Link },
  'task.unlink': { description: 'Removes a relation from taskId to targetId.', params: Link },

  'label.list': { description: 'Labels of a project.', params: ByProject },
  'label.create': {
    description: 'Creates a label; the name is unique in its project.',
    params: Type.Object({ projectId: Id, name: ShortName, color: Type.Optional(Color) }, strict),
  },
  'label.update': {
    description: 'Renames or recolours a label.',
    params: Type.Object({ id: Id, name: Type.Optional(ShortName), color: Type.Optional(Color) }, strict),
  },
  'label.delete': { description: 'Deletes a label and removes it from its tasks.', params: ById },

  'comment.add': {
    description: 'Adds a comment to a task.',
    params: Type.Object({ taskId: Id, body: CommentBody, author: Type.Optional(Text({ minLength: 1, maxLength: 100, oneLine: true, trimmed: true })) }, strict),
  },
  'comment.update': { description: 'Changes the body of a comment.', params: Type.Object({ id: Id, body: CommentBody }, strict) },
  'comment.delete': { description: 'Deletes a comment.', params: ById },

  'history.list': {
    description: 'Committed changes, newest first, optionally of one project, task or actor, before a seq.',
    params: Type.Object(
      {
        projectId: Type.Optional(Id),
        taskId: Type.Optional(Id),
        actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
        beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      strict,
    ),
  },
  'history.undo': {
    description: 'Undoes the change with this seq as a new change; a conflict when a later change touched the same data.',
    params: Type.Object({ seq: Type.Integer({ minimum: 1 }) }, strict),
  },
  'history.redo': {
    description: 'Redoes the change with this seq (one that was undone) as a new change; a conflict when a later change touched the same data.',
    params: Type.Object({ seq: Type.Integer({ minimum: 1 }) }, strict),
  },

  'data.export': {
    description: 'One consistent snapshot of all projects (or the given ones) as a paso-export document, archived tasks included.',
    params: Type.Object({ projectIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1_000 })) }, strict),
  },
  'data.import': {
    description: 'Loads a paso-export document as new projects, atomically; a malformed document is a validation error naming the path.',
    params: Type.Object({ document: Type.Unknown({ description: 'A paso-export document (format "paso-export", version 1)' }) }, strict),
  },
  'daemon.backup': {
    description: 'Writes a consistent copy of the live database to path (SQLite online backup), mode 0600.',
    params: Type.Object({ path: Type.String({ minLength: 1, maxLength: 4_096, description: 'An absolute path on the daemon host' }) }, strict),
  },

  atomic: {
    description: 'Runs calls in order in one transaction with one db_changed; any failure rolls all back.',
    params: Type.Object(
      {
        calls: Type.Array(
          Type.Object({ method: Type.String({ minLength: 1 }), params: Type.Optional(Type.Unknown()) }, strict),
          { minItems: 1, maxItems: 1_000 },
        ),
      },
      strict,
    ),
  },
} as const satisfies Record<string, { description: string; params: TSchema }>;

export type MethodName = keyof typeof methodSpecs;
export type ParamsOf<M extends MethodName> = Static<(typeof methodSpecs)[M]['params']>;
