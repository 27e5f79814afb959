/** Declarations of `paso comment ...` (implementations in comment-commands.ts). */
import { Argument, type Command } from 'commander';
import { parseCommentId } from './number-args.js';
import { addVerb, withExamples } from './verb.js';

const load = () => import('./comment-commands.js');

export function declareCommentCommands(program: Command): Command {
  const comment = withExamples(program.command('comment').description('Add, list, edit and delete comments on tasks'), [
    'paso comment add WEB-12 "Reproduced on Firefox"',
    'paso comment list WEB-12',
  ]);

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
  withExamples(
    addVerb(comment, 'edit', 'Change the body of a comment', async () => (await load()).editComment)
      .addArgument(commentIdArgument())
      .addArgument(new Argument('<body>', 'the new body (- reads stdin)')),
    ['paso comment edit 7 "Fixed in 1.2"', 'paso comment edit "#7" - < note.md'],
  );
  withExamples(
    addVerb(comment, 'delete', 'Delete a comment', async () => (await load()).deleteComment).addArgument(commentIdArgument()),
    ['paso comment delete 7'],
  );
  return comment;
}

function commentIdArgument(): Argument {
  return new Argument('<id>', 'comment id, as comment list shows it (12 or #12)').argParser(parseCommentId);
}
