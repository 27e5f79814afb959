/**
 * The `paso` command tree (CONTRACT section 1) with commander: every command, its options,
 * help and usage errors. main.ts loads it for everything but its fast paths. Every command
 * imports its implementation inside its action, so a command loads only what it needs.
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, PasoError } from '../shared/errors.js';
import { PASO_VERSION } from '../shared/version.js';
import { registerDataCommands } from './cli/declare-data.js';
import { registerHumanCli } from './cli/register.js';
import { printUsageErrorsAsPaso } from './cli/usage-errors.js';
import { withExamples } from './cli/verb.js';

function buildProgram(args: readonly string[]): Command {
  const program = withExamples(
    new Command('paso')
      .description('A terminal kanban board whose daemon keeps every terminal live.')
      .version(PASO_VERSION, '-V, --version')
      .option('--remote <[user@]host>', "reach that host's daemon through `ssh -T HOST paso bridge` (default: $PASO_REMOTE)"),
    [
      'paso                                    # the board, in a terminal',
      'paso task add "Fix the login form"',
      'paso rpc --list',
      'paso watch',
      'paso --remote board@team-host           # the board of a shared host, over ssh',
    ],
  );
  // --remote is PASO_REMOTE for this run: every connection, reconnects included, reads it there.
  program.hook('preAction', () => {
    const { remote } = program.opts<{ remote?: string }>();
    if (remote !== undefined) process.env.PASO_REMOTE = remote;
  });

  withExamples(
    program
      .command('board')
      .alias('tui')
      .description('Open the board (the default when paso runs in a terminal)')
      .option('-p, --project <project>', 'project id, key or name')
      .action(async (options: { project?: string }) => {
        process.exitCode = await openBoard(options.project);
      }),
    ['paso board', 'paso tui --project WEB'],
  );

  const daemon = withExamples(
    program
      .command('daemon')
      .description('Run the daemon in the foreground (what auto-start spawns, detached)')
      .action(async () => {
        const { runDaemon } = await import('../daemon/run-daemon.js');
        process.exitCode = await runDaemon();
      }),
    ['paso daemon                             # in the foreground, until Ctrl-C', 'paso daemon status'],
  );
  const daemonControls: [verb: 'start' | 'stop' | 'restart' | 'status', description: string, examples: string[]][] = [
    ['start', 'Start the daemon unless one is running; print its status as JSON', ['paso daemon start', 'PASO_NO_AUTOSTART=1 paso daemon start   # an explicit start still starts one']],
    ['stop', 'Ask the daemon to shut down and wait until it has exited', ['paso daemon stop']],
    ['restart', 'Stop the daemon, then start a new one', ['paso daemon restart']],
    ['status', 'Print daemon.status as JSON (exit 7 if no daemon runs; never starts one)', ['paso daemon status', 'paso daemon status > /dev/null || echo "no daemon (exit $?)"']],
  ];
  for (const [verb, description, examples] of daemonControls) {
    withExamples(
      daemon
        .command(verb)
        .description(description)
        .action(async () => {
          // stop and restart wait for the daemon's pid to go, which only works on this host.
          if ((verb === 'stop' || verb === 'restart') && process.env.PASO_REMOTE) {
            throw new PasoError('usage', `paso daemon ${verb} acts on this host only; run it on the remote host (or unset PASO_REMOTE)`);
          }
          const { daemonControl } = await import('./scripting/daemon-control.js');
          process.exitCode = await daemonControl[verb]();
        }),
      examples,
    );
  }

  withExamples(
    program
      .command('rpc')
      .description('Make one JSON-RPC call and print its result as JSON')
      .argument('[method]', 'method name, e.g. task.get (see --list)')
      .argument('[params]', 'params as a JSON object, or - to read them from stdin')
      .option('--list', 'print every method name, one per line')
      .action(async (method: string | undefined, params: string | undefined, options: { list?: boolean }) => {
        const { runRpc } = await import('./scripting/rpc.js');
        process.exitCode = await runRpc(method, params, options);
      }),
    [
      'paso rpc --list',
      `paso rpc board.get '{"projectId":1}'`,
      `echo '{"projectId":1,"title":"From a script"}' | paso rpc task.create -`,
      `paso rpc task.update '{"id":1,"title":"Renamed","expectedVersion":1}' || echo "exit $?"`,
    ],
  );

  withExamples(
    program
      .command('watch')
      .description('Print every db_changed notification as one JSON line until interrupted')
      .option('-p, --project <project>', 'only changes to this project (id, key or name)')
      .action(async (options: { project?: string }) => {
        const { runWatch } = await import('./scripting/watch.js');
        process.exitCode = await runWatch(options);
      }),
    ['paso watch', 'paso watch --project WEB', 'paso watch | while read -r change; do echo "changed: $change"; done'],
  );

  withExamples(
    program
      .command('bridge')
      .description("Join stdin/stdout to this host's daemon (what --remote runs over ssh)")
      .option('--actor <name>', 'record every change on this connection with this actor, whatever the client says')
      .action(async (options: { actor?: string }) => {
        const { runBridge } = await import('./scripting/bridge.js');
        process.exitCode = await runBridge(options);
      }),
    [
      `echo '{"jsonrpc":"2.0","id":1,"method":"daemon.status"}' | paso bridge`,
      'command="paso bridge --actor alice",no-pty,no-port-forwarding ssh-ed25519 AAAA...   # in authorized_keys',
    ],
  );

  withExamples(
    program
      .command('mcp')
      .description('Serve the board to AI agents: a Model Context Protocol server on stdio')
      .action(async () => {
        const { runMcp } = await import('./mcp/run-mcp.js');
        process.exitCode = await runMcp();
      }),
    ['paso mcp                                # started by an MCP client, e.g. claude mcp add paso -- paso mcp'],
  );

  registerDataCommands(program);
  registerHumanCli(program);
  forEachCommand(program, (command) => {
    command.exitOverride();
    printUsageErrorsAsPaso(command, args);
  });
  return program;
}

async function openBoard(project: string | undefined): Promise<number> {
  const { openBoard } = await import('./board/open-board.js');
  return openBoard({ project });
}

function forEachCommand(command: Command, visit: (command: Command) => void): void {
  visit(command);
  for (const sub of command.commands) forEachCommand(sub, visit);
}

/** `paso --remote HOST` alone opens that host's board, as `paso` alone opens the local one. */
function isOnlyRemote(args: string[]): boolean {
  return (args.length === 2 && args[0] === '--remote') || (args.length === 1 && args[0]!.startsWith('--remote='));
}

/**
 * Parses argv and runs the command; returns the exit code of a usage error or of help, and
 * throws what a command throws (main.ts reports it).
 */
export async function runProgram(argv: string[]): Promise<void> {
  try {
    const program = buildProgram(argv.slice(2));
    if (argv.length <= 2 || isOnlyRemote(argv.slice(2))) {
      if (argv.length > 2) program.parseOptions(argv.slice(2));
      const { remote } = program.opts<{ remote?: string }>();
      if (remote !== undefined) process.env.PASO_REMOTE = remote;
      if (process.stdin.isTTY && process.stdout.isTTY) process.exitCode = await openBoard(undefined);
      else program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (error) {
    // Commander has already printed help, the version or its usage message.
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    else throw error;
  }
}
