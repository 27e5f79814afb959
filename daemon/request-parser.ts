/**
 * One received line -> the calls it holds, each checked on its own (JSON-RPC 2.0 section 6,
 * CONTRACT section 5): a batch element that is not a request object gets its own -32600 and
 * never affects the others. Pure: no I/O, no daemon state.
 */
import { RpcCode } from '../shared/errors.js';

export type RpcId = string | number | null;

export interface RpcErrorReply {
  jsonrpc: '2.0';
  id: RpcId;
  error: { code: number; message: string; data: { kind: string } & Record<string, unknown> };
}

/** A well-formed request; `id` undefined marks a notification (run, never answered). */
export interface ParsedCall {
  id: RpcId | undefined;
  method: string;
  params: unknown;
}

/** Each entry is a call to run or a ready error reply, in the order received. */
export type ParsedEntry = { call: ParsedCall } | { reply: RpcErrorReply };

export interface ParsedLine {
  /** The line was an array: its replies go back as one array. */
  batch: boolean;
  entries: ParsedEntry[];
}

export function errorReply(id: RpcId, code: number, message: string, kind = 'validation'): RpcErrorReply {
  return { jsonrpc: '2.0', id, error: { code, message, data: { kind } } };
}

export function parseLine(line: string): ParsedLine {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch (error) {
    return single(errorReply(null, RpcCode.parseError, `Parse error: ${(error as Error).message.slice(0, 200)}`));
  }
  if (!Array.isArray(message)) return { batch: false, entries: [parseRequest(message)] };
  if (message.length === 0) return single(errorReply(null, RpcCode.invalidRequest, 'Invalid Request: empty batch'));
  return { batch: true, entries: message.map(parseRequest) };
}

function single(reply: RpcErrorReply): ParsedLine {
  return { batch: false, entries: [{ reply }] };
}

function parseRequest(element: unknown): ParsedEntry {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return { reply: errorReply(null, RpcCode.invalidRequest, 'Invalid Request: expected a request object') };
  }
  const request = element as Record<string, unknown>;
  // An id of another type (say, a deeply nested array) is never echoed back into our reply.
  const hasId = 'id' in request;
  const { id } = request;
  if (hasId && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return { reply: errorReply(null, RpcCode.invalidRequest, 'Invalid Request: id must be a string, a number or null') };
  }
  const replyId = hasId ? (id as RpcId) : null;
  if (request.jsonrpc !== '2.0') {
    return { reply: errorReply(replyId, RpcCode.invalidRequest, 'Invalid Request: jsonrpc must be "2.0"') };
  }
  if (typeof request.method !== 'string') {
    return { reply: errorReply(replyId, RpcCode.invalidRequest, 'Invalid Request: method must be a string') };
  }
  return { call: { id: hasId ? (id as RpcId) : undefined, method: request.method, params: request.params } };
}
