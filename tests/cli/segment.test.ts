import { beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/storage/migrations';
import { openDatabase } from '../../src/storage/open-database';
import { describeCliEachDialect, runCli } from '../support/cli';
import { seedCampaign, seedContact, seedEntry, seedSalesperson, seedTemplate } from '../support/seed-segments';

// Each command is a fresh process that loads the whole app, so the tests get more time than the default.
const SLOW = 180_000;

/** The day before or after a `YYYY-MM-DD` date. */
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeCliEachDialect('rapport segment and logged-segments commands', (databaseUrl) => {
  const cli = (...args: string[]) => runCli(args, { databaseUrl: databaseUrl() });

  beforeAll(async () => {
    const handle = openDatabase(databaseUrl());
    try {
      await migrateToLatest(handle.db, handle.dialect);
      const db = handle.db;
      await seedSalesperson(db, 'SP');
      await seedTemplate(db, { code: 'MAIL', description: 'Letter', correspondenceTypeDefault: null });
      await seedContact(db, { no: 'K-CO', name: 'Kappa Co', countryCode: 'DE', industryGroupCodes: ['IG1'] });
      await seedContact(db, { no: 'K-P1', type: 'person', name: 'Kim', companyNo: 'K-CO', countryCode: 'DE' });
      await seedContact(db, { no: 'K-P2', type: 'person', name: 'Kai', countryCode: 'SE', industryGroupCodes: ['IG2'] });
      // for the every-flag test: a person matching each contact criterion, excluded from segments, with an entry matching each interaction criterion
      await seedTemplate(db, { code: 'EMAIL', description: 'E-mail' });
      await seedCampaign(db, 'CAMP1');
      await seedContact(db, { no: 'F-CO', name: 'Fleur SA', countryCode: 'FR' });
      await seedContact(db, {
        no: 'F-P1',
        type: 'person',
        name: 'Fabienne',
        companyNo: 'F-CO',
        salespersonCode: 'SP',
        languageCode: 'FRA',
        countryCode: 'FR',
        territoryCode: 'WEST',
        postCode: '75001',
        industryGroupCodes: ['IG3'],
        businessRelationCodes: ['BR1'],
        mailingGroupCodes: ['MG1'],
        excludeFromSegment: true,
      });
      await seedEntry(db, {
        contactNo: 'F-P1',
        contactCompanyNo: 'F-CO',
        interactionTemplateCode: 'MAIL',
        interactionGroupCode: 'LETTERS',
        date: '2026-10-01',
        evaluation: 'positive',
        campaignNo: 'CAMP1',
        salespersonCode: 'SP2',
        canceled: true,
      });
    } finally {
      await handle.close();
    }
  }, 60_000);

  it(
    'creates a segment and fills it by criteria',
    async () => {
      const created = await cli('segment', 'create', '--description', 'CLI mailing', '--template', 'mail', '--salesperson', 'SP');
      expect(created.code).toBe(0);
      expect(created.stdout).toBe('segment SM00001 created\n');
      const json = await cli('segment', 'create', '--no', 'cli-2', '--date', '2026-12-01', '--json');
      expect(JSON.parse(json.stdout)).toMatchObject({ no: 'CLI-2', date: '2026-12-01', noOfLines: 0 });

      const added = await cli('segment', 'add-contacts', 'sm00001', '--country', 'DE', '--type', 'person');
      expect([added.code, added.stdout]).toEqual([0, 'added: 1\nlines: 1\n']);
      const more = await cli('segment', 'add-contacts', 'SM00001', '--industry-group', 'IG1', '--industry-group', 'IG2', '--json');
      expect(JSON.parse(more.stdout)).toEqual({ added: 2, noOfLines: 3 });
      const reduced = await cli('segment', 'reduce-contacts', 'SM00001', '--q', 'kai', '--json');
      expect(JSON.parse(reduced.stdout)).toEqual({ removed: 1, noOfLines: 2 });
      const refined = await cli('segment', 'refine-contacts', 'SM00001', '--interaction-canceled', 'false', '--json');
      expect(JSON.parse(refined.stdout)).toEqual({ kept: 0, noOfLines: 0 });
      const back = await cli('segment', 'go-back', 'SM00001');
      expect([back.code, back.stdout]).toEqual([0, 'action 4 undone\nlines: 2\n']);
    },
    SLOW,
  );

  it(
    'refuses bad option values with exit code 2 and unknown segments with exit code 4',
    async () => {
      const bad = await cli('segment', 'add-contacts', 'SM00001', '--interaction-from', '2026-13-01');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('error validation_failed');
      expect(bad.stderr).toContain('interactionFilter.dateFrom');
      const flag = await cli('segment', 'add-contacts', 'SM00001', '--interaction-canceled', 'maybe');
      expect(flag.code).toBe(2);
      const type = await cli('segment', 'add-contacts', 'SM00001', '--type', 'partner');
      expect(type.code).toBe(2);
      expect(type.stderr).toContain('error validation_failed');
      expect(type.stderr).toContain('contactFilter.type');
      const missing = await cli('segment', 'go-back', 'NOPE');
      expect(missing.code).toBe(4);
      expect(missing.stderr).toContain('error segment_not_found');
    },
    SLOW,
  );

  it(
    'previews and logs a segment, refusing a second log with exit code 3',
    async () => {
      const preview = await cli('segment', 'preview', 'SM00001', '--json');
      expect(JSON.parse(preview.stdout)).toMatchObject({ noOfEntries: 2, refused: [], skipped: [] });
      const text = await cli('segment', 'preview', 'SM00001');
      expect(text.stdout).toContain('entries: 2');
      const logged = await cli('segment', 'log', 'SM00001', '--follow-up', '--as', 'admin');
      expect(logged.code).toBe(0);
      expect(logged.stdout).toBe('Segment SM00001 has been logged.\nlogged segment: 1\ninteractions: 2\nfollow-up segment: SM00002\n');
      const again = await cli('segment', 'log', 'SM00001', '--json');
      expect(again.code).toBe(3);
      expect(JSON.parse(again.stdout)).toMatchObject({ code: 'segment_already_logged', status: 409 });
    },
    SLOW,
  );

  it(
    'replays a log with the same idempotency key',
    async () => {
      await cli('segment', 'create', '--no', 'IDEM', '--description', 'Once', '--template', 'MAIL', '--salesperson', 'SP');
      await cli('segment', 'add-contacts', 'IDEM', '--q', 'kai');
      const first = await cli('segment', 'log', 'IDEM', '--idempotency-key', 'cli-log-1', '--json');
      const second = await cli('segment', 'log', 'IDEM', '--idempotency-key', 'cli-log-1', '--json');
      expect(first.code).toBe(0);
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
      const other = await cli('segment', 'log', 'CLI-2', '--idempotency-key', 'cli-log-1');
      expect(other.code).toBe(3);
      expect(other.stderr).toContain('error idempotency_key_reused');
    },
    SLOW,
  );

  it(
    'lists, cancels, uncancels and deletes logged segments',
    async () => {
      const list = await cli('logged-segments', 'list', '--json');
      expect(JSON.parse(list.stdout).items.map((l: { entryNo: number; segmentNo: string }) => [l.entryNo, l.segmentNo])).toEqual([
        [2, 'IDEM'],
        [1, 'SM00001'],
      ]);
      const table = await cli('logged-segments', 'list', '--segment', 'SM00001');
      expect(table.stdout).toMatch(/^entryNo\s+canceled/);
      expect(table.stdout).toContain('SM00001');
      const canceled = await cli('logged-segments', 'cancel', '1', '2', '--json');
      expect(
        JSON.parse(canceled.stdout).items.map((l: { canceled: boolean; noOfInteractions: number }) => [l.canceled, l.noOfInteractions]),
      ).toEqual([
        [true, 2],
        [true, 1],
      ]);
      const uncanceled = await cli('logged-segments', 'uncancel', '2', '--json');
      expect(JSON.parse(uncanceled.stdout).items[0].canceled).toBe(false);
      const unknown = await cli('logged-segments', 'cancel', '99');
      expect(unknown.code).toBe(4);
      const deleted = await cli('logged-segments', 'delete-canceled');
      expect([deleted.code, deleted.stdout]).toEqual([0, '1 logged segments have been deleted.\n']);
      const filtered = await cli('logged-segments', 'list', '--canceled', 'true', '--json');
      expect(JSON.parse(filtered.stdout).items).toEqual([]);
    },
    SLOW,
  );

  it(
    'saves criteria, reuses them on another segment and lists them; the preview shows languages and correspondence types',
    async () => {
      await cli('segment', 'create', '--no', 'SAVE-SRC', '--description', 'Source');
      await cli('segment', 'add-contacts', 'SAVE-SRC', '--country', 'DE');
      await cli('segment', 'reduce-contacts', 'SAVE-SRC', '--type', 'company');
      const saved = await cli('segment', 'save-criteria', 'SAVE-SRC', '--code', 'de-persons', '--description', 'German persons');
      expect([saved.code, saved.stdout]).toEqual([0, 'criteria DE-PERSONS saved\nactions: 2\n']);
      const twice = await cli('segment', 'save-criteria', 'SAVE-SRC', '--code', 'DE-PERSONS');
      expect([twice.code, twice.stderr]).toEqual([3, 'error duplicate_code: Saved criteria DE-PERSONS already exists.\n']);

      await cli('segment', 'create', '--no', 'SAVE-TGT', '--description', 'Target', '--template', 'MAIL', '--salesperson', 'SP');
      const reused = await cli('segment', 'reuse-criteria', 'SAVE-TGT', '--code', 'de-persons', '--json');
      expect([reused.code, JSON.parse(reused.stdout)]).toEqual([0, { applied: 2, noOfLines: 1 }]);
      const unknown = await cli('segment', 'reuse-criteria', 'SAVE-TGT', '--code', 'NOPE');
      expect([unknown.code, unknown.stderr]).toEqual([4, 'error not_found: Saved criteria NOPE does not exist.\n']);

      const list = await cli('saved-criteria', 'list');
      expect(list.stdout).toMatch(/^code\s+description\s+noOfActions/);
      expect(list.stdout).toMatch(/DE-PERSONS\s+German persons\s+2\s+admin/);
      const shown = await cli('saved-criteria', 'show', 'de-persons', '--json');
      expect(JSON.parse(shown.stdout).actions.map((a: { kind: string }) => a.kind)).toEqual(['add', 'reduce']);

      // the text preview shows the same groups per language and per correspondence type as --json
      const preview = await cli('segment', 'preview', 'SAVE-TGT');
      const figures = JSON.parse((await cli('segment', 'preview', 'SAVE-TGT', '--json')).stdout);
      const block = (header: string) => {
        const blocks = preview.stdout.split(/\n\s*\n/).map((b) => b.trim().split('\n'));
        const found = blocks.find((lines) => new RegExp(`^${header}\\s+noOfEntries$`).test(lines[0] ?? ''));
        return found?.slice(2).map((row) => row.trim().split(/\s+/));
      };
      const rows = (groups: { noOfEntries: number }[], key: string) =>
        groups.map((g) =>
          [(g as unknown as Record<string, string | null>)[key], String(g.noOfEntries)].filter((v) => v !== null && v !== ''),
        );
      expect(figures.byLanguage.length).toBeGreaterThan(0);
      expect(block('languageCode')).toEqual(rows(figures.byLanguage, 'languageCode'));
      expect(block('correspondenceType')).toEqual(rows(figures.byCorrespondenceType, 'correspondenceType'));
    },
    SLOW,
  );

  it(
    'records each criteria flag in its own field of the criteria action',
    async () => {
      await cli('segment', 'create', '--no', 'FLAGS', '--description', 'Every flag', '--template', 'EMAIL', '--salesperson', 'SP');
      // every contact criterion matches F-P1 only; it is excluded from segments and comes in with its company
      const added = await cli(
        ...['segment', 'add-contacts', 'FLAGS', '--type', 'person', '--company', 'F-CO', '--salesperson', 'SP', '--language', 'FRA'],
        ...['--country', 'FR', '--territory', 'WEST', '--post-code-from', '75000', '--post-code-to', '75999'],
        ...[
          '--industry-group',
          'IG4',
          '--industry-group',
          'IG3',
          '--business-relation',
          'BR1',
          '--mailing-group',
          'MG1',
          '--q',
          'fabienne',
        ],
        ...['--allow-existing', '--expand-companies', '--allow-related-companies', '--ignore-exclusion', '--json'],
      );
      expect([added.code, JSON.parse(added.stdout)]).toEqual([0, { added: 2, noOfLines: 2 }]);
      // every interaction criterion matches F-P1's one entry
      const reduced = await cli(
        ...['segment', 'reduce-contacts', 'FLAGS', '--interaction-template', 'MAIL', '--interaction-group', 'LETTERS'],
        ...['--interaction-from', '2026-09-01', '--interaction-to', '2026-10-31', '--interaction-evaluation', 'positive'],
        ...['--interaction-campaign', 'CAMP1', '--interaction-salesperson', 'SP2', '--interaction-canceled', 'true', '--json'],
      );
      expect([reduced.code, JSON.parse(reduced.stdout)]).toEqual([0, { removed: 1, noOfLines: 1 }]);
      const refined = await cli('segment', 'refine-contacts', 'FLAGS', '--type', 'company', '--country', 'FR', '--json');
      expect([refined.code, JSON.parse(refined.stdout)]).toEqual([0, { kept: 1, noOfLines: 1 }]);

      // the criteria history is read back through saved criteria
      await cli('segment', 'save-criteria', 'FLAGS', '--code', 'FLAGS');
      const shown = await cli('saved-criteria', 'show', 'FLAGS', '--json');
      const noContactFilter = {
        type: null,
        companyNo: null,
        salespersonCode: null,
        languageCode: null,
        countryCode: null,
        territoryCode: null,
        postCodeFrom: null,
        postCodeTo: null,
        industryGroupCodes: [],
        businessRelationCodes: [],
        mailingGroupCodes: [],
        q: null,
      };
      const noInteractionFilter = {
        interactionTemplateCode: null,
        interactionGroupCode: null,
        dateFrom: null,
        dateTo: null,
        evaluation: null,
        campaignNo: null,
        salespersonCode: null,
        canceled: null,
      };
      const noOptions = { allowExistingContacts: false, expandCompanies: false, allowRelatedCompanies: false, ignoreExclusion: false };
      expect(JSON.parse(shown.stdout).actions).toEqual([
        {
          actionNo: 1,
          kind: 'add',
          contactFilter: {
            type: 'person',
            companyNo: 'F-CO',
            salespersonCode: 'SP',
            languageCode: 'FRA',
            countryCode: 'FR',
            territoryCode: 'WEST',
            postCodeFrom: '75000',
            postCodeTo: '75999',
            industryGroupCodes: ['IG3', 'IG4'],
            businessRelationCodes: ['BR1'],
            mailingGroupCodes: ['MG1'],
            q: 'fabienne',
          },
          interactionFilter: noInteractionFilter,
          options: { allowExistingContacts: true, expandCompanies: true, allowRelatedCompanies: true, ignoreExclusion: true },
        },
        {
          actionNo: 2,
          kind: 'reduce',
          contactFilter: noContactFilter,
          interactionFilter: {
            interactionTemplateCode: 'MAIL',
            interactionGroupCode: 'LETTERS',
            dateFrom: '2026-09-01',
            dateTo: '2026-10-31',
            evaluation: 'positive',
            campaignNo: 'CAMP1',
            salespersonCode: 'SP2',
            canceled: true,
          },
          options: noOptions,
        },
        {
          actionNo: 3,
          kind: 'refine',
          contactFilter: { ...noContactFilter, type: 'company', countryCode: 'FR' },
          interactionFilter: noInteractionFilter,
          options: noOptions,
        },
      ]);
    },
    SLOW,
  );

  it(
    'checks delivery in the preview only with --send-attachments',
    async () => {
      // FLAGS holds F-CO, which has no e-mail, under an e-mail template
      const plain = await cli('segment', 'preview', 'FLAGS', '--json');
      expect(JSON.parse(plain.stdout)).toMatchObject({ noOfEntries: 1, refused: [] });
      const delivery = await cli('segment', 'preview', 'FLAGS', '--send-attachments', '--json');
      expect(delivery.code).toBe(0);
      expect(JSON.parse(delivery.stdout).refused).toEqual([
        {
          lineNo: expect.any(Number),
          contactNo: 'F-CO',
          code: 'email_required_for_delivery',
          message: expect.stringContaining('Email field is specified for contact no. F-CO'),
        },
      ]);
    },
    SLOW,
  );

  it(
    'filters logged segments by creation date and deletes canceled ones by entry number and segment',
    async () => {
      expect((await cli('segment', 'log', 'SAVE-TGT')).code).toBe(0);
      expect((await cli('segment', 'log', 'FLAGS')).code).toBe(0);
      const entries = (r: { stdout: string }) =>
        JSON.parse(r.stdout).items.map((l: { entryNo: number; segmentNo: string }) => [l.entryNo, l.segmentNo]);
      const all = await cli('logged-segments', 'list', '--json');
      expect(entries(all)).toEqual([
        [4, 'FLAGS'],
        [3, 'SAVE-TGT'],
        [2, 'IDEM'],
      ]);
      const today: string = JSON.parse(all.stdout).items[0].creationDate;
      const sameDay = await cli('logged-segments', 'list', '--from', today, '--to', today, '--json');
      expect(entries(sameDay)).toEqual(entries(all));
      expect(JSON.parse((await cli('logged-segments', 'list', '--from', dayAfter(today, 1), '--json')).stdout).items).toEqual([]);
      expect(JSON.parse((await cli('logged-segments', 'list', '--to', dayAfter(today, -1), '--json')).stdout).items).toEqual([]);

      await cli('logged-segments', 'cancel', '2', '3', '4');
      const byRange = await cli('logged-segments', 'delete-canceled', '--entry-from', '3', '--entry-to', '3');
      expect([byRange.code, byRange.stdout]).toEqual([0, '1 logged segments have been deleted.\n']);
      const bySegment = await cli('logged-segments', 'delete-canceled', '--segment', 'flags');
      expect([bySegment.code, bySegment.stdout]).toEqual([0, '1 logged segments have been deleted.\n']);
      expect(entries(await cli('logged-segments', 'list', '--json'))).toEqual([[2, 'IDEM']]);
    },
    SLOW,
  );
});
