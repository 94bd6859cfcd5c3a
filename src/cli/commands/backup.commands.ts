import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../app/config';
import { backup, BackupError, restore, type BackupErrorKind } from '../../app/maintenance';

// as api.md §12.2: invalid input 2, a refusal 3, anything else 1
const EXIT: Record<BackupErrorKind, number> = { invalid: 2, refused: 3, unavailable: 1, failed: 1 };

async function report(work: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(`${await work()}\n`);
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof ConfigError ? 2 : e instanceof BackupError ? EXIT[e.kind] : 1;
  }
}

/** `backup` and `restore`: the database's own tools on the configured database (docs/backup.md). */
export function backupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('write a backup of the database into a new file, while the server keeps running (docs/backup.md)')
    .action((file: string) =>
      report(async () => {
        await backup(loadConfig(), file);
        return `backup written to ${file}`;
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup into an empty database, then apply pending migrations (docs/backup.md)')
    .action((file: string) =>
      report(async () => {
        const applied = await restore(loadConfig(), file);
        return `restored ${file}; ${applied.length} migration${applied.length === 1 ? '' : 's'} applied`;
      }),
    );
}
