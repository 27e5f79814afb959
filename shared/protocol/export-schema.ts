/**
 * The paso-export document (CONTRACT section 4, `data.export` / `data.import`) as a TypeBox
 * schema: the daemon validates imports with it, and `paso-export.schema.json` in the README
 * is its JSON Schema. Text fields carry the same limits as the methods that write them.
 *
 * An export carries every field of the entities; an import needs only what it cannot derive
 * (ids to tie things together, names, tickets, titles), so the derived ones are optional
 * there: refs, `blocked`, `labels`, `parents`, `blockedBy`, the `projectId`s and `taskId`s.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  Color,
  CommentBody,
  Description,
  Id,
  NullableRole,
  Priority,
  ProjectKey,
  ProjectName,
  ShortName,
  TaskType,
  Text,
  Title,
} from './params.js';

const Time = Type.String({ minLength: 1, maxLength: 40, description: 'ISO-8601 time' });
const Position = Type.Integer({ minimum: 0 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const ExportedProjectInfo = Type.Object({
  id: Id,
  name: ProjectName,
  key: ProjectKey,
  description: Type.Optional(Description),
  createdAt: Type.Optional(Time),
  updatedAt: Type.Optional(Time),
});

const ExportedColumn = Type.Object({
  id: Id,
  projectId: Type.Optional(Id),
  name: ShortName,
  position: Type.Optional(Position),
  role: Type.Optional(NullableRole),
  wipLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
});

const ExportedLabel = Type.Object({ id: Id, projectId: Type.Optional(Id), name: ShortName, color: Color });

/** A relation list entry: only `id` (a task of the same document project) is read. */
const TaskLink = Type.Object({ id: Id, ref: Type.Optional(Type.String()), title: Type.Optional(Type.String()), columnId: Type.Optional(Id) });

const ExportedComment = Type.Object({
  id: Id,
  taskId: Type.Optional(Id),
  body: CommentBody,
  author: Text({ minLength: 1, maxLength: 100, oneLine: true, trimmed: true }),
  createdAt: Type.Optional(Time),
  updatedAt: Type.Optional(Time),
});

const ExportedTask = Type.Object({
  id: Id,
  projectId: Type.Optional(Id),
  ref: Type.Optional(Type.String()),
  ticket: Type.Integer({ minimum: 1, maximum: 999_999_999 }),
  title: Title,
  columnId: Id,
  position: Type.Optional(Position),
  priority: Type.Optional(Priority),
  type: Type.Optional(TaskType),
  dueAt: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  labelIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  blocked: Type.Optional(Type.Boolean()),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  updatedAt: Type.Optional(Time),
  archivedAt: Type.Optional(Nullable(Time)),
  description: Type.Optional(Description),
  createdAt: Type.Optional(Time),
  labels: Type.Optional(Type.Array(ExportedLabel)),
  parents: Type.Optional(Type.Array(TaskLink)),
  children: Type.Optional(Type.Array(TaskLink)),
  blocks: Type.Optional(Type.Array(TaskLink)),
  blockedBy: Type.Optional(Type.Array(TaskLink)),
  related: Type.Optional(Type.Array(TaskLink)),
  comments: Type.Optional(Type.Array(ExportedComment)),
});

export const PasoExportSchema = Type.Object(
  {
    format: Type.Literal('paso-export'),
    version: Type.Literal(1),
    exportedAt: Type.Optional(Time),
    projects: Type.Array(
      Type.Object({
        project: ExportedProjectInfo,
        columns: Type.Array(ExportedColumn, { minItems: 1 }),
        labels: Type.Optional(Type.Array(ExportedLabel)),
        tasks: Type.Optional(Type.Array(ExportedTask)),
      }),
    ),
  },
  {
    $id: 'https://paso.dev/schema/paso-export-1.json',
    title: 'paso-export',
    description: 'A snapshot of Paso projects, written by data.export / paso export and read by data.import / paso import.',
  },
);

/** A document as import reads it (derived fields optional). */
export type ImportDocument = Static<typeof PasoExportSchema>;
export type ImportedProject = ImportDocument['projects'][number];
export type ImportedTask = NonNullable<ImportedProject['tasks']>[number];
