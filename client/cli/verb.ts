/**
 * Declaring a human-CLI verb: its options, help examples, and an action that loads the
 * implementation only when the verb runs, so `paso rpc` never pays for the human CLI.
 */
import { Option, type Command } from 'commander';
import type { PasoClient } from '../connection/connection.js';
import type { VerbOutput } from './output.js';

/** Commander hands verbs positional args (a variadic one as an array) and parsed options. */
export type VerbRunner = (client: PasoClient, args: any, options: any) => Promise<VerbOutput>;

/** Adds `NOUN VERB`; `load` picks the implementation lazily. */
export function addVerb(parent: Command, spec: string, summary: string, load: () => Promise<VerbRunner>): Command {
  const verb = parent.command(spec).description(summary);
  verb.action(async (...actionArgs: unknown[]) => {
    const command = actionArgs[actionArgs.length - 1] as Command;
    const { runVerb } = await import('./run-verb.js');
    await runVerb(load, actionArgs.slice(0, -2), command.opts());
  });
  return verb;
}

/** `--json` and `--quiet`, added after a verb's own options so they are listed last. */
export function addOutputOptions(verb: Command): void {
  verb.addOption(new Option('--json', "print the method's result as JSON").conflicts('quiet').helpGroup('Output:'));
  verb.addOption(new Option('-q, --quiet', 'print ids only, one a line').helpGroup('Output:'));
}

/** `--project P` for verbs that work inside one project. */
export function withProjectOption(verb: Command): Command {
  return verb.option('-p, --project <project>', 'project id, key or name (default: $PASO_PROJECT, else the only project)');
}

/** An option whose value must be one of `choices` (also offered by shell completion). */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices);
}

/** Appends an Examples section to the verb's help. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`);
}

/** For repeatable options: `--label a --label b` collects ['a', 'b']. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
