/** `paso project ...`: one project method per verb; a project is named by id, key or name. */
import { PasoError } from '../../shared/errors.js';
import type { ParamsOf, Project } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import {
  formatFields,
  formatTable,
  indent,
  printableBlock,
  printableLine,
  tableOrEmpty,
  truncateToWidth,
  type Style,
  type VerbOutput,
} from './output.js';
import { resolveProject } from './resolve.js';
import { readTextArg } from './text-arg.js';

export async function listProjects(client: PasoClient): Promise<VerbOutput> {
  const projects = await client.call('project.list');
  return {
    result: projects,
    ids: projects.map((p) => p.id),
    render: (style) =>
      tableOrEmpty('projects', ['ID', 'KEY', 'NAME', 'DESCRIPTION'], projects.map((p) => [
        String(p.id),
        style.bold(p.key),
        printableLine(p.name),
        firstLine(p.description),
      ]), style),
  };
}

export async function showProject(client: PasoClient, [given]: [string | undefined]): Promise<VerbOutput> {
  const { id } = await resolveProject(client, given);
  const project = await client.call('project.get', { id });
  return {
    result: project,
    ids: [project.id],
    render: async (style) => {
      const columns = await client.call('column.list', { projectId: project.id });
      const table = formatTable(['ID', 'NAME', 'ROLE'], columns.map((c) => [String(c.id), printableLine(c.name), c.role ?? '']), style);
      return [
        `${style.bold(project.key)}  ${style.bold(printableLine(project.name))}`,
        formatFields([
          ['Id', String(project.id)],
          ['Created', project.createdAt],
          ['Updated', project.updatedAt],
        ], style),
        ...(project.description === '' ? [] : [`${style.bold('Description')}\n${indent(printableBlock(project.description))}`]),
        `${style.bold('Columns')}\n${indent(table)}`,
      ].join('\n\n');
    },
  };
}

export async function addProject(
  client: PasoClient,
  [name]: [string],
  options: { key?: string; description?: string },
): Promise<VerbOutput> {
  const params: ParamsOf<'project.create'> = { name };
  if (options.key !== undefined) params.key = options.key;
  if (options.description !== undefined) params.description = await readTextArg(options.description);
  return changedProject(await client.call('project.create', params), 'Created project');
}

export async function renameProject(client: PasoClient, [given, name]: [string, string]): Promise<VerbOutput> {
  const { id } = await resolveProject(client, given);
  return changedProject(await client.call('project.update', { id, name }), 'Renamed project');
}

export async function editProject(
  client: PasoClient,
  [given]: [string],
  options: { name?: string; key?: string; description?: string },
): Promise<VerbOutput> {
  const { id } = await resolveProject(client, given);
  const params: ParamsOf<'project.update'> = { id };
  if (options.name !== undefined) params.name = options.name;
  if (options.key !== undefined) params.key = options.key;
  if (options.description !== undefined) params.description = await readTextArg(options.description);
  if (Object.keys(params).length === 1) throw new PasoError('usage', 'nothing to change: give --name, --key or --description');
  return changedProject(await client.call('project.update', params), 'Updated project');
}

export async function deleteProject(client: PasoClient, [given]: [string], options: { force?: boolean }): Promise<VerbOutput> {
  const project = await resolveProject(client, given);
  const params: ParamsOf<'project.delete'> = { id: project.id };
  if (options.force) params.force = true;
  const result = await client.call('project.delete', params);
  return { result, ids: [project.id], render: () => `Deleted project ${project.key} (${printableLine(project.name)})` };
}

function changedProject(project: Project, verb: string): VerbOutput {
  return {
    result: project,
    ids: [project.id],
    render: (style: Style) => `${verb} ${style.bold(project.key)} ${printableLine(project.name)} ${style.dim(`(id ${project.id})`)}`,
  };
}

function firstLine(text: string): string {
  const [line = ''] = text.split(/\r?\n/);
  return truncateToWidth(printableLine(line), 60);
}
