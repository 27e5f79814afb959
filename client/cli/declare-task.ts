/** Declarations of `paso task ...` (implementations in task-commands.ts). */
import { Argument, Option, type Command } from 'commander';
import { PRIORITIES, RELATION_KINDS, TASK_TYPES } from '../../shared/protocol/entities.js';
import { DATE_FORMS, parseAge, parseDue } from './date-args.js';
import { parsePosition, parseVersion } from './number-args.js';
import { addVerb, choiceOption, collect, withExamples, withProjectOption } from './verb.js';

const load = () => import('./task-commands.js');
const loadArchive = () => import('./archive-commands.js');
const TASK_HELP = '\nA task is named by id (12) or ref (WEB-12, case-insensitive).\n';
const DUE_HELP = `\nDates: ${DATE_FORMS}\n(fri: the next Friday after today; eow: the coming Sunday, today on a Sunday), in your time zone.\n`;

export function declareTaskCommands(program: Command): Command {
  const task = withExamples(program.command('task').description('Add, list, show, edit, move, finish, archive and delete tasks'), [
    'paso task add "Fix the login form" --priority high',
    'paso task list --column done',
    'paso task move WEB-12 "In Progress"',
    'paso task done WEB-12',
  ]);

  withExamples(
    withProjectOption(addVerb(task, 'add <title>', 'Add a task (to the ready column unless --column)', async () => (await load()).addTask))
      .option('-c, --column <column>', 'column id, name or role')
      .option('-d, --description <text>', 'description (- reads stdin)')
      .addOption(choiceOption('--priority <priority>', 'priority (default: medium)', PRIORITIES))
      .addOption(choiceOption('-t, --type <type>', 'type (default: task)', TASK_TYPES))
      .option('--due <date>', 'due date: YYYY-MM-DD, today, tomorrow, fri, +3d, +2w, +1m, eow, eom', parseDue)
      .option('-l, --label <label>', 'label id or name (repeatable)', collect)
      .option('--parent <task>', 'make it a child of this task'),
    [
      'paso task add "Fix the login form"',
      'paso task add "Ship v2" --column "In Progress" --priority high --due 2026-12-01',
      'paso task add "Call the printer" --due fri',
      'paso task add "Broken link" --type bug --label ui --label urgent --parent WEB-3',
    ],
  ).addHelpText('after', DUE_HELP);
  withExamples(
    withProjectOption(addVerb(task, 'list', 'List tasks in board order, filtered', async () => (await load()).listTasks))
      .option('-c, --column <column>', 'only this column (id, name or role)')
      .option('-l, --label <label>', 'only tasks with this label')
      .option('-s, --query <text>', 'only tasks whose ref, title or description contains this')
      .addOption(choiceOption('--priority <priority>', 'only this priority', PRIORITIES))
      .addOption(choiceOption('-t, --type <type>', 'only this type', TASK_TYPES))
      .option('--blocked', 'only blocked tasks')
      .option('--no-blocked', 'only tasks that are not blocked')
      .option('--archived', 'only archived tasks, most recently archived first'),
    [
      'paso task list',
      'paso task list --column done --label ui',
      'paso task list --query login --json',
      'paso task list --blocked --quiet',
      'paso task list --archived',
    ],
  );
  withExamples(
    addVerb(task, 'show <task>', 'Show a task: fields, labels, relations and comments', async () => (await load()).showTask),
    ['paso task show WEB-12', 'paso task show web-12 --json'],
  ).addHelpText('after', TASK_HELP);
  withExamples(
    addVerb(task, 'edit <task>', "Change a task's title, description, priority, type or due date", async () => (await load()).editTask)
      .option('--title <title>', 'new title')
      .option('-d, --description <text>', 'new description (- reads stdin)')
      .addOption(choiceOption('--priority <priority>', 'new priority', PRIORITIES))
      .addOption(choiceOption('-t, --type <type>', 'new type', TASK_TYPES))
      .option('--due <date>', 'new due date: YYYY-MM-DD, today, tomorrow, fri, +3d, +2w, +1m, eow, eom', parseDue)
      .option('--no-due', 'remove the due date')
      .option('--expected-version <n>', 'refuse (exit 4) if the task changed since this version', parseVersion),
    [
      'paso task edit WEB-12 --priority critical --due 2026-12-24',
      'paso task edit WEB-12 --due +2w',
      'paso task edit WEB-12 --no-due',
      'paso task edit WEB-12 --title "Fix the login form" --expected-version 3',
    ],
  ).addHelpText('after', `${TASK_HELP}${DUE_HELP}`);
  addVerb(task, 'move', 'Move a task to a column (to its end unless --position)', async () => (await load()).moveTask)
    .addArgument(new Argument('<task>', 'the task'))
    .addArgument(new Argument('<column>', 'column id, name or role'))
    .addOption(new Option('--position <n>', '0-based position in the column').argParser(parsePosition))
    .addHelpText('after', `${TASK_HELP}\nExamples:\n  $ paso task move WEB-12 "In Progress"\n  $ paso task move WEB-12 todo --position 0\n`);
  withExamples(
    addVerb(task, 'done <task>', "Move a task to the project's done column", async () => (await load()).finishTask),
    ['paso task done WEB-12'],
  ).addHelpText('after', TASK_HELP);
  withExamples(
    withProjectOption(
      addVerb(task, 'archive [task]', 'Archive a task, or with --done every task in the done column', async () => (await loadArchive()).archiveTasks),
    )
      .option('--done', "archive every task in the project's done column (one atomic change)")
      .option('--older-than <age>', 'with --done: only tasks not updated for this long (14d, 2w)', parseAge),
    ['paso task archive WEB-12', 'paso task archive --done', 'paso task archive --done --older-than 14d --project WEB'],
  ).addHelpText(
    'after',
    `${TASK_HELP}An archived task keeps its ref and column but leaves the board and task list; see it with task list --archived.\n`,
  );
  withExamples(
    addVerb(task, 'unarchive <task>', 'Bring an archived task back, at the end of its column', async () => (await loadArchive()).unarchiveTask),
    ['paso task unarchive WEB-12'],
  ).addHelpText('after', TASK_HELP);
  withExamples(
    addVerb(task, 'delete <task>', 'Delete a task with its comments and relations', async () => (await load()).deleteTask),
    ['paso task delete WEB-12'],
  ).addHelpText('after', TASK_HELP);
  withExamples(
    addVerb(task, 'label <task> [labels...]', 'Set the labels of a task (replacing the ones it has)', async () => (await load()).setTaskLabels)
      .option('--clear', 'remove all its labels'),
    ['paso task label WEB-12 ui urgent', 'paso task label WEB-12 --clear'],
  ).addHelpText('after', TASK_HELP);
  for (const [name, summary, pick] of [
    ['link', 'Relate two tasks', 'linkTasks'],
    ['unlink', 'Remove a relation between two tasks', 'unlinkTasks'],
  ] as const) {
    addVerb(task, name, summary, async () => (await load())[pick])
      .addArgument(new Argument('<task>', 'the task'))
      .addArgument(new Argument('<kind>', 'parent: TASK is parent of TARGET; blocks: TASK blocks TARGET; related').choices(RELATION_KINDS))
      .addArgument(new Argument('<target>', 'the other task'))
      .addHelpText('after', `${TASK_HELP}\nExamples:\n  $ paso task ${name} WEB-3 parent WEB-12\n  $ paso task ${name} WEB-4 blocks WEB-5\n`);
  }
  return task;
}
