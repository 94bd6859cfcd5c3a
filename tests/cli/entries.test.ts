import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { LOG_ENTRY_FIELDS } from '../../src/edge/json/interaction-log';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { attachmentExists, entryRow, seedAttachment, seedContact, seedEntries, seedLoggedSegment } from '../support/seed-entries';
import { ADMIN_PASSWORD, freshDatabase, POSTGRES_AVAILABLE, TEST_DIALECTS } from '../support/test-app';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

for (const dialect of TEST_DIALECTS) {
  (dialect === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe)(`rapport entries [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> };
    let handle: DatabaseHandle;
    const dir = mkdtempSync(join(tmpdir(), 'rapport-entries-cli-'));
    let nos: number[] = [];
    let attachment = 0;
    let blocked = 0;

    const rapport = (...args: string[]) =>
      new Promise<Run>((resolve) => {
        execFile(
          process.execPath,
          ['bin/rapport.js', ...args],
          { cwd: root, env: { ...process.env, RAPPORT_DATABASE_URL: database.url, RAPPORT_LOG_LEVEL: 'silent', RAPPORT_TZ: 'UTC' } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });

    beforeAll(async () => {
      database = await freshDatabase(dialect);
      const config: Config = {
        databaseUrl: database.url,
        port: 0,
        host: '127.0.0.1',
        timeZone: 'UTC',
        adminPassword: ADMIN_PASSWORD,
        logLevel: 'silent',
        smtpUrl: null,
      };
      const app = await createApp(config, createLogger(config));
      const db = app.database.db;
      await seedContact(db, { no: 'CLI-CO', name: 'Cli Company' });
      attachment = await seedAttachment(db);
      const segment = await seedLoggedSegment(db, 'SM-CLI', true);
      nos = await seedEntries(db, [
        { contactNo: 'CLI-CO', contactCompanyNo: 'CLI-CO', date: '2026-01-10', description: 'First call', costCents: 50 },
        { contactNo: 'CLI-CO', contactCompanyNo: 'CLI-CO', date: '2026-02-10', description: '=formula', attachmentId: attachment },
        { contactNo: 'CLI-CO', contactCompanyNo: 'CLI-CO', date: '2026-03-10', description: 'Third', evaluation: 'positive' },
        {
          contactNo: 'CLI-CO',
          contactCompanyNo: 'CLI-CO',
          date: '2026-04-10',
          description: 'Segment letter',
          canceled: true,
          loggedSegmentEntryNo: segment,
        },
      ]);
      blocked = nos[3]!;
      await app.close();
      handle = openDatabase(database.url);
    }, 60_000);

    afterAll(async () => {
      await handle?.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    }, 120_000);

    it('lists with filters, follows cursors with --all and prints the API body with --json', async () => {
      const all = await rapport('--json', 'entries', 'list', '--contact', 'cli-co', '--sort', '-date', '--limit', '1', '--all');
      expect(all.code, all.stderr).toBe(0);
      const body = JSON.parse(all.stdout);
      expect(body.nextCursor).toBeNull();
      expect(body.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([...nos].reverse());
      expect(Object.keys(body.items[0])).toEqual([...LOG_ENTRY_FIELDS]);

      const page = await rapport(
        '--json',
        'entries',
        'list',
        '--contact',
        'CLI-CO',
        '--canceled',
        'false',
        '--from',
        '2026-02-01',
        '--limit',
        '1',
      );
      const first = JSON.parse(page.stdout);
      expect(first.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([nos[2]]);
      const next = await rapport(
        '--json',
        'entries',
        'list',
        '--contact',
        'CLI-CO',
        '--canceled',
        'false',
        '--from',
        '2026-02-01',
        '--limit',
        '1',
        '--cursor',
        first.nextCursor,
      );
      expect(JSON.parse(next.stdout).items.map((e: { entryNo: number }) => e.entryNo)).toEqual([nos[1]]);

      const text = await rapport('entries', 'list', '--contact', 'CLI-CO', '--q', 'third');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^entryNo\s+date\s+canceled/);
      expect(text.stdout).toContain('Third');
      expect(text.stdout.trim().split('\n')).toHaveLength(3);

      const bad = await rapport('entries', 'list', '--canceled', 'maybe', '--from', '2026-02-30');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('error validation_failed');
      expect(bad.stderr).toContain('canceled');
    }, 120_000);

    it('shows one entry; a missing one exits 4 with entry_not_found', async () => {
      const shown = await rapport('entries', 'show', String(nos[0]));
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`entryNo: ${nos[0]}\n`);
      expect(shown.stdout).toContain('costLcy: 0.5\n');
      const json = await rapport('--json', 'entries', 'show', String(nos[0]));
      expect(JSON.parse(json.stdout)).toMatchObject({ entryNo: nos[0], contactName: 'Cli Company', description: 'First call' });
      const missing = await rapport('entries', 'show', '999999');
      expect(missing.code).toBe(4);
      expect(missing.stderr).toBe('error entry_not_found: Entry 999999 does not exist.\n');
      const missingJson = await rapport('--json', 'entries', 'show', '999999');
      expect(JSON.parse(missingJson.stdout)).toMatchObject({ code: 'entry_not_found', status: 404 });
    }, 120_000);

    it('cancels, uncancels and evaluates; a blocked uncancel exits 3 and changes nothing', async () => {
      const canceled = await rapport('entries', 'cancel', String(nos[1]), String(nos[0]), '--remove-unique-attachments');
      expect(canceled.code, canceled.stderr).toBe(0);
      expect(canceled.stdout).toBe(`canceled: ${nos[0]}, ${nos[1]}\n`);
      expect(await attachmentExists(handle.db, attachment)).toBe(false);
      expect((await entryRow(handle.db, nos[1]!))?.attachment_id).toBeNull();

      const refused = await rapport('entries', 'uncancel', String(nos[0]), String(blocked));
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('error uncancel_blocked_by_logged_segment');
      expect((await entryRow(handle.db, nos[0]!))?.canceled).toBe(1);

      const uncanceled = await rapport('--json', 'entries', 'uncancel', String(nos[0]));
      expect(JSON.parse(uncanceled.stdout).items).toMatchObject([{ entryNo: nos[0], canceled: false }]);

      const evaluated = await rapport('entries', 'evaluate', String(nos[0]), String(nos[2]), '--evaluation', 'negative');
      expect(evaluated.stdout).toBe(`evaluation negative: ${nos[0]}, ${nos[2]}\n`);
      const cleared = await rapport('--json', 'entries', 'evaluate', String(nos[2]), '--evaluation', 'none');
      expect(JSON.parse(cleared.stdout).items[0].evaluation).toBeNull();
      const badNumber = await rapport('entries', 'cancel', 'abc');
      expect(badNumber.code).toBe(2);
    }, 120_000);

    it('exports CSV to standard output and JSON to a file', async () => {
      const csv = await rapport('entries', 'export', '--contact', 'CLI-CO', '--sort', 'entryNo');
      expect(csv.code, csv.stderr).toBe(0);
      const lines = csv.stdout.split('\r\n');
      expect(lines[0]).toBe(LOG_ENTRY_FIELDS.join(','));
      expect(lines).toHaveLength(nos.length + 2);
      expect(lines[2]).toContain(",'=formula,");
      expect(csv.stderr).toBe('');

      const file = join(dir, 'entries.json');
      const json = await rapport('entries', 'export', '--contact', 'CLI-CO', '--format', 'json', '--output', file, '--canceled', 'true');
      expect(json.code, json.stderr).toBe(0);
      expect(json.stdout).toBe(`2 interaction log entries exported to ${file}\n`);
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      expect(exported.map((e: { entryNo: number }) => e.entryNo)).toEqual([blocked, nos[1]]);

      const unwritable = await rapport('entries', 'export', '--output', join(dir, 'missing', 'x.csv'));
      expect(unwritable.code).toBe(2);
    }, 120_000);

    it('deletes canceled entries with filters and prints the number', async () => {
      const none = await rapport('entries', 'delete-canceled', '--contact', 'CLI-CO', '--to', '2026-01-31');
      expect(none.stdout).toBe('0 interaction log entries have been deleted.\n');
      const deleted = await rapport('--json', 'entries', 'delete-canceled', '--contact', 'CLI-CO', '--entry-from', String(nos[0]));
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(JSON.parse(deleted.stdout)).toEqual({ deleted: 2 });
      expect(await entryRow(handle.db, blocked)).toBeUndefined();
      expect(await entryRow(handle.db, nos[0]!)).toBeDefined();
      const bad = await rapport('entries', 'delete-canceled', '--entry-from', '9', '--entry-to', '3');
      expect(bad.code).toBe(2);
    }, 120_000);
  });
}
