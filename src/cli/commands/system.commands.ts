import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../app/config';
import { migrateToLatest } from '../../storage/migrations';
import { openDatabase } from '../../storage/open-database';

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
        const config = loadConfig();
        const db = openDatabase(config.databaseUrl);
        try {
          const applied = await migrateToLatest(db.db, db.dialect);
          process.stdout.write(`${applied.length} migration${applied.length === 1 ? '' : 's'} applied\n`);
        } finally {
          await db.close();
        }
      } catch (e) {
        process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = e instanceof ConfigError ? 2 : 1;
      }
    });
}
