/** Declarations of `paso column ...` (implementations in column-commands.ts). */
import { Argument, type Command } from 'commander';
import { COLUMN_ROLES } from '../../shared/protocol/entities.js';
import { parseWipLimit } from './date-args.js';
import { parsePosition } from './number-args.js';
import { addVerb, choiceOption, withExamples, withProjectOption } from './verb.js';

const load = () => import('./column-commands.js');
const COLUMN_HELP = '\nA column is named by id, name (case-insensitive) or role (ready, in-progress, done).\n';

export function declareColumnCommands(program: Command): Command {
  const column = withExamples(
    program.command('column').description('List, add, rename, move, limit and delete the columns of a project'),
    ['paso column list --project WEB', 'paso column add Review --after "In Progress"', 'paso column move Review 1', 'paso column update Review --wip 3'],
  );

  withExamples(
    withProjectOption(addVerb(column, 'list', 'List the columns of a project in board order', async () => (await load()).listColumns)),
    ['paso column list', 'paso column list --project WEB --json'],
  );
  withExamples(
    withProjectOption(addVerb(column, 'add <name>', 'Add a column (at the end unless --after)', async () => (await load()).addColumn))
      .option('-a, --after <column>', 'insert after this column')
      .addOption(choiceOption('-r, --role <role>', 'give it a role (taken from the column that has it)', COLUMN_ROLES)),
    ['paso column add Review --after "In Progress"', 'paso column add Shipped --role done'],
  ).addHelpText('after', COLUMN_HELP);
  withExamples(
    withProjectOption(addVerb(column, 'rename <column> <name>', 'Rename a column', async () => (await load()).renameColumn)),
    ['paso column rename Todo Backlog'],
  ).addHelpText('after', COLUMN_HELP);
  withExamples(
    withProjectOption(addVerb(column, 'update <column>', "Change a column's name, role or WIP limit", async () => (await load()).updateColumn))
      .option('-n, --name <name>', 'new name')
      .addOption(choiceOption('-r, --role <role>', 'new role (taken from the column that has it), or none', [...COLUMN_ROLES, 'none']))
      .option('-w, --wip <limit>', 'advisory WIP limit (a whole number), or none to clear it', parseWipLimit),
    ['paso column update "In Progress" --wip 3', 'paso column update "In Progress" --wip none', 'paso column update Review --name QA --role in_progress'],
  ).addHelpText(
    'after',
    `${COLUMN_HELP}A WIP limit is advice: moving a task into a full column still works, and the board marks the column as over its limit.\n`,
  );
  withProjectOption(addVerb(column, 'move', 'Move a column to a 0-based position', async () => (await load()).moveColumn))
    .addArgument(new Argument('<column>', 'the column'))
    .addArgument(new Argument('<position>', '0 is the leftmost').argParser(parsePosition))
    .addHelpText('after', `${COLUMN_HELP}\nExamples:\n  $ paso column move Review 1\n`);
  withProjectOption(addVerb(column, 'role', 'Set or clear the role of a column', async () => (await load()).setColumnRole))
    .addArgument(new Argument('<column>', 'the column'))
    .addArgument(new Argument('<role>', 'ready, in_progress, done, or none to clear it').choices([...COLUMN_ROLES, 'none']))
    .addHelpText('after', `${COLUMN_HELP}\nExamples:\n  $ paso column role Shipped done\n  $ paso column role Review none\n`);
  withExamples(
    withProjectOption(
      addVerb(column, 'delete <column>', 'Delete a column (refused while it holds tasks, unless --force)', async () => (await load()).deleteColumn),
    ).option('-f, --force', 'also delete its tasks'),
    ['paso column delete Review'],
  ).addHelpText('after', COLUMN_HELP);
  return column;
}
