/** Declarations of `paso comment ...` (implementations in comment-commands.ts). */
import type { Command } from 'commander';
import { addVerb, withExamples } from './verb.js';

const load = () => import('./comment-commands.js');

export function declareCommentCommands(program: Command): Command {
  const comment = program.command('comment').description('Add, list, edit and delete comments on tasks');

  withExamples(
    addVerb(comment, 'add <task> <body>', 'Comment on a task', async () => (await load()).addComment).option(
      '-a, --author <name>',
      'who wrote it',
    ),
    ['paso comment add WEB-12 "Reproduced on Firefox"', 'git log -1 --format=%B | paso comment add WEB-12 - --author ci'],
  ).addHelpText('after', '\nBODY - reads the body from stdin.\n');
  withExamples(addVerb(comment, 'list <task>', 'List the comments on a task', async () => (await load()).listComments), [
    'paso comment list WEB-12',
  ]);
  withExamples(addVerb(comment, 'edit <id> <body>', 'Change the body of a comment', async () => (await load()).editComment), [
    'paso comment edit 7 "Fixed in 1.2"',
  ]);
  withExamples(addVerb(comment, 'delete <id>', 'Delete a comment', async () => (await load()).deleteComment), [
    'paso comment delete 7',
  ]);
  return comment;
}
