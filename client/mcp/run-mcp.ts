/**
 * `paso mcp`: a Model Context Protocol server on stdio (CONTRACT section 7). It reaches the
 * daemon first (starting it like every client), so an agent's client sees a failed start as
 * a server that exited (exit 7, the reason on stderr) rather than as tools that all fail.
 * It runs until the agent's client closes stdin, or SIGINT/SIGTERM. Stdout carries MCP
 * messages only; notices go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { untilInterrupted } from '../scripting/until-interrupted.js';
import { DaemonLink } from './daemon-link.js';
import { createMcpServer } from './mcp-server.js';
import type { ResourceSubscriptions } from './resource-subscriptions.js';
import { buildToolCatalog } from './tool-catalog.js';

export async function runMcp(): Promise<number> {
  let subscriptions: ResourceSubscriptions | null = null;
  let lost = false;
  const link = new DaemonLink({
    onChange: (change) => subscriptions?.onChange(change),
    onReconnected: () => subscriptions?.onReconnected(),
    onState: (state, detail) => {
      if (state === 'connected' && lost) process.stderr.write('paso mcp: reconnected to the daemon\n');
      else if (state === 'reconnecting') process.stderr.write(`paso mcp: ${detail ?? 'the connection to the daemon closed'}; reconnecting\n`);
      else if (state === 'offline') process.stderr.write(`paso mcp: the daemon is unreachable (${detail ?? 'unknown error'}); still trying\n`);
      lost = state !== 'connected';
    },
  });
  await link.start();

  const { stop: finish, stopped: finished } = untilInterrupted(() => link.close());
  // The SDK's transport does not watch for the end of stdin: the agent's client closing it
  // (its normal way to stop a server) would leave us running on the daemon socket. Requests
  // that came before the end are answered first; setImmediate lets the SDK start their
  // handlers, which it does a few promise ticks after reading them.
  let idle = async (): Promise<void> => {};
  const finishWhenIdle = () => setImmediate(() => void idle().then(finish));
  process.stdin.once('end', finishWhenIdle);
  process.stdin.once('close', finishWhenIdle);

  try {
    const { methods } = await link.read('rpc.discover');
    const mcp = createMcpServer(link, buildToolCatalog(methods));
    subscriptions = mcp.subscriptions;
    idle = mcp.idle;
    mcp.server.onclose = finish;
    await mcp.server.connect(new StdioServerTransport());
  } catch (error) {
    finish();
    throw error;
  }
  return finished;
}
