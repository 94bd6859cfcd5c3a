import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { invalid } from '../../domain/shared/errors';
import { run } from '../context';

export function importCommands(program: Command): void {
  const imp = program.command('import').description('import records from files');
  imp
    .command('contacts <file>')
    .description('import contacts from a CSV file (POST /contacts/import); - reads standard input')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones')
    .action(async (file: string, o: { skipInvalid?: boolean }, cmd: Command) =>
      run(cmd, async (ctx) => {
        if (file !== '-')
          await access(file, constants.R_OK).catch(() => Promise.reject(invalid([{ path: 'file', message: `${file} cannot be read` }])));
        const source = file === '-' ? process.stdin : createReadStream(file);
        // progress only for a person watching: never with --json, never into a pipe or file
        const bar =
          !ctx.json && process.stderr.isTTY
            ? new SingleBar({ stream: process.stderr, format: 'importing contacts | {value} rows' }, Presets.shades_classic)
            : null;
        bar?.start(0, 0);
        const result = await ctx.app.services.contacts
          .importCsv(source, { skipInvalid: o.skipInvalid === true, onProgress: (done) => bar?.update(done) })
          .finally(() => bar?.stop());
        ctx.out(result, () =>
          [`imported: ${result.imported}`, `skipped: ${result.skipped}`, ...result.errors.map((e) => `line ${e.line}: ${e.message}`)].join(
            '\n',
          ),
        );
      }),
    );
}
