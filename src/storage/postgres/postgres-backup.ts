import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError } from '../backup-error';
import { loadPg } from './open-postgres';

/**
 * The connection for PostgreSQL's client tools: the URL without its password, which goes in the
 * environment (PGPASSWORD) so that it does not show in the process list.
 */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

/** Runs a PostgreSQL client tool; its standard error is the message of a failure. */
function runTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ENOENT'
          ? new BackupError(
              'unavailable',
              `${tool} is not on PATH: install PostgreSQL's client tools, or run ${tool} yourself as docs/backup.md shows`,
            )
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? done() : fail(new BackupError('failed', `${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** Dumps the database into `file` (which must not exist) with pg_dump's custom format. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError('refused', `${file} exists; name a new file (a backup never overwrites one)`);
  const partial = `${target}.partial-${process.pid}`;
  const { dbname, env } = toolConnection(url);
  try {
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], env);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Restores a pg_dump file into the database, which must have no table, in one transaction. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError('invalid', `${file} does not exist`);
  const client = new (loadPg().Client)({ connectionString: url });
  let tables: number;
  try {
    await client.connect();
    const r = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    tables = Number(r.rows[0]?.n ?? 0);
  } catch (e) {
    throw new BackupError('invalid', `the database cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (tables > 0)
    throw new BackupError(
      'refused',
      `the database ${new URL(url).pathname.slice(1)} is not empty (${tables} tables): restore only into a new database (createdb), named by RAPPORT_DATABASE_URL`,
    );
  const { dbname, env } = toolConnection(url);
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, resolve(file)],
    env,
  );
}
