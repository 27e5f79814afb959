/** Declarations of `paso project ...` (implementations in project-commands.ts). */
import type { Command } from 'commander';
import { addVerb, withExamples } from './verb.js';

const load = () => import('./project-commands.js');

export function declareProjectCommands(program: Command): Command {
  const project = withExamples(program.command('project').description('List, show, create, rename and delete projects'), [
    'paso project add "Web site" --key WEB',
    'paso project list',
    'paso project show WEB',
  ]);

  withExamples(addVerb(project, 'list', 'List all projects', async () => (await load()).listProjects), [
    'paso project list',
    'paso project list --json',
  ]);
  withExamples(
    addVerb(project, 'show [project]', 'Show a project and its columns', async () => (await load()).showProject),
    ['paso project show', 'paso project show WEB'],
  ).addHelpText('after', '\nWithout PROJECT: $PASO_PROJECT, else the only project.\n');
  withExamples(
    addVerb(project, 'add <name>', 'Create a project (with columns Todo, In Progress and Done)', async () => (await load()).addProject)
      .option('-k, --key <key>', 'prefix of task refs, 1-10 of A-Z0-9 (default: from the name)')
      .option('-d, --description <text>', 'description (- reads stdin)'),
    ['paso project add "Web site" --key WEB', 'paso project add Backend --description "API and jobs"'],
  );
  withExamples(
    addVerb(project, 'rename <project> <name>', 'Rename a project', async () => (await load()).renameProject),
    ['paso project rename WEB "Marketing site"'],
  );
  withExamples(
    addVerb(project, 'edit <project>', "Change a project's name, key or description", async () => (await load()).editProject)
      .option('-n, --name <name>', 'new name')
      .option('-k, --key <key>', 'new key (existing refs change with it)')
      .option('-d, --description <text>', 'new description (- reads stdin)'),
    ['paso project edit WEB --key SITE', 'echo "Long text" | paso project edit WEB --description -'],
  );
  withExamples(
    addVerb(project, 'delete <project>', 'Delete a project (refused while it has tasks, unless --force)', async () => (await load()).deleteProject)
      .option('-f, --force', 'also delete its tasks'),
    ['paso project delete WEB', 'paso project delete 3 --force'],
  );
  return project;
}
