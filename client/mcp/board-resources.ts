/**
 * The MCP resources: `paso://projects` (Markdown), and per project
 * `paso://projects/{id}/board` (Markdown) and `paso://projects/{id}/board.json` (the
 * `board.get` result). Two resources rather than two contents of one, so a client that shows
 * or subscribes to only one gets the form it asked for.
 */
import { McpError, type ReadResourceResult, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import type { DaemonLink } from './daemon-link.js';
import { boardMarkdown, projectsMarkdown } from './resource-markdown.js';

export const PROJECTS_URI = 'paso://projects';

export type ResourceAddress = { kind: 'projects' } | { kind: 'board'; projectId: number; format: 'markdown' | 'json' };

const BOARD_URI = /^paso:\/\/projects\/([1-9][0-9]{0,15})\/(board|board\.json)$/;

export function parseResourceUri(uri: string): ResourceAddress | null {
  if (uri === PROJECTS_URI) return { kind: 'projects' };
  const match = BOARD_URI.exec(uri);
  if (!match) return null;
  const projectId = Number(match[1]);
  if (!Number.isSafeInteger(projectId)) return null;
  return { kind: 'board', projectId, format: match[2] === 'board' ? 'markdown' : 'json' };
}

export const boardUri = (projectId: number, format: 'markdown' | 'json'): string =>
  `paso://projects/${projectId}/${format === 'markdown' ? 'board' : 'board.json'}`;

/** The spec's code for an unknown resource (MCP "Resource not found"). */
export const RESOURCE_NOT_FOUND = -32002;

export function resourceNotFound(uri: string, why = 'no such resource'): McpError {
  return new McpError(RESOURCE_NOT_FOUND, `${why}: ${uri}`, { uri });
}

export const resourceTemplates: ResourceTemplate[] = [
  {
    uriTemplate: 'paso://projects/{id}/board',
    name: 'board',
    title: 'Board (Markdown)',
    description: 'A project board as Markdown: columns with WIP limits, and a line per card with ref, id, priority, labels, blocked and due.',
    mimeType: 'text/markdown',
  },
  {
    uriTemplate: 'paso://projects/{id}/board.json',
    name: 'board-json',
    title: 'Board (JSON)',
    description: 'A project board as JSON, as the board_get tool returns it.',
    mimeType: 'application/json',
  },
];

export async function listResources(link: DaemonLink): Promise<Resource[]> {
  const projects = await link.read('project.list');
  const resources: Resource[] = [
    { uri: PROJECTS_URI, name: 'projects', title: 'Projects', description: 'Every project with its key, id and board URI.', mimeType: 'text/markdown' },
  ];
  for (const project of projects) {
    resources.push(
      { uri: boardUri(project.id, 'markdown'), name: `${project.key} board`, title: `${project.name} board`, mimeType: 'text/markdown' },
      { uri: boardUri(project.id, 'json'), name: `${project.key} board JSON`, title: `${project.name} board (JSON)`, mimeType: 'application/json' },
    );
  }
  return resources;
}

export async function readResource(link: DaemonLink, uri: string): Promise<ReadResourceResult> {
  const address = parseResourceUri(uri);
  if (!address) throw resourceNotFound(uri);
  if (address.kind === 'projects') {
    return { contents: [{ uri, mimeType: 'text/markdown', text: projectsMarkdown(await link.read('project.list')) }] };
  }
  const board = await readBoard(link, uri, address.projectId);
  return address.format === 'markdown'
    ? { contents: [{ uri, mimeType: 'text/markdown', text: boardMarkdown(board) }] }
    : { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(board) }] };
}

/** board.get, with a missing project as a missing resource. */
export async function readBoard(link: DaemonLink, uri: string, projectId: number) {
  try {
    return await link.read('board.get', { projectId });
  } catch (error) {
    if ((error as { kind?: unknown }).kind === 'not_found') throw resourceNotFound(uri, 'no such project');
    throw error;
  }
}
