import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { testPostgresUrl } from '../../src/app/config';
import { migrateToLatest } from '../../src/storage/migrations';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { openSqlite } from '../../src/storage/sqlite/open-sqlite';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];
export const BENCH_DIR = '.bench-data';

/**
 * The URL of a bench database: a SQLite file under .bench-data/ or a database on the test
 * PostgreSQL server, named `rapport_bench_<name>` (another prefix through RAPPORT_BENCH_PG_PREFIX,
 * so that two checkouts benchmarking on one server do not drop each other's databases).
 */
export function benchUrl(dialect: Dialect, name: string): string {
  if (dialect === 'sqlite') return `sqlite:${join(BENCH_DIR, `${name}.db`)}`;
  const url = new URL(testPostgresUrl());
  url.pathname = `/${process.env['RAPPORT_BENCH_PG_PREFIX'] ?? 'rapport_bench_'}${name.replace(/-/g, '_')}`;
  return url.toString();
}

/** Deletes and recreates the bench database, then applies the migrations; answers an open handle. */
export async function freshDatabase(dialect: Dialect, name: string): Promise<DatabaseHandle> {
  const url = benchUrl(dialect, name);
  if (dialect === 'sqlite') {
    mkdirSync(BENCH_DIR, { recursive: true });
    const file = url.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  } else {
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    const db = new URL(url).pathname.slice(1);
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.query(`create database ${db}`);
    await admin.end();
  }
  return openMigrated(url);
}

export async function openMigrated(url: string): Promise<DatabaseHandle> {
  const handle = openDatabase(url);
  await migrateToLatest(handle.db, handle.dialect);
  return handle;
}

/** The raw drivers, doing the same work without Rapport's layers. */
export type Raw = { dialect: 'sqlite'; db: Database.Database } | { dialect: 'postgres'; pool: pg.Pool };

/** The raw connection, with the same settings as Rapport's (SQLite pragmas, pool size). */
export function openRaw(url: string): Raw {
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', db: openSqlite(url.slice('sqlite:'.length)).raw };
  return { dialect: 'postgres', pool: new pg.Pool({ connectionString: url, max: 10 }) };
}

export async function closeRaw(raw: Raw): Promise<void> {
  if (raw.dialect === 'sqlite') raw.db.close();
  else await raw.pool.end();
}
