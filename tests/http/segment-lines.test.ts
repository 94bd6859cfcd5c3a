import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedCampaign, seedContact, seedLanguage, seedSalesperson, seedTemplate } from '../support/seed-segments';

describeEachDialect('segment lines', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);

  it('resolves a new line from the header and the contact (R41, R8, R9, R4, R7)', async () => {
    await seedLanguage(db(), 'L-EN');
    await seedLanguage(db(), 'L-DE');
    await seedSalesperson(db(), 'C-SP');
    await seedTemplate(db(), {
      code: 'RES',
      description: 'Template text',
      unitCostCents: 150,
      unitDurationMin: 5,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      correspondenceTypeDefault: 'hard_copy',
      languageCodeDefault: 'L-EN',
      languages: [
        { code: 'L-EN', attachment: 'english' },
        { code: 'L-DE', attachment: 'deutsch' },
      ],
    });
    await seedContact(db(), { no: 'RES-CO', name: 'Nordic Tools', salespersonCode: 'C-SP' });
    await seedContact(db(), {
      no: 'RES-P',
      type: 'person',
      name: 'Anna Berg',
      companyNo: 'RES-CO',
      email: 'anna@nordic.example',
      phoneNo: '+46 1',
      languageCode: 'L-DE',
      salespersonCode: 'C-SP',
      correspondenceType: 'email',
    });
    await api('POST', '/api/v1/segments', {
      body: { no: 'RES', interactionTemplateCode: 'RES', salespersonCode: null, subjectDefault: 'Offer' },
    });
    await api('PATCH', '/api/v1/segments/RES/languages/L-DE', { body: { subject: 'Angebot' } });
    const res = await api('POST', '/api/v1/segments/RES/lines', { body: { contactNo: 'res-p' } });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe('/api/v1/segments/RES/lines/10000');
    const rows = (await api('GET', '/api/v1/segments/RES/languages')).body.items;
    const de = rows.find((r: { languageCode: string }) => r.languageCode === 'L-DE');
    expect(res.body).toEqual({
      lineNo: 10000,
      contactNo: 'RES-P',
      contactName: 'Anna Berg',
      contactCompanyNo: 'RES-CO',
      contactCompanyName: 'Nordic Tools',
      contactEmail: 'anna@nordic.example',
      contactPhoneNo: '+46 1',
      description: 'Template text',
      subject: 'Angebot',
      date: '2026-11-28',
      timeOfInteraction: null,
      salespersonCode: 'C-SP',
      interactionTemplateCode: 'RES',
      interactionGroupCode: 'LETTERS',
      languageCode: 'L-DE',
      correspondenceType: 'email',
      informationFlow: 'outbound',
      initiatedBy: 'us',
      campaignNo: null,
      campaignTarget: false,
      campaignResponse: false,
      costLcy: 1.5,
      durationMin: 5,
      evaluation: null,
      attemptFailed: false,
      contactVia: null,
      opportunityNo: null,
      attachmentId: de.attachmentId,
      attachmentSource: 'inherited',
    });
    // a contact without a language row of its own takes the default language and subject
    const company = await api('POST', '/api/v1/segments/RES/lines', { body: { contactNo: 'RES-CO' } });
    expect(company.body).toMatchObject({
      lineNo: 20000,
      contactCompanyNo: 'RES-CO',
      languageCode: 'L-EN',
      subject: 'Offer',
      correspondenceType: 'hard_copy',
    });
  });

  it('resolves the correspondence type by R4 and skips a blocked default salesperson', async () => {
    await seedSalesperson(db(), 'HDR-SP');
    await seedSalesperson(db(), 'OFF', { blocked: true });
    await seedTemplate(db(), { code: 'R4-IGN', correspondenceTypeDefault: 'hard_copy', ignoreContactCorrespondenceType: true });
    await seedTemplate(db(), { code: 'R4-DEF', correspondenceTypeDefault: 'hard_copy' });
    await seedContact(db(), { no: 'R4-MAIL', correspondenceType: 'email', salespersonCode: 'OFF' });
    await seedContact(db(), { no: 'R4-NONE' });
    const corr = async (segment: Record<string, unknown>, contactNo: string) => {
      const no = `R4-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      await api('POST', '/api/v1/segments', { body: { no, ...segment } });
      return (await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo } })).body;
    };
    // the segment's own default when it ignores the contact's preference
    expect(
      (
        await corr(
          { interactionTemplateCode: 'R4-DEF', ignoreContactCorrespondenceType: true, correspondenceTypeDefault: 'email' },
          'R4-NONE',
        )
      ).correspondenceType,
    ).toBe('email');
    // the template ignores the contact's preference
    expect((await corr({ interactionTemplateCode: 'R4-IGN' }, 'R4-MAIL')).correspondenceType).toBe('hard_copy');
    // the contact's preference, else the template's default
    expect((await corr({ interactionTemplateCode: 'R4-DEF' }, 'R4-MAIL')).correspondenceType).toBe('email');
    expect((await corr({ interactionTemplateCode: 'R4-DEF' }, 'R4-NONE')).correspondenceType).toBe('hard_copy');
    expect((await corr({}, 'R4-NONE')).correspondenceType).toBeNull();
    // R9: the segment's salesperson, else the contact's unless it is blocked
    expect((await corr({ salespersonCode: 'HDR-SP' }, 'R4-MAIL')).salespersonCode).toBe('HDR-SP');
    expect((await corr({ salespersonCode: null }, 'R4-MAIL')).salespersonCode).toBeNull();
  });

  it('refuses missing and privacy-blocked contacts, blocked salespeople and unknown references', async () => {
    await seedSalesperson(db(), 'STOP', { blocked: true });
    await seedContact(db(), { no: 'PB-CO', privacyBlocked: true });
    await seedContact(db(), { no: 'PB-P', type: 'person', companyNo: 'PB-CO' });
    await seedContact(db(), { no: 'OK-C' });
    await api('POST', '/api/v1/segments', { body: { no: 'REF' } });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ contactNo: 'NOPE', salespersonCode: 'NOPE' }, 404, 'contact_not_found'],
      [{ contactNo: 'OK-C', salespersonCode: 'NOPE' }, 404, 'salesperson_not_found'],
      [{ contactNo: 'OK-C', interactionTemplateCode: 'NOPE' }, 404, 'template_not_found'],
      [{ contactNo: 'OK-C', languageCode: 'NOPE' }, 404, 'language_not_found'],
      [{ contactNo: 'OK-C', campaignNo: 'NOPE' }, 404, 'campaign_not_found'],
      [{ contactNo: 'OK-C', opportunityNo: 'NOPE' }, 404, 'opportunity_not_found'],
      [{ contactNo: 'PB-CO' }, 422, 'contact_privacy_blocked'],
      [{ contactNo: 'PB-P' }, 422, 'contact_privacy_blocked'],
      [{ contactNo: 'OK-C', salespersonCode: 'STOP' }, 422, 'salesperson_blocked'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api('POST', '/api/v1/segments/REF/lines', { body });
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const missingSegment = await api('POST', '/api/v1/segments/NOPE/lines', { body: { contactNo: 'OK-C' } });
    expect([missingSegment.status, missingSegment.body.code]).toEqual([404, 'segment_not_found']);
    const noContact = await api('POST', '/api/v1/segments/REF/lines', { body: {} });
    expect(noContact.body.errors[0].path).toBe('contactNo');
    expect((await api('GET', '/api/v1/segments/REF')).body.noOfLines).toBe(0);
  });

  it('personalises a line with its own template: own rows with a unique attachment, and back again', async () => {
    await seedLanguage(db(), 'OWN-A');
    await seedLanguage(db(), 'OWN-B');
    await seedCampaign(db(), 'CP-OWN');
    await seedTemplate(db(), { code: 'HDR' });
    await seedTemplate(db(), {
      code: 'PERS',
      group: 'CALLS',
      description: 'Personal',
      unitCostCents: 900,
      campaignNo: 'CP-OWN',
      campaignTarget: true,
      correspondenceTypeDefault: 'hard_copy',
      languageCodeDefault: 'OWN-B',
      languages: [
        { code: 'OWN-A', attachment: 'a' },
        { code: 'OWN-B', attachment: 'b' },
      ],
    });
    await seedContact(db(), { no: 'OWN-C' });
    await api('POST', '/api/v1/segments', { body: { no: 'OWN', interactionTemplateCode: 'HDR' } });
    const line = await api('POST', '/api/v1/segments/OWN/lines', {
      body: { contactNo: 'OWN-C', interactionTemplateCode: 'PERS', durationMin: 45 },
    });
    expect(line.status).toBe(201);
    expect(line.body).toMatchObject({
      interactionTemplateCode: 'PERS',
      interactionGroupCode: 'CALLS',
      description: 'Personal',
      costLcy: 9,
      durationMin: 45,
      campaignNo: 'CP-OWN',
      campaignTarget: true,
      correspondenceType: 'hard_copy',
      languageCode: 'OWN-B',
      attachmentSource: 'unique',
    });
    const templateRow = await db()
      .selectFrom('template_languages')
      .select('attachment_id')
      .where('template_code', '=', 'PERS')
      .where('language_code', '=', 'OWN-B')
      .executeTakeFirstOrThrow();
    expect(line.body.attachmentId).not.toBe(Number(templateRow.attachment_id));
    const other = await api('PATCH', '/api/v1/segments/OWN/lines/10000', { body: { languageCode: 'own-a', subject: 'Mine' } });
    expect(other.body).toMatchObject({ languageCode: 'OWN-A', subject: 'Mine', attachmentSource: 'unique' });
    const missing = await api('PATCH', '/api/v1/segments/OWN/lines/10000', { body: { languageCode: 'L-EN' } });
    expect([missing.status, missing.body.code]).toEqual([404, 'template_language_not_found']);
    const back = await api('PATCH', '/api/v1/segments/OWN/lines/10000', { body: { interactionTemplateCode: 'HDR' } });
    expect(back.body).toMatchObject({
      interactionTemplateCode: 'HDR',
      interactionGroupCode: 'LETTERS',
      languageCode: null,
      attachmentId: null,
      attachmentSource: null,
      costLcy: 0,
      durationMin: 0,
    });
    expect(
      await db().selectFrom('segment_languages').select('line_no').where('segment_no', '=', 'OWN').where('line_no', '=', 10000).execute(),
    ).toEqual([]);
    expect(await db().selectFrom('attachments').select('id').where('id', '=', other.body.attachmentId).execute()).toEqual([]);
  });

  it('resets a line from the header when its contact changes and keeps personal values otherwise', async () => {
    await seedTemplate(db(), { code: 'CHG', description: 'Header text' });
    await seedContact(db(), { no: 'CHG-1' });
    await seedContact(db(), { no: 'CHG-2', name: 'Second' });
    await api('POST', '/api/v1/segments', { body: { no: 'CHG', interactionTemplateCode: 'CHG' } });
    await api('POST', '/api/v1/segments/CHG/lines', {
      body: { contactNo: 'CHG-1', description: 'Mine', evaluation: 'negative', timeOfInteraction: '09:30:00' },
    });
    const kept = await api('PATCH', '/api/v1/segments/CHG/lines/10000', { body: { attemptFailed: true, contactVia: '+1 555' } });
    expect(kept.body).toMatchObject({
      description: 'Mine',
      evaluation: 'negative',
      timeOfInteraction: '09:30:00',
      attemptFailed: true,
      contactVia: '+1 555',
    });
    const moved = await api('PATCH', '/api/v1/segments/CHG/lines/10000', { body: { contactNo: 'CHG-2' } });
    expect(moved.body).toMatchObject({
      contactNo: 'CHG-2',
      contactName: 'Second',
      description: 'Header text',
      evaluation: null,
      timeOfInteraction: null,
      attemptFailed: false,
      contactVia: null,
    });
    const key = await api('PATCH', '/api/v1/segments/CHG/lines/10000', { body: { lineNo: 20000 } });
    expect([key.status, key.body.errors[0].path]).toEqual([400, 'lineNo']);
  });

  it('answers segment_line_not_found for a line the segment does not have', async () => {
    await api('POST', '/api/v1/segments', { body: { no: 'NOLINE' } });
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await api(method, '/api/v1/segments/NOLINE/lines/10000', method === 'PATCH' ? { body: {} } : {});
      expect([res.status, res.body.code]).toEqual([404, 'segment_line_not_found']);
    }
  });

  it('deletes a line and pages through the lines in line order', async () => {
    await api('POST', '/api/v1/segments', { body: { no: 'PAGE' } });
    for (const n of [1, 2, 3, 4]) {
      await seedContact(db(), { no: `PAGE-${n}` });
      await api('POST', '/api/v1/segments/PAGE/lines', { body: { contactNo: `PAGE-${n}` } });
    }
    expect((await api('DELETE', '/api/v1/segments/PAGE/lines/20000')).status).toBe(204);
    const first = await api('GET', '/api/v1/segments/PAGE/lines?limit=2');
    const second = await api('GET', `/api/v1/segments/PAGE/lines?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((l: { lineNo: number; contactNo: string }) => [l.lineNo, l.contactNo])).toEqual([
      [10000, 'PAGE-1'],
      [30000, 'PAGE-3'],
      [40000, 'PAGE-4'],
    ]);
    expect(second.body.nextCursor).toBeNull();
    const next = await api('POST', '/api/v1/segments/PAGE/lines', { body: { contactNo: 'PAGE-2' } });
    expect(next.body.lineNo).toBe(50000);
  });

  it('gives a line added by criteria the same values as one added by hand', async () => {
    await seedLanguage(db(), 'SAME-L');
    await seedSalesperson(db(), 'SAME-SP');
    await seedTemplate(db(), {
      code: 'SAME',
      description: 'Same',
      unitCostCents: 75,
      correspondenceTypeDefault: 'hard_copy',
      languageCodeDefault: 'SAME-L',
      languages: [{ code: 'SAME-L', attachment: 'x' }],
    });
    await seedContact(db(), { no: 'SAME-CO', salespersonCode: 'SAME-SP', correspondenceType: 'email', languageCode: 'SAME-L' });
    await seedContact(db(), { no: 'SAME-P', type: 'person', companyNo: 'SAME-CO', salespersonCode: 'SAME-SP' });
    await api('POST', '/api/v1/segments', { body: { no: 'SAME', interactionTemplateCode: 'SAME', salespersonCode: null } });
    const byHand = [
      (await api('POST', '/api/v1/segments/SAME/lines', { body: { contactNo: 'SAME-CO' } })).body,
      (await api('POST', '/api/v1/segments/SAME/lines', { body: { contactNo: 'SAME-P' } })).body,
    ];
    const added = await api('POST', '/api/v1/segments/SAME/add-contacts', {
      body: { contactFilter: { companyNo: 'SAME-CO' }, options: { allowExistingContacts: true } },
    });
    expect(added.body).toEqual({ added: 2, noOfLines: 4 });
    const lines = (await api('GET', '/api/v1/segments/SAME/lines')).body.items;
    const strip = ({ lineNo: _l, ...rest }: { lineNo: number }) => rest;
    expect(lines.slice(2).map(strip)).toEqual(byHand.map(strip));
  });
});
