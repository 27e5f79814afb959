/**
 * How the long-running client commands (`paso watch`, `paso mcp`) end: on SIGINT or SIGTERM,
 * or when they call `stop` themselves, they close their connection and resolve with exit 0.
 * Listening starts at once, so an interrupt during start-up is a clean stop too.
 */
import { ExitCode } from '../../shared/errors.js';

export function untilInterrupted(close: () => void): { stop: () => void; stopped: Promise<number> } {
  let stop: () => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      close();
      resolve(ExitCode.ok);
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { stop, stopped };
}
