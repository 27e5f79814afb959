/**
 * The command tree shell completion offers, read from the commander program itself, so a
 * new verb or option is completed without touching the completion scripts.
 */
import type { Command } from 'commander';

/** Values only the daemon knows, completed by asking it (`paso __complete KIND`). */
export type ValueKind = 'projects' | 'columns' | 'labels' | 'tasks' | 'archived-tasks';

/** Options and arguments that name a project, column, label or task, by their names in the declarations. */
const OPTION_KINDS: Record<string, ValueKind> = {
  '--project': 'projects',
  '--column': 'columns',
  '--after': 'columns',
  '--label': 'labels',
  '--parent': 'tasks',
};
const ARGUMENT_KINDS: Record<string, ValueKind> = {
  project: 'projects',
  column: 'columns',
  label: 'labels',
  labels: 'labels',
  task: 'tasks',
  target: 'tasks',
};
/** Where the argument's name is not enough: `path|argument`. */
const ARGUMENT_KINDS_BY_PATH: Record<string, ValueKind> = { 'task unarchive|task': 'archived-tasks' };

export interface CompletionOption {
  /** `--priority` and `-p` style spellings. */
  flags: string[];
  takesValue: boolean;
  choices: readonly string[];
  /** Completed from the daemon. */
  kind: ValueKind | null;
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
  /** What each positional argument names, completed from the daemon (null: nothing to ask). */
  argumentKinds: (ValueKind | null)[];
  /** The last argument takes several words (`[labels...]`). */
  lastIsVariadic: boolean;
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
        kind: (option.long && OPTION_KINDS[option.long]) || null,
        description: firstLine(option.description),
      })),
      argumentChoices: command.registeredArguments.map((argument) => argument.argChoices ?? []),
      argumentKinds: command.registeredArguments.map(
        (argument) => ARGUMENT_KINDS_BY_PATH[`${path}|${argument.name()}`] ?? ARGUMENT_KINDS[argument.name()] ?? null,
      ),
      lastIsVariadic: command.registeredArguments.at(-1)?.variadic ?? false,
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
