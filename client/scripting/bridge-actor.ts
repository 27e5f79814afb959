/**
 * `paso bridge --actor NAME` fixes who a connection acts for, whatever the client claims:
 * the bridge sends its own `hello {actor}` first, and every `hello` it forwards (alone or
 * in a batch) has its actor replaced. The daemon and the public `hello` stay as they are;
 * the forced command in authorized_keys is what the client cannot get around.
 *
 * Lines are parsed with the same JSON.parse the daemon uses, so what is a `hello` here is
 * exactly what is a `hello` there (a `\u0068ello` escape included). Other lines pass
 * through unchanged, byte for byte.
 */

/** The id of the bridge's own requests; their replies never reach the client. */
export const BRIDGE_HELLO_ID = 'paso-bridge-hello';
export const BRIDGE_DRAIN_ID = 'paso-bridge-drain';

export function bridgeHello(actor: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id: BRIDGE_HELLO_ID, method: 'hello', params: { actor } });
}

/** The line with the actor of every `hello` in it replaced; the line itself when it holds none. */
export function withFixedActor(line: string, actor: string): string {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return line; // the daemon answers the parse error itself
  }
  let changed = false;
  for (const request of Array.isArray(message) ? message : [message]) {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) continue;
    const call = request as { method?: unknown; params?: unknown };
    if (call.method !== 'hello') continue;
    changed = true;
    if (call.params === undefined) call.params = { actor };
    else if (typeof call.params === 'object' && call.params !== null && !Array.isArray(call.params)) {
      call.params = { ...(call.params as object), actor };
    }
    // Params of any other shape fail hello's validation, which leaves the identity alone.
  }
  return changed ? JSON.stringify(message) : line;
}

/** Checks NAME as hello checks an actor: one line, 1-100 characters once trimmed. */
export function checkActor(name: string): string | null {
  const actor = name.trim();
  if (actor === '' || [...actor].length > 100 || /[\r\n]/.test(actor)) return null;
  return actor;
}
