/** `paso mcp` tool calls (issue 12) against a raw socket call, and `paso rpc` of the same call. */
import { measureMcpLatency } from '../mcp/mcp-latency.js';
import { ms, type Figure } from '../figure.js';

export const mcpTools: Figure = {
  name: 'mcp-tools',
  run: async (ctx) => {
    const m = await measureMcpLatency(ctx.n(200, 20), ctx.n(20, 3));
    const rows = (label: string, call: typeof m.boardGet) => [
      {
        figure: ms(`${label} as an MCP tool call, p50`, call.mcpTool.p50Ms),
        floor: ms('the same call on a raw socket, p50', call.rawSocket.p50Ms),
        n: call.mcpTool.n,
      },
      {
        figure: ms(`${label} through paso rpc (whole process), p50`, call.pasoRpc.p50Ms),
        floor: ms('as an MCP tool call, p50', call.mcpTool.p50Ms),
        n: call.pasoRpc.n,
      },
    ];
    return [...rows('board.get', m.boardGet), ...rows('task.create', m.taskCreate)];
  },
};
