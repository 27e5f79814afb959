/**
 * A tool call is one daemon call: the result comes back as JSON text, and an error as a tool
 * error (`isError: true`) whose text is the JSON-RPC error object `paso rpc` prints, so
 * `error.data.kind` says what went wrong and a conflict carries the current task.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { PasoError, RpcCode, type RpcErrorObject } from '../../shared/errors.js';
import type { DaemonLink } from './daemon-link.js';
import type { ToolEntry } from './tool-catalog.js';

export async function callTool(link: DaemonLink, entry: ToolEntry, args: Record<string, unknown> | undefined): Promise<CallToolResult> {
  try {
    const result = await link.call(entry.method, args ?? {}, entry.traits.effect === 'read');
    return jsonResult(result);
  } catch (error) {
    return toolError(error);
  }
}

/** Compact JSON: a board can be large, and every byte is a token to the model. */
export function jsonResult(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }] };
}

export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error: rpcErrorOf(error) }) }] };
}

function rpcErrorOf(error: unknown): RpcErrorObject {
  // The daemon's own error object when it sent one, as `paso rpc` prints it.
  if (error instanceof PasoError) return error.rpcError ?? error.toRpcError();
  const message = error instanceof Error ? error.message : String(error);
  return { code: RpcCode.internal, message, data: { kind: 'internal' } };
}
