import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../app/config';
import { migrate } from '../../app/maintenance';

export function systemCommands(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP server (as npm start)')
    .action(async () => {
      const { serve } = await import('../../main');
      await serve();
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
        process.exitCode = e instanceof ConfigError ? 2 : 1;
      }
    });
}
