#!/usr/bin/env node
/**
 * `paso`: the entry point. The commands scripts run in loops and the daemon itself take a
 * fast path that loads only their own modules: `paso rpc METHOD [PARAMS]`, `paso rpc --list`
 * and `paso daemon` (what auto-start spawns). Everything else, and any of those with other
 * arguments (options, --help), goes through the command tree in program.ts (commander and
 * the CLI's command table: ~30 modules, 40 ms of a 110 ms `paso rpc`, measured). Errors
 * become exit codes here (CONTRACT section 5). The thin paths never load kysely,
 * better-sqlite3, terminal-kit or TypeBox.
 */
import { ExitCode, PasoError } from '../shared/errors.js';
import { printableBlock } from './cli/printable.js';

/** The command to run without the command tree, or null when program.ts must parse argv. */
function fastPath(args: readonly string[]): (() => Promise<number>) | null {
  const plain = (arg: string | undefined) => arg !== undefined && !arg.startsWith('-');
  if (args[0] === 'rpc') {
    const [, method, params] = args;
    if (args.length === 2 && method === '--list') {
      return async () => (await import('./scripting/rpc.js')).runRpc(undefined, undefined, { list: true });
    }
    if ((args.length === 2 || args.length === 3) && plain(method) && (params === undefined || params === '-' || plain(params))) {
      return async () => (await import('./scripting/rpc.js')).runRpc(method, params, {});
    }
  }
  if (args.length === 1 && args[0] === 'daemon') {
    return async () => (await import('../daemon/run-daemon.js')).runDaemon();
  }
  return null;
}

/** Prints what went wrong and returns the exit code for it. */
function reportError(error: unknown): number {
  if (error instanceof PasoError) {
    process.stderr.write(`paso: ${printableBlock(error.message)}\n`);
    return error.exitCode;
  }
  process.stderr.write(`paso: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return ExitCode.internal;
}

async function main(argv: string[]): Promise<void> {
  // A reader that went away (`paso rpc --list | head -1`) is a normal way to stop.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
  try {
    const fast = fastPath(argv.slice(2));
    if (fast) process.exitCode = await fast();
    else await (await import('./program.js')).runProgram(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

await main(process.argv);
