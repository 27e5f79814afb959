/**
 * The command tree shell completion offers, read from the commander program itself, so a
 * new verb or option is completed without touching the completion scripts.
 */
import type { Command } from 'commander';

export interface CompletionOption {
  /** `--priority` and `-p` style spellings. */
  flags: string[];
  takesValue: boolean;
  choices: readonly string[];
  description: string;
}

export interface CompletionNode {
  /** Words after `paso`, space-separated; '' is the program itself. */
  path: string;
  summary: string;
  /** Names (and aliases) of the subcommands, with their summaries. */
  subcommands: { name: string; summary: string }[];
  options: CompletionOption[];
  /** Choices of each positional argument, by 1-based position ([] when free text). */
  argumentChoices: (readonly string[])[];
}

/** Every command reachable from root, aliases included, parents before children. */
export function completionTree(root: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    const help = command.createHelp();
    const children = help.visibleCommands(command);
    nodes.push({
      path,
      summary: command.summary() || command.description(),
      subcommands: children.flatMap((child) =>
        [child.name(), ...child.aliases()].map((name) => ({ name, summary: firstLine(child.summary() || child.description()) })),
      ),
      options: help.visibleOptions(command).map((option) => ({
        flags: [option.long, option.short].filter((flag): flag is string => typeof flag === 'string'),
        takesValue: option.required || option.optional,
        choices: option.argChoices ?? [],
        description: firstLine(option.description),
      })),
      argumentChoices: command.registeredArguments.map((argument) => argument.argChoices ?? []),
    });
    for (const child of children) {
      // `help [command]` is offered as a word; what follows it is not worth a table of its own.
      if (child.name() === 'help' && child.commands.length === 0) continue;
      for (const name of [child.name(), ...child.aliases()]) visit(child, path === '' ? name : `${path} ${name}`);
    }
  };
  visit(root, '');
  return nodes;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
