/**
 * Commander's own errors (unknown command, bad choice, missing argument, bad number) in
 * Paso's form (CONTRACT section 5): `paso: <message>` on stderr, or, when `--json` is among
 * the arguments, the JSON-RPC error object of a usage error as one line on stderr. Commander
 * still ends the parse (exitOverride); main.ts turns that into exit code 2.
 */
import type { Command } from 'commander';
import { PasoError } from '../../shared/errors.js';
import { printableLine } from './printable.js';

export function printUsageErrorsAsPaso(command: Command, args: readonly string[]): void {
  const json = wantsJson(args);
  command.configureOutput({
    outputError: (text, write) => {
      const message = messageOf(text);
      write(
        json
          ? `${JSON.stringify(new PasoError('usage', message).toRpcError())}\n`
          : `paso: ${printableLine(message).replace(/\.$/, '')}; see '${commandPath(command)} --help'\n`,
      );
    },
  });
}

/** `--json` as an option, i.e. before a `--` that ends the options. */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/** Commander writes `error: unknown command 'x'\n(Did you mean y?)\n`: one line, no prefix. */
function messageOf(text: string): string {
  return text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}
