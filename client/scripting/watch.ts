/**
 * `paso watch [--project P]`: one JSON line on stdout per `db_changed`, until SIGINT or
 * SIGTERM (exit 0). Connection notices go to stderr only, so stdout stays machine-readable.
 * Commits made while the connection was down are not replayed one by one (the daemon keeps no
 * backlog): on reconnecting, watch subscribes with the last seq it printed (`sinceSeq`), so one
 * line with the current seq reports them, even when they were made by a daemon started since.
 * After `paso daemon stop` it starts no daemon: it says so and waits for one to be started,
 * then subscribes again.
 */
import { resolveProject } from '../cli/resolve.js';
import { LiveConnection, type ConnectionState } from '../connection/live-connection.js';
import { untilInterrupted } from './until-interrupted.js';

export interface WatchOptions {
  /** A project id, key or name; none: every project. */
  project?: string;
}

export async function runWatch(options: WatchOptions): Promise<number> {
  let notifiedLoss = false;
  const live = new LiveConnection({
    onChange: (change) => process.stdout.write(JSON.stringify(change) + '\n'),
    onState: (state: ConnectionState, detail?: string) => {
      if (state === 'connected' && notifiedLoss) {
        notifiedLoss = false;
        process.stderr.write('paso: reconnected to the daemon\n');
      } else if (state === 'reconnecting') {
        notifiedLoss = true;
        process.stderr.write(`paso: ${detail ?? 'the connection to the daemon closed'}; reconnecting\n`);
      } else if (state === 'stopped') {
        notifiedLoss = true;
        process.stderr.write('paso: the daemon was stopped; waiting for it to be started again (paso daemon start)\n');
      } else if (state === 'offline') {
        process.stderr.write(`paso: the daemon is unreachable (${detail ?? 'unknown error'}); still trying\n`);
      }
    },
  });
  // Listen before subscribing: an interrupt right after the subscription is a clean stop too.
  const { stop, stopped } = untilInterrupted(() => live.close());
  try {
    await live.start();
    // Named like every other command; an unknown project fails here (exit 3).
    const project = options.project === undefined ? null : await resolveProject(live, options.project);
    await live.subscribe(project?.id ?? null);
  } catch (error) {
    stop();
    throw error;
  }
  return stopped;
}
