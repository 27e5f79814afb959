/**
 * The MCP tools: one per board-data method, made from what the daemon's `rpc.discover` says
 * (names, descriptions, JSON Schemas) and from `methodTraits` (annotations). Nothing here
 * lists methods: a method added to the protocol becomes a tool once it is classified.
 *
 * The schemas come from the running daemon rather than from a build step because TypeBox may
 * not load in a thin client, and because the daemon that validates the call is the one whose
 * schemas the agent should see (with --remote, the far host's).
 */
import type { Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { MethodDescription, MethodName } from '../../shared/protocol/index.js';
import { isBoardDataMethod, methodTraits, type MethodTraits } from '../../shared/protocol/method-traits.js';

export interface ToolEntry {
  tool: Tool;
  method: MethodName;
  traits: MethodTraits;
}

/** `task.setLabels` -> `task_setLabels`: tool names may not hold dots for some clients (Claude's API). */
export function toolName(method: string): string {
  return method.replaceAll('.', '_');
}

export function isKnownMethod(name: string): name is MethodName {
  return Object.hasOwn(methodTraits, name);
}

export function toolAnnotations(traits: MethodTraits): ToolAnnotations {
  return {
    readOnlyHint: traits.effect === 'read',
    destructiveHint: traits.effect === 'change' || traits.effect === 'remove',
    idempotentHint: traits.idempotent,
    // The board is a closed world: no tool reaches outside the daemon's database.
    openWorldHint: false,
  };
}

/**
 * MCP wants an object schema at the top (`type: "object"`); a method whose params are one of
 * several objects (`task.get`: by id or by ref) is an `anyOf` without it. Adding the type
 * accepts exactly what the schema accepted, since every branch is an object.
 */
export function inputSchemaOf(params: unknown): Tool['inputSchema'] {
  return { type: 'object', ...(params as Record<string, unknown>) };
}

/**
 * Tools in `rpc.discover` order, by tool name. Methods this client cannot classify (a newer
 * daemon's) are left out rather than offered without knowing whether they destroy data.
 */
export function buildToolCatalog(methods: readonly MethodDescription[]): Map<string, ToolEntry> {
  const catalog = new Map<string, ToolEntry>();
  for (const { name, description, params } of methods) {
    if (!isKnownMethod(name) || !isBoardDataMethod(name)) continue;
    const traits = methodTraits[name];
    const tool: Tool = {
      name: toolName(name),
      title: name,
      description,
      inputSchema: inputSchemaOf(params),
      annotations: toolAnnotations(traits),
    };
    catalog.set(tool.name, { tool, method: name, traits });
  }
  return catalog;
}
