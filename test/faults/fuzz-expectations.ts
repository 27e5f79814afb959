/** Whether the daemon's answer to one fuzzed line is what CONTRACT sections 3 and 5 require. */
import type { Answer } from './fuzz-connection.js';
import type { Expect } from './fuzz-messages.js';

const INTERNAL = -32603;
const INVALID_REQUEST = -32600;

const show = (replies: unknown[]) => JSON.stringify(replies).slice(0, 300);

/** null when the answer is right; otherwise what is wrong with it. */
export function answerProblem(expect: Expect, { replies, closed }: Answer): string | null {
  const flat = replies.flatMap((r) => (Array.isArray(r) ? r : [r]));
  const internal = flat.find((r) => r?.error?.code === INTERNAL);
  if (internal) return `internal error ${show([internal])}`;
  if (closed && expect.kind !== 'oversized') return `connection closed after ${show(replies)}`;
  const [reply] = replies;
  switch (expect.kind) {
    case 'answer':
      if (replies.length !== 1 || Array.isArray(reply)) return `expected one reply with id ${expect.id}, got ${show(replies)}`;
      if (reply.id !== expect.id) return `reply id ${JSON.stringify(reply.id)}, expected ${expect.id}`;
      if (expect.outcome === 'success' && !('result' in reply)) return `expected a result, got ${show(replies)}`;
      if (expect.outcome === 'error' && !reply.error) return `expected an error, got a result ${show(replies)}`;
      if (expect.code !== undefined && reply.error && reply.error.code !== expect.code) return `expected code ${expect.code}, got ${show(replies)}`;
      return null;
    case 'invalid':
      if (replies.length !== 1 || Array.isArray(reply) || !reply.error) return `expected one error, got ${show(replies)}`;
      if (!expect.codes.includes(reply.error.code)) return `expected code ${expect.codes.join(' or ')}, got ${show(replies)}`;
      return null;
    case 'noise':
      if (replies.length > 1) return `expected at most one reply, got ${show(replies)}`;
      if (flat.some((r) => !r?.error)) return `junk got a result ${show(replies)}`;
      return null;
    case 'silent':
      return replies.length === 0 ? null : `a notification got ${show(replies)}`;
    case 'oversized':
      if (!closed) return 'the connection stayed open after an oversized line';
      return replies.length === 1 && reply?.error?.code === INVALID_REQUEST ? null : `expected one -32600, got ${show(replies)}`;
    case 'batch': {
      if (replies.length !== 1 || !Array.isArray(reply)) return `expected one batch reply, got ${show(replies)}`;
      const elements = reply as any[];
      for (const element of expect.elements) {
        if (typeof element !== 'object') continue;
        const matching = elements.filter((e) => e?.id === element.id);
        if (matching.length !== 1) return `element ${element.id} got ${matching.length} replies in ${show(replies)}`;
      }
      const invalid = expect.elements.filter((e) => e === 'invalid').length;
      const ownInvalid = elements.filter((e) => e?.id === null && e?.error?.code === INVALID_REQUEST).length;
      if (ownInvalid !== invalid) return `${invalid} non-request elements, ${ownInvalid} -32600 replies of their own in ${show(replies)}`;
      const requests = expect.elements.filter((e) => typeof e === 'object').length;
      if (elements.length !== requests + invalid) return `expected ${requests + invalid} elements, got ${show(replies)}`;
      return null;
    }
  }
}
