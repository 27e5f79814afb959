/** Declarations of `paso undo`, `paso redo` and `paso log` (implementations in history-commands.ts). */
import { type Command } from 'commander';
import { parseId } from './number-args.js';
import { addVerb, withExamples, withProjectOption } from './verb.js';

const load = () => import('./history-commands.js');

const UNDO_HELP = `
Without SEQ: your newest change made from the CLI in the project that is still in effect
(for redo: your newest undo from the CLI). A change is refused when a later change wrote the
same data since (exit 4); see "Undo and history" in the README.
`;

/** The three verbs, each a top-level command; returned so output options can be added. */
export function declareHistoryCommands(program: Command): Command[] {
  const undo = withExamples(
    withProjectOption(addVerb(program, 'undo', 'Undo one change (default: your last one from the CLI)', async () => (await load()).undo))
      .argument('[seq]', 'the seq of the change, as paso log shows it', parseId),
    ['paso undo', 'paso undo 42', 'paso log --limit 5 && paso undo 40'],
  ).addHelpText('after', UNDO_HELP);
  const redo = withExamples(
    withProjectOption(addVerb(program, 'redo', 'Redo an undone change (default: your last undo from the CLI)', async () => (await load()).redo))
      .argument('[seq]', 'the seq of the change that was undone', parseId),
    ['paso redo', 'paso redo 42'],
  ).addHelpText('after', UNDO_HELP);
  const log = withExamples(
    withProjectOption(addVerb(program, 'log', 'List changes, newest first', async () => (await load()).log))
      .option('-t, --task <task>', 'only changes to this task (id or ref)')
      .option('-n, --limit <n>', 'at most this many (default 20, at most 1000)', parseId),
    ['paso log', 'paso log --task WEB-12', 'paso log --project WEB --limit 100 --json'],
  );
  return [undo, redo, log];
}
