/** Declarations of `paso export`, `paso import` and `paso backup` (implementations in data-commands.ts). */
import { Argument, type Command } from 'commander';
import { choiceOption, withExamples } from './verb.js';

const load = () => import('./data-commands.js');

export function registerDataCommands(program: Command): void {
  withExamples(
    program
      .command('export')
      .description('Write a consistent snapshot of every project (or one) to stdout, archived tasks included')
      .option('-p, --project <project>', 'only this project (id, key or name)')
      .addOption(choiceOption('--format <format>', 'json (a paso-export document) or csv (one row per task)', ['json', 'csv']).default('json'))
      .action(async (options: { project?: string; format: 'json' | 'csv' }) => {
        process.exitCode = await (await load()).runExport(options);
      }),
    ['paso export > paso-export.json', 'paso export --project WEB --format csv > web.csv'],
  );
  withExamples(
    program
      .command('import')
      .description('Load a paso-export document as new projects, all or nothing')
      .addArgument(new Argument('<file>', 'a file written by paso export, or - for stdin'))
      .action(async (file: string) => {
        process.exitCode = await (await load()).runImport(file);
      }),
    ['paso import paso-export.json', 'paso --remote board@team-host export | paso import -   # copy a shared board home'],
  );
  withExamples(
    program
      .command('backup')
      .description("Write a consistent copy of the live database (SQLite online backup) to FILE, on the daemon's host")
      .addArgument(new Argument('<file>', 'where to write it (relative to the current directory)'))
      .action(async (file: string) => {
        process.exitCode = await (await load()).runBackup(file);
      }),
    ['paso backup ~/backups/paso-$(date +%F).db'],
  );
}
