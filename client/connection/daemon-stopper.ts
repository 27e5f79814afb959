/** Stopping a daemon gracefully: `daemon.shutdown`, then wait until its process is gone. */
import { PasoError } from '../../shared/errors.js';
import type { ReachedDaemon } from './reach-daemon.js';
import { waitForPidExit } from './process-liveness.js';
import { isDisconnectError } from '../../shared/socket-client.js';

/** How long a daemon gets to finish in-flight calls and exit. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

export async function stopDaemon({ client, status }: ReachedDaemon): Promise<void> {
  try {
    await client.call('daemon.shutdown');
  } catch (error) {
    // Closing the connection before replying still means it is on its way out.
    if (!isDisconnectError(error)) throw error;
  }
  if (!(await waitForPidExit(status.pid, SHUTDOWN_TIMEOUT_MS))) {
    throw new PasoError('unavailable', `the daemon (pid ${status.pid}) did not exit within ${SHUTDOWN_TIMEOUT_MS / 1000} s of daemon.shutdown`);
  }
}
