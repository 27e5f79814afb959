/** `paso column ...`: columns of one project, named by id, name or role. */
import { PasoError } from '../../shared/errors.js';
import type { Column, ColumnRole, ParamsOf } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { printableLine, tableOrEmpty, type Style, type VerbOutput } from './output.js';
import { findColumn } from '../find-by-name.js';
import { resolveProject } from './resolve.js';

interface ProjectOption {
  project?: string;
}

export async function listColumns(client: PasoClient, _args: [], options: ProjectOption): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  return columnTable(await client.call('column.list', { projectId: project.id }));
}

export async function addColumn(
  client: PasoClient,
  [name]: [string],
  options: ProjectOption & { after?: string; role?: ColumnRole },
): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const params: ParamsOf<'column.create'> = { projectId: project.id, name };
  if (options.after !== undefined) {
    params.afterId = findColumn(await client.call('column.list', { projectId: project.id }), options.after).id;
  }
  if (options.role !== undefined) params.role = options.role;
  return changedColumn(await client.call('column.create', params), 'Created column');
}

export async function renameColumn(client: PasoClient, [given, name]: [string, string], options: ProjectOption): Promise<VerbOutput> {
  const column = await columnOf(client, given, options);
  return changedColumn(await client.call('column.update', { id: column.id, name }), 'Renamed column');
}

export async function moveColumn(
  client: PasoClient,
  [given, position]: [string, number],
  options: ProjectOption,
): Promise<VerbOutput> {
  const column = await columnOf(client, given, options);
  return columnTable(await client.call('column.move', { id: column.id, position }), column.id);
}

export async function updateColumn(
  client: PasoClient,
  [given]: [string],
  options: ProjectOption & { name?: string; role?: ColumnRole | 'none'; wip?: number | 'none' },
): Promise<VerbOutput> {
  if (options.name === undefined && options.role === undefined && options.wip === undefined) {
    throw new PasoError('usage', 'nothing to change: give --name, --role or --wip');
  }
  const column = await columnOf(client, given, options);
  const params: ParamsOf<'column.update'> = { id: column.id };
  if (options.name !== undefined) params.name = options.name;
  if (options.role !== undefined) params.role = options.role === 'none' ? null : options.role;
  if (options.wip !== undefined) params.wipLimit = options.wip === 'none' ? null : options.wip;
  return changedColumn(await client.call('column.update', params), 'Updated column');
}

/** `none` clears the role; the other names are the contract's roles. */
export async function setColumnRole(
  client: PasoClient,
  [given, role]: [string, ColumnRole | 'none'],
  options: ProjectOption,
): Promise<VerbOutput> {
  const column = await columnOf(client, given, options);
  const updated = await client.call('column.update', { id: column.id, role: role === 'none' ? null : role });
  return changedColumn(updated, 'Set the role of column');
}

export async function deleteColumn(
  client: PasoClient,
  [given]: [string],
  options: ProjectOption & { force?: boolean },
): Promise<VerbOutput> {
  const column = await columnOf(client, given, options);
  const params: ParamsOf<'column.delete'> = { id: column.id };
  if (options.force) params.force = true;
  const result = await client.call('column.delete', params);
  return { result, ids: [column.id], render: () => `Deleted column ${printableLine(column.name)}` };
}

async function columnOf(client: PasoClient, given: string, options: ProjectOption): Promise<Column> {
  const project = await resolveProject(client, options.project);
  return findColumn(await client.call('column.list', { projectId: project.id }), given);
}

function columnTable(columns: Column[], highlightId?: number): VerbOutput {
  return {
    result: columns,
    ids: columns.map((c) => c.id),
    render: (style: Style) =>
      tableOrEmpty('columns', ['POS', 'ID', 'NAME', 'ROLE', 'WIP'], columns.map((c) => [
        String(c.position),
        String(c.id),
        c.id === highlightId ? style.bold(printableLine(c.name)) : printableLine(c.name),
        c.role ?? '',
        c.wipLimit === null ? '' : String(c.wipLimit),
      ]), style),
  };
}

function changedColumn(column: Column, verb: string): VerbOutput {
  return {
    result: column,
    ids: [column.id],
    render: (style: Style) =>
      `${verb} ${style.bold(printableLine(column.name))} ${style.dim(
        `(id ${column.id}, position ${column.position}${column.role ? `, role ${column.role}` : ''}${column.wipLimit !== null ? `, WIP limit ${column.wipLimit}` : ''})`,
      )}`,
  };
}
