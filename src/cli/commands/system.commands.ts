import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../app/config';
import { DatabaseStartError } from '../../app/database-start-error';
import { migrate } from '../../app/maintenance';

export function systemCommands(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP server (as npm start)')
    .action(async () => {
      const { serve } = await import('../../main');
      try {
        await serve();
      } catch (e) {
        // a setting or a database that cannot work: one line naming it, exit 2 (as every command)
        if (!(e instanceof ConfigError || e instanceof DatabaseStartError)) throw e;
        process.stderr.write(`error: ${e.message}\n`);
        process.exitCode = 2;
      }
    });

  program
    .command('migrate')
    .description('apply pending migrations; prints how many were applied')
    .action(async () => {
      try {
        const applied = await migrate(loadConfig());
        process.stdout.write(`${applied.length} migration${applied.length === 1 ? '' : 's'} applied\n`);
      } catch (e) {
        process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = e instanceof ConfigError || e instanceof DatabaseStartError ? 2 : 1;
      }
    });
}
