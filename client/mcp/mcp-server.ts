/**
 * The MCP server's request handlers, on the SDK's low-level `Server`: it takes the tools'
 * JSON Schemas as they are (the high-level `McpServer` wants zod shapes, a second
 * definition of every method's params).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { PASO_VERSION } from '../../shared/version.js';
import { listResources, readResource, resourceTemplates } from './board-resources.js';
import type { DaemonLink } from './daemon-link.js';
import { ResourceSubscriptions } from './resource-subscriptions.js';
import { callTool } from './tool-calls.js';
import type { ToolEntry } from './tool-catalog.js';

const INSTRUCTIONS = `Paso is a kanban board shared with people, who change it live from their terminals.
Read a board with board_get, or the resource paso://projects/{id}/board (Markdown; board.json for JSON); paso://projects lists projects.
Subscribe to a board resource to be told when anyone changes it. Tasks are named by id or ref (KEY-12).
Pass expectedVersion to task_update/task_move so a change made meanwhile by someone else is a conflict, not overwritten.
Every change you make is recorded as client "mcp": history_list shows it and history_undo reverts it.
Errors come back as tool errors whose text is {"error":{code,message,data:{kind,...}}}.`;

export interface PasoMcpServer {
  server: Server;
  subscriptions: ResourceSubscriptions;
  /** Resolves once every request received so far has been answered. */
  idle(): Promise<void>;
}

export function createMcpServer(link: DaemonLink, tools: ReadonlyMap<string, ToolEntry>): PasoMcpServer {
  const server = new Server(
    { name: 'paso', title: 'Paso', version: PASO_VERSION },
    {
      capabilities: { tools: {}, resources: { subscribe: true } },
      instructions: INSTRUCTIONS,
    },
  );
  const subscriptions = new ResourceSubscriptions(link, (uri) => server.sendResourceUpdated({ uri }));
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    const done = work();
    inFlight.add(done);
    const forget = () => void inFlight.delete(done);
    done.then(forget, forget);
    return done;
  };

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...tools.values()].map((entry) => entry.tool) }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const entry = tools.get(request.params.name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `unknown tool: ${request.params.name}`);
    return track(() => callTool(link, entry, request.params.arguments));
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => track(async () => ({ resources: await listResources(link) })));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => track(() => readResource(link, request.params.uri)));
  server.setRequestHandler(SubscribeRequestSchema, (request) =>
    track(async () => {
      await subscriptions.subscribe(request.params.uri);
      return {};
    }),
  );
  server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    subscriptions.unsubscribe(request.params.uri);
    return {};
  });
  return {
    server,
    subscriptions,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
