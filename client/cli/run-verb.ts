/**
 * Runs one human-CLI verb: connect (auto-starting the daemon), call the implementation,
 * print its output in the chosen mode. Errors escape to the main program, which prints
 * `paso: <message>`; with `--json` they are printed here as the JSON-RPC error object.
 */
import { userInfo } from 'node:os';
import { ExitCode, PasoError, type RpcErrorObject } from '../../shared/errors.js';
import { writeJson } from '../scripting/print-json.js';
import { connect, type PasoClient } from '../connection/connection.js';
import { colorEnabled, makeStyle, outputModeOf, renderMeasured, type OutputMode, type VerbOutput } from './output.js';
import { printableView } from './printable.js';
import type { VerbRunner } from './verb.js';

export async function runVerb(
  load: () => Promise<VerbRunner>,
  args: unknown[],
  options: { json?: boolean; quiet?: boolean } & Record<string, unknown>,
): Promise<void> {
  const mode = outputModeOf(options);
  let client: PasoClient | undefined;
  try {
    const run = await load();
    client = await connect({ hello: { client: 'cli', actor: osUserName() } });
    await print(await run(client, args, options), mode);
  } catch (error) {
    if (mode !== 'json') throw error;
    writeJson(process.stderr, rpcErrorOf(error));
    process.exitCode = error instanceof PasoError ? error.exitCode : ExitCode.internal;
  } finally {
    client?.close();
  }
}

async function print(output: VerbOutput, mode: OutputMode): Promise<void> {
  if (mode === 'json') return writeJson(process.stdout, output.result);
  if (mode === 'quiet') {
    process.stdout.write(output.ids.map((id) => `${id}\n`).join(''));
    return;
  }
  const style = makeStyle(colorEnabled());
  const text = printableView(await renderMeasured(() => output.render(style)), style.color);
  if (text !== '') process.stdout.write(`${text}\n`);
}

/** The daemon's own error object when there is one, so `--json` matches `paso rpc`. */
function rpcErrorOf(error: unknown): RpcErrorObject {
  if (error instanceof PasoError) return error.rpcError ?? error.toRpcError();
  const message = error instanceof Error ? error.message : String(error);
  return new PasoError('internal', message).toRpcError();
}

/** Changes from the CLI are recorded as the OS user's (what `paso undo` looks for). */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}
