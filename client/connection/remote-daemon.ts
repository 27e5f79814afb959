/**
 * Reaching a far host's daemon over ssh: open the transport, and prove the daemon usable by
 * asking for `daemon.status`, as a local connect does. The far `paso bridge` starts that
 * daemon if needed (and replaces an outdated one) by the same rules as any local client.
 */
import { PasoError } from '../../shared/errors.js';
import { clientOver, isDisconnectError } from '../../shared/socket-client.js';
import type { ReachedDaemon } from './reach-daemon.js';
import { openSshTransport } from './ssh-transport.js';

export async function reachRemoteDaemon(host: string, options: { batch: boolean }): Promise<ReachedDaemon> {
  const client = clientOver(openSshTransport(host, options));
  try {
    return { client, status: await client.call('daemon.status') };
  } catch (error) {
    client.close();
    // The transport's reason already says which side failed; keep it, as "unreachable" (exit 7).
    if (isDisconnectError(error)) throw new PasoError('unavailable', (error as Error).message);
    throw error;
  }
}
