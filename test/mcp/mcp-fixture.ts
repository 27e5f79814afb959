/**
 * `paso mcp` as agents run it: the SDK's own Client over StdioClientTransport, spawning the
 * built `node dist/client/main.js mcp` with PASO_HOME set. close() ends the server the way
 * MCP clients do (stdin closed, then signals) and waits for the process to be gone.
 */
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ResourceUpdatedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { waitForPidExit } from '../../client/connection/process-liveness.js';
import { killPid, PASO_BIN, pasoEnv, waitFor } from '../helpers/daemon.js';

export interface McpSession {
  client: Client;
  pid: number;
  stderr: () => string;
  /** URIs of every notifications/resources/updated received, in order. */
  updates: string[];
  /** Calls a tool; returns the parsed JSON of its text and whether it is a tool error. */
  tool(name: string, args?: Record<string, unknown>): Promise<{ isError: boolean; json: any }>;
  /** Resolves once `uri` has been updated more than `seen` times. */
  waitForUpdate(uri: string, seen: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMcp(home: string, env: Record<string, string> = {}): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [PASO_BIN, 'mcp'],
    env: definedOnly(pasoEnv(home, env)),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => (stderr += chunk));
  const client = new Client({ name: 'paso-test', version: '1.0.0' });
  const updates: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    updates.push(notification.params.uri);
  });
  await client.connect(transport);
  const pid = transport.pid;
  assert.ok(pid, 'paso mcp runs');
  return {
    client,
    pid,
    stderr: () => stderr,
    updates,
    async tool(name, args = {}) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const first = result.content[0];
      assert.equal(first?.type, 'text', `${name} answers with text`);
      return { isError: result.isError === true, json: JSON.parse(first.type === 'text' ? first.text : '') };
    },
    async waitForUpdate(uri, seen) {
      await waitFor(() => updates.filter((u) => u === uri).length > seen, `notifications/resources/updated for ${uri}`);
    },
    async close() {
      await client.close();
      if (!(await waitForPidExit(pid, 5_000))) killPid(pid);
    },
  };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
