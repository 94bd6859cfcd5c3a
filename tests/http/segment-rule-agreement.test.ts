import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedContact, seedLanguage, seedSalesperson, seedTemplate } from '../support/seed-segments';

// Rules that a set-based SQL path applies again, each checked against its TypeScript home by
// running both paths over the same records (docs/decisions/0012-rule-homes.md).

describeEachDialect('segment rules in SQL and in TypeScript', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);

  beforeAll(async () => {
    const d = db();
    await seedLanguage(d, 'RA-EN');
    await seedLanguage(d, 'RA-DE');
    await seedSalesperson(d, 'RA-SP');
    await seedSalesperson(d, 'RA-OFF', { blocked: true });
    await seedSalesperson(d, 'RA-GONE');
    await seedTemplate(d, {
      code: 'RA-MAIL',
      group: 'RA-G',
      description: 'Agreement letter',
      unitCostCents: 120,
      unitDurationMin: 4,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      correspondenceTypeDefault: 'email',
      languageCodeDefault: 'RA-EN',
      languages: [
        { code: 'RA-EN', attachment: 'Dear' },
        { code: 'RA-DE', attachment: 'Liebe' },
      ],
    });
  });

  const segment = async (no: string, header: Record<string, unknown>, contacts: readonly string[]) => {
    const created = await api('POST', '/api/v1/segments', {
      body: { no, description: 'Agreement letter', interactionTemplateCode: 'RA-MAIL', ...header },
    });
    expect(created.status).toBe(201);
    for (const contactNo of contacts) expect((await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo } })).status).toBe(201);
  };

  it('logs a segment line with the values one interaction of the same contact and template gets', async () => {
    const d = db();
    await seedContact(d, { no: 'RA-CO', name: 'Agreement Co', email: 'co@ra.example', languageCode: 'RA-DE' });
    await seedContact(d, { no: 'RA-P1', type: 'person', companyNo: 'RA-CO', email: 'p1@ra.example', correspondenceType: 'hard_copy' });
    await seedContact(d, { no: 'RA-P2', type: 'person', correspondenceType: 'email' });
    const contacts = ['RA-CO', 'RA-P1', 'RA-P2'];
    await segment('RA-LOG', { salespersonCode: 'RA-SP', date: '2026-11-20' }, contacts);
    // after the lines were made: the template's group and a person's company change; both paths take them at log time
    await d.insertInto('interaction_groups').values({ code: 'RA-G2', description: null }).execute();
    await d.updateTable('interaction_templates').set({ interaction_group_code: 'RA-G2' }).where('code', '=', 'RA-MAIL').execute();
    await d.updateTable('contacts').set({ company_no: 'RA-CO' }).where('no', '=', 'RA-P2').execute();

    const single = [];
    for (const contactNo of contacts) {
      const res = await api('POST', '/api/v1/interactions', {
        body: { contactNo, interactionTemplateCode: 'RA-MAIL', salespersonCode: 'RA-SP', date: '2026-11-20' },
      });
      expect(res.status).toBe(201);
      single.push(res.body);
    }
    expect((await api('POST', '/api/v1/segments/RA-LOG/log', { body: {} })).status).toBe(201);
    const logged = (await api('GET', '/api/v1/interaction-log-entries?segmentNo=RA-LOG')).body.items;

    // what the two paths share; the time, attachment copy, origin and segment link differ by design
    const shared = (e: Record<string, unknown>) => ({
      contactNo: e['contactNo'],
      contactCompanyNo: e['contactCompanyNo'],
      date: e['date'],
      description: e['description'],
      subject: e['subject'],
      informationFlow: e['informationFlow'],
      initiatedBy: e['initiatedBy'],
      interactionGroupCode: e['interactionGroupCode'],
      interactionTemplateCode: e['interactionTemplateCode'],
      interactionLanguageCode: e['interactionLanguageCode'],
      costLcy: e['costLcy'],
      durationMin: e['durationMin'],
      salespersonCode: e['salespersonCode'],
      campaignNo: e['campaignNo'],
      campaignTarget: e['campaignTarget'],
      campaignResponse: e['campaignResponse'],
      evaluation: e['evaluation'],
      attemptFailed: e['attemptFailed'],
      correspondenceType: e['correspondenceType'],
      contactVia: e['contactVia'],
      canceled: e['canceled'],
      postponed: e['postponed'],
    });
    const byContact = (a: { contactNo: unknown }, b: { contactNo: unknown }) => String(a.contactNo).localeCompare(String(b.contactNo));
    expect(logged.map(shared).sort(byContact)).toEqual(single.map(shared).sort(byContact));
    // the cases the comparison covers
    expect(logged.map(shared).sort(byContact)).toMatchObject([
      { contactNo: 'RA-CO', interactionLanguageCode: 'RA-DE', correspondenceType: 'email', interactionGroupCode: 'RA-G2' },
      { contactNo: 'RA-P1', contactCompanyNo: 'RA-CO', interactionLanguageCode: 'RA-EN', correspondenceType: 'hard_copy' },
      { contactNo: 'RA-P2', contactCompanyNo: 'RA-CO', correspondenceType: null },
    ]);
  });

  it('gives a line added by criteria the salesperson a line added by hand gets, a blocked one left out', async () => {
    const d = db();
    await seedContact(d, { no: 'RA-S1', name: 'Seller One', salespersonCode: 'RA-SP' });
    await seedContact(d, { no: 'RA-S2', name: 'Seller Two', salespersonCode: 'RA-OFF' });
    await seedContact(d, { no: 'RA-S3', name: 'Seller Three', salespersonCode: null });
    await seedContact(d, { no: 'RA-S4', name: 'Seller Four', salespersonCode: 'RA-GONE' });
    await d.deleteFrom('salespeople').where('code', '=', 'RA-GONE').execute();
    await segment('RA-SALES', { salespersonCode: null }, ['RA-S1', 'RA-S2', 'RA-S3', 'RA-S4']);
    const added = await api('POST', '/api/v1/segments/RA-SALES/add-contacts', {
      body: { contactFilter: { q: 'Seller' }, options: { allowExistingContacts: true } },
    });
    expect(added.body).toEqual({ added: 4, noOfLines: 8 });
    const lines = (await api('GET', '/api/v1/segments/RA-SALES/lines')).body.items;
    const strip = ({ lineNo: _l, ...rest }: { lineNo: number }) => rest;
    expect(lines.slice(4).map(strip)).toEqual(lines.slice(0, 4).map(strip));
    expect(lines.slice(0, 3).map((l: { salespersonCode: string | null }) => l.salespersonCode)).toEqual(['RA-SP', null, null]);
  });

  it('treats a person of a privacy-blocked company as blocked by hand, by criteria and when logging', async () => {
    const d = db();
    await seedContact(d, { no: 'RA-BCO', name: 'Blocked Firm' });
    await seedContact(d, { no: 'RA-BP', type: 'person', name: 'Blocked Person', companyNo: 'RA-BCO' });
    await seedContact(d, { no: 'RA-OK', type: 'person', name: 'Free Person' });
    await segment('RA-PRIV', { salespersonCode: 'RA-SP' }, ['RA-BP', 'RA-OK']);
    await d.updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', 'RA-BCO').execute();

    const one = await api('POST', '/api/v1/interactions', { body: { contactNo: 'RA-BP', interactionTemplateCode: 'RA-MAIL' } });
    expect([one.status, one.body.code]).toEqual([422, 'contact_privacy_blocked']);
    const byHand = await api('POST', '/api/v1/segments/RA-PRIV/lines', { body: { contactNo: 'RA-BP' } });
    expect([byHand.status, byHand.body.code]).toEqual([422, 'contact_privacy_blocked']);
    const byCriteria = await api('POST', '/api/v1/segments/RA-PRIV/add-contacts', {
      body: { contactFilter: { q: 'Blocked' }, options: { allowExistingContacts: true } },
    });
    expect(byCriteria.body).toEqual({ added: 0, noOfLines: 2 });
    const preview = await api('GET', '/api/v1/segments/RA-PRIV/log-preview');
    expect(preview.body.skipped).toEqual([{ lineNo: 10000, contactNo: 'RA-BP', reason: 'contact_privacy_blocked' }]);
    expect((await api('POST', '/api/v1/segments/RA-PRIV/log', { body: {} })).status).toBe(201);
    const logged = (await api('GET', '/api/v1/interaction-log-entries?segmentNo=RA-PRIV')).body.items;
    expect(logged.map((e: { contactNo: string }) => e.contactNo)).toEqual(['RA-OK']);
  });
});
