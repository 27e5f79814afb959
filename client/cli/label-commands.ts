/** `paso label ...`: labels of one project, named by id or name. */
import { PasoError } from '../../shared/errors.js';
import type { Label, ParamsOf } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { printableLine, tableOrEmpty, type Style, type VerbOutput } from './output.js';
import { resolveLabel, resolveProject } from './resolve.js';

interface ProjectOption {
  project?: string;
}

export async function listLabels(client: PasoClient, _args: [], options: ProjectOption): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const labels = await client.call('label.list', { projectId: project.id });
  return {
    result: labels,
    ids: labels.map((l) => l.id),
    render: (style) =>
      tableOrEmpty('labels', ['ID', 'NAME', 'COLOR'], labels.map((l) => [String(l.id), printableLine(l.name), style.swatch(l.color)]), style),
  };
}

export async function addLabel(
  client: PasoClient,
  [name]: [string],
  options: ProjectOption & { color?: string },
): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const params: ParamsOf<'label.create'> = { projectId: project.id, name };
  if (options.color !== undefined) params.color = options.color;
  return changedLabel(await client.call('label.create', params), 'Created label');
}

export async function editLabel(
  client: PasoClient,
  [given]: [string],
  options: ProjectOption & { name?: string; color?: string },
): Promise<VerbOutput> {
  const label = await labelOf(client, given, options);
  const params: ParamsOf<'label.update'> = { id: label.id };
  if (options.name !== undefined) params.name = options.name;
  if (options.color !== undefined) params.color = options.color;
  if (Object.keys(params).length === 1) throw new PasoError('usage', 'nothing to change: give --name or --color');
  return changedLabel(await client.call('label.update', params), 'Updated label');
}

export async function renameLabel(client: PasoClient, [given, name]: [string, string], options: ProjectOption): Promise<VerbOutput> {
  const label = await labelOf(client, given, options);
  return changedLabel(await client.call('label.update', { id: label.id, name }), 'Renamed label');
}

export async function deleteLabel(client: PasoClient, [given]: [string], options: ProjectOption): Promise<VerbOutput> {
  const label = await labelOf(client, given, options);
  const result = await client.call('label.delete', { id: label.id });
  return { result, ids: [label.id], render: () => `Deleted label ${printableLine(label.name)}` };
}

async function labelOf(client: PasoClient, given: string, options: ProjectOption): Promise<Label> {
  const project = await resolveProject(client, options.project);
  return resolveLabel(client, project.id, given);
}

function changedLabel(label: Label, verb: string): VerbOutput {
  return {
    result: label,
    ids: [label.id],
    render: (style: Style) => `${verb} ${style.bold(printableLine(label.name))} ${style.swatch(label.color)} ${style.dim(`(id ${label.id})`)}`,
  };
}
