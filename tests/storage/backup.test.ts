import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Config } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { openDatabase } from '../../src/storage/open-database';
import { runCli } from '../support/cli';
import { contentsOf, tablesOf } from '../support/database-dump';
import { seedEntries } from '../support/seed-entries';
import { seedManyContacts, seedSalesperson, seedTemplate } from '../support/seed-segments';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { describePerDialect, freshDatabase, type DialectName } from '../support/test-app';

const CONTACTS = 500;
const ENTRIES = 20_000;

function configFor(databaseUrl: string): Config {
  return { databaseUrl, port: 0, host: '127.0.0.1', timeZone: 'UTC', adminPassword: 'admin-password-1', logLevel: 'silent', smtpUrl: null };
}

async function withDatabase<T>(url: string, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const handle = openDatabase(url);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const entryCount = (db: Kysely<any>) =>
  sql<{ n: number }>`select count(*) as n from interaction_log_entries`.execute(db).then((r) => Number(r.rows[0]!.n));

/** The sums the statistics triggers keep, against the entries they are kept from: equal in any one snapshot. */
async function statisticsAgree(db: Kysely<any>): Promise<{ summed: number; active: number }> {
  const summed = await sql<{ n: number }>`select coalesce(sum(n), 0) as n from entry_stats where dim = 'contact'`.execute(db);
  const active = await sql<{ n: number }>`select count(*) as n from interaction_log_entries
      where canceled = 0 and postponed = 0 and date is not null and contact_no is not null`.execute(db);
  return { summed: Number(summed.rows[0]!.n), active: Number(active.rows[0]!.n) };
}

interface Source {
  readonly dialect: DialectName;
  readonly url: string;
  readonly token: string;
  readonly server: ServerProcess;
  readonly dir: string;
  readonly databases: { drop(): Promise<void> }[];
  /** A new, empty database of the dialect, dropped with the suite. */
  empty(): Promise<string>;
}

describePerDialect<Source>(
  'rapport backup and restore',
  async (dialect) => {
    const source = await freshDatabase(dialect);
    const app = await createApp(configFor(source.url), createLogger(configFor(source.url)));
    const db = app.database.db;
    await seedSalesperson(db, 'SP');
    await seedTemplate(db, { code: 'MAIL', description: 'Letter' });
    await seedManyContacts(db, 'BK', CONTACTS, { salespersonCode: 'SP' });
    await seedEntries(
      db,
      Array.from({ length: ENTRIES }, (_, i) => ({ contactNo: `BK${String(i % CONTACTS).padStart(6, '0')}`, description: `Letter ${i}` })),
    );
    const { token } = await app.services.account.createToken('admin', { name: 'backup test' });
    await app.close();
    const server = await startServerProcess({ databaseUrl: source.url });
    const databases = [source];
    return {
      dialect,
      url: source.url,
      token,
      server,
      dir: mkdtempSync(join(tmpdir(), 'rapport-backup-')),
      databases,
      async empty() {
        const d = await freshDatabase(dialect);
        databases.push(d);
        return d.url;
      },
    };
  },
  async (s) => {
    await s.server.stop();
    for (const d of s.databases) await d.drop();
    rmSync(s.dir, { recursive: true, force: true });
  },
  (source) => {
    it('writes a backup while the server keeps answering and writing, and the backup is one consistent snapshot', async () => {
      const s = source();
      const statuses: number[] = [];
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const r = await fetch(`${s.server.base}/api/v1/interactions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              contactNo: `BK${String(i % CONTACTS).padStart(6, '0')}`,
              interactionTemplateCode: 'MAIL',
              salespersonCode: 'SP',
            }),
          });
          statuses.push(r.status);
          await r.arrayBuffer();
        }
      })();
      while (statuses.length < 5) await new Promise((r) => setTimeout(r, 20));

      const before = await withDatabase(s.url, entryCount);
      const writtenBefore = statuses.length;
      const file = join(s.dir, 'during-writes.backup');
      const backup = await runCli(['backup', file], { databaseUrl: s.url });
      const writtenDuring = statuses.length - writtenBefore;
      const after = await withDatabase(s.url, entryCount);
      stop = true;
      await writer;

      expect(backup.stderr).toBe('');
      expect([backup.code, backup.stdout]).toEqual([0, `backup written to ${file}\n`]);
      expect(writtenDuring).toBeGreaterThan(0);
      expect(statuses.every((st) => st === 201)).toBe(true);

      const restored = await s.empty();
      const restore = await runCli(['restore', file], { databaseUrl: restored });
      expect([restore.code, restore.stderr]).toEqual([0, '']);
      await withDatabase(restored, async (db) => {
        const n = await entryCount(db);
        expect(n).toBeGreaterThanOrEqual(before);
        expect(n).toBeLessThanOrEqual(after);
        const { summed, active } = await statisticsAgree(db);
        expect(summed).toBe(active);
      });
    }, 120_000);

    it('restores a backup into an empty database with every table equal, row for row', async () => {
      const s = source();
      const file = join(s.dir, 'round-trip.backup');
      expect((await runCli(['backup', file], { databaseUrl: s.url })).code).toBe(0);
      const restored = await s.empty();
      // an empty database may exist already (PostgreSQL: made by createdb; SQLite: a file with no table)
      if (s.dialect === 'sqlite') {
        const empty = new SQLite(restored.slice('sqlite:'.length));
        empty.pragma('journal_mode = WAL');
        empty.close();
      }
      const restore = await runCli(['restore', file], { databaseUrl: restored });
      expect([restore.code, restore.stderr, restore.stdout]).toEqual([0, '', `restored ${file}; 0 migrations applied\n`]);

      const [original, copy] = [
        await withDatabase(s.url, (db) => contentsOf(db, s.dialect)),
        await withDatabase(restored, (db) => contentsOf(db, s.dialect)),
      ];
      expect(Object.keys(copy)).toEqual(Object.keys(original));
      expect(original.interaction_log_entries!.length).toBeGreaterThanOrEqual(ENTRIES);
      for (const table of Object.keys(original)) {
        expect(copy[table]!.length, `rows of ${table}`).toBe(original[table]!.length);
        expect(copy[table], `contents of ${table}`).toEqual(original[table]);
      }

      // the restored database is a working Rapport database: it opens and takes the next entry number
      const last = Math.max(...original.interaction_log_entries!.map((e) => Number((e as { entry_no: number }).entry_no)));
      const logged = await runCli(['--json', 'log', '--contact', 'BK000001', '--template', 'MAIL', '--salesperson', 'SP'], {
        databaseUrl: restored,
      });
      expect(logged.code).toBe(0);
      expect(JSON.parse(logged.stdout).entryNo).toBe(last + 1);
    }, 120_000);

    it('refuses to restore into a database that is not empty, and to overwrite a file with a backup', async () => {
      const s = source();
      const file = join(s.dir, 'refusals.backup');
      expect((await runCli(['backup', file], { databaseUrl: s.url })).code).toBe(0);
      const tables = await withDatabase(s.url, (db) => tablesOf(db, s.dialect));
      const entries = await withDatabase(s.url, entryCount);

      const into = await runCli(['restore', file], { databaseUrl: s.url });
      expect(into.code).toBe(3);
      expect(into.stderr).toMatch(/^error: the database .+ is not empty \(\d+ tables\): restore only into a new database/);
      expect(await withDatabase(s.url, (db) => tablesOf(db, s.dialect))).toEqual(tables);
      expect(await withDatabase(s.url, entryCount)).toBe(entries);

      const again = await runCli(['backup', file], { databaseUrl: s.url });
      expect([again.code, again.stderr]).toEqual([3, `error: ${file} exists; name a new file (a backup never overwrites one)\n`]);
      expect(existsSync(`${file}.partial-${process.pid}`)).toBe(false);
    }, 120_000);
  },
);
