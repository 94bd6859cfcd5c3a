import { Command } from 'commander';
import { systemCommands } from './commands/system.commands';
import { backupCommands } from './commands/backup.commands';
import { userCommands } from './commands/user.commands';
import { logCommands } from './commands/log.commands';
import { importCommands } from './commands/import.commands';
import { segmentCommands } from './commands/segment.commands';
import { savedCriteriaCommands } from './commands/saved-criteria.commands';
import { entriesCommands } from './commands/entries.commands';
import { jobsCommands } from './commands/jobs.commands';

/** The `rapport` command line: thin commands over the same services as the API. */
export function buildProgram(): Command {
  const program = new Command('rapport')
    .description('Rapport: record every interaction with your contacts')
    .option('--json', 'print exactly one JSON document (the API body) on standard output')
    .option('--as <username>', 'the user recorded as userId', 'admin')
    .showHelpAfterError()
    .exitOverride((err) => {
      // bad arguments or options: exit 2 (api.md §12.2); help and version: 0
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  systemCommands(program);
  backupCommands(program);
  userCommands(program);
  logCommands(program);
  importCommands(program);
  segmentCommands(program);
  savedCriteriaCommands(program);
  entriesCommands(program);
  jobsCommands(program);
  return program;
}
