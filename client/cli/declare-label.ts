/** Declarations of `paso label ...` (implementations in label-commands.ts). */
import type { Command } from 'commander';
import { addVerb, withExamples, withProjectOption } from './verb.js';

const load = () => import('./label-commands.js');
const LABEL_HELP = '\nA label is named by id or name (case-insensitive).\n';

export function declareLabelCommands(program: Command): Command {
  const label = withExamples(program.command('label').description('List, add, edit and delete the labels of a project'), [
    "paso label add bug --color '#d73a4a'",
    'paso task add "Crash on save" --label bug',
    'paso label list',
  ]);

  withExamples(withProjectOption(addVerb(label, 'list', 'List the labels of a project', async () => (await load()).listLabels)), [
    'paso label list',
    'paso label list --project WEB --json',
  ]);
  withExamples(
    withProjectOption(addVerb(label, 'add <name>', 'Create a label', async () => (await load()).addLabel)).option(
      '--color <color>',
      'colour as #RRGGBB',
    ),
    ['paso label add urgent --color "#ff0000"'],
  );
  withExamples(
    withProjectOption(addVerb(label, 'edit <label>', 'Rename or recolour a label', async () => (await load()).editLabel))
      .option('-n, --name <name>', 'new name')
      .option('--color <color>', 'new colour as #RRGGBB'),
    ['paso label edit urgent --color "#cc0000"'],
  ).addHelpText('after', LABEL_HELP);
  withExamples(
    withProjectOption(addVerb(label, 'rename <label> <name>', 'Rename a label', async () => (await load()).renameLabel)),
    ['paso label rename urgent asap'],
  ).addHelpText('after', LABEL_HELP);
  withExamples(
    withProjectOption(addVerb(label, 'delete <label>', 'Delete a label (and take it off its tasks)', async () => (await load()).deleteLabel)),
    ['paso label delete urgent'],
  ).addHelpText('after', LABEL_HELP);
  return label;
}
