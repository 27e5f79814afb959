/**
 * The human CLI (CONTRACT section 6): `paso project|column|task|label|comment <verb>`,
 * `paso undo|redo|log` and `paso completion`. Only declarations live here; each verb loads
 * its implementation when run.
 */
import { Argument, type Command } from 'commander';
import { declareColumnCommands } from './declare-column.js';
import { declareCommentCommands } from './declare-comment.js';
import { declareHistoryCommands } from './declare-history.js';
import { declareLabelCommands } from './declare-label.js';
import { declareProjectCommands } from './declare-project.js';
import { declareTaskCommands } from './declare-task.js';
import { addOutputOptions } from './verb.js';

export function registerHumanCli(program: Command): void {
  const nouns = [
    declareProjectCommands(program),
    declareColumnCommands(program),
    declareTaskCommands(program),
    declareLabelCommands(program),
    declareCommentCommands(program),
  ];
  for (const verb of nouns.flatMap((noun) => noun.commands)) addOutputOptions(verb);
  for (const verb of declareHistoryCommands(program)) addOutputOptions(verb);
  program
    .command('completion')
    .description('Print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ source <(paso completion bash)                          # in ~/.bashrc',
        '  $ paso completion zsh > "${fpath[1]}/_paso"                # then restart zsh',
        '  $ paso completion fish > ~/.config/fish/completions/paso.fish',
        '',
      ].join('\n'),
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish', _options: unknown, command: Command) => {
      const { completionScript } = await import('./completion.js');
      process.stdout.write(completionScript(shell, rootOf(command)));
    });
  declareCompletionValues(program);
}

/** What the completion scripts run on Tab; hidden from help and from completion itself. */
function declareCompletionValues(program: Command): void {
  program
    .command('__complete', { hidden: true })
    .argument('<kind>')
    .argument('[project]')
    .action(async (kind: string, project: string | undefined) => {
      const { printCompletionValues } = await import('./completion-values.js');
      await printCompletionValues(kind, project);
    });
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
