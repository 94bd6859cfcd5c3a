import { expect, it } from 'vitest';
import { seeder } from '../support/seed';
import { describeEachDialect } from '../support/test-app';

const URL = '/api/v1/document-events';

describeEachDialect('POST /document-events', (env) => {
  const db = () => env().app.database.db;
  const seed = () => seeder(db());
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('interaction_log_entries')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const invoiceTemplate = async (o: Parameters<ReturnType<typeof seeder>['template']>[0] = {}) => {
    const code = await seed().template({
      description: 'Sales invoice sent',
      unitCostCents: 10,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      ...o,
    });
    await seed().slot('salesInvoices', code);
    return code;
  };

  it('records a document with the template of its slot, today and now to the second', async () => {
    const templateCode = await invoiceTemplate();
    const s = seed();
    const sp = await s.salesperson();
    const contactNo = await s.contact({ email: 'ap@example.com', salespersonCode: sp, customerNo: 'C10000' });
    const res = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'si-1001', contactNo, versionNo: 2, docNoOccurrence: 1 },
    });
    expect(res.status).toBe(201);
    expect(res.body.logged).toBe(true);
    expect(res.headers['location']).toBe(`/api/v1/interaction-log-entries/${res.body.entry.entryNo}`);
    expect(res.body.entry).toMatchObject({
      contactNo,
      interactionTemplateCode: templateCode,
      documentType: 'sales_invoice',
      documentNo: 'SI-1001',
      versionNo: 2,
      docNoOccurrence: 1,
      date: '2026-11-28',
      timeOfInteraction: '10:15:01',
      description: 'Sales invoice sent',
      subject: 'Sales invoice sent',
      salespersonCode: sp,
      costLcy: 0.1,
      correspondenceType: 'email',
      attachmentId: null,
      interactionLanguageCode: null,
      postponed: false,
      deliveryStatus: null,
      origin: 'document',
    });
    expect(Object.keys(res.body)).toEqual(['logged', 'entry']);
  });

  it('logs nothing, successfully, when the slot is empty or no contact is found', async () => {
    await seed().slot('salesQuotes', null);
    const before = await count();
    const contactNo = await seed().contact();
    const empty = await env().api('POST', URL, { body: { documentType: 'sales_quote', documentNo: 'SQ1', contactNo } });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ logged: false, reason: 'no_template_for_document_type' });
    await invoiceTemplate();
    for (const who of [{ contactNo: 'NOBODY' }, { customerNo: 'NO-SUCH-CUSTOMER' }, { vendorNo: 'NO-SUCH-VENDOR' }]) {
      const res = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI1', ...who } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ logged: false, reason: 'no_contact_found' });
    }
    expect(await count()).toBe(before);
  });

  it('finds the contact by customer or vendor number, the lowest number when several share it', async () => {
    await invoiceTemplate();
    const purchase = await seed().template({ description: 'Purchase order sent' });
    await seed().slot('purchaseOrders', purchase);
    const s = seed();
    await s.contact({ no: 'CUSTB', customerNo: 'CUST-7' });
    await s.contact({ no: 'CUSTA', customerNo: 'CUST-7' });
    await s.contact({ no: 'VEND1', vendorNo: 'V-1' });
    const byCustomer = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI2', customerNo: 'cust-7' } });
    expect(byCustomer.body.entry.contactNo).toBe('CUSTA');
    const byVendor = await env().api('POST', URL, { body: { documentType: 'purchase_order', documentNo: 'PO1', vendorNo: 'V-1' } });
    expect(byVendor.body.entry).toMatchObject({ contactNo: 'VEND1', interactionTemplateCode: purchase, documentType: 'purchase_order' });
  });

  it('refuses a template with language rows', async () => {
    const lang = await seed().language();
    const templateCode = await invoiceTemplate({ languages: [{ languageCode: lang }] });
    const res = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI3', contactNo: await seed().contact() },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('template_has_languages_for_document_logging');
    expect(res.body.detail).toBe(
      `Interaction template ${templateCode} has template language ${lang}; templates used for document logging must not have languages.`,
    );
  });

  it('needs no salesperson and accepts a blocked one; an unknown one is salesperson_not_found', async () => {
    await invoiceTemplate();
    const s = seed();
    const blocked = await s.salesperson({ blocked: true });
    const none = await s.contact();
    const noSp = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI4', contactNo: none } });
    expect(noSp.status).toBe(201);
    expect(noSp.body.entry.salespersonCode).toBeNull();
    const byContact = await s.contact({ salespersonCode: blocked });
    expect(
      (await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI5', contactNo: byContact } })).body.entry
        .salespersonCode,
    ).toBe(blocked);
    const given = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI6', contactNo: none, salespersonCode: blocked },
    });
    expect(given.status).toBe(201);
    expect(given.body.entry.salespersonCode).toBe(blocked);
    const unknown = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI7', contactNo: none, salespersonCode: 'NOSP' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('salesperson_not_found');
  });

  it('links a campaign entry per document type, described by the slot label; the document’s campaign replaces the template’s', async () => {
    const s = seed();
    const templateCampaign = await s.campaign();
    const documentCampaign = await s.campaign();
    await invoiceTemplate({ campaignNo: templateCampaign });
    const cover = await s.template({ description: 'Cover sheet', campaignNo: templateCampaign });
    await s.slot('coverSheets', cover);
    const contactNo = await s.contact();
    const first = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI8', contactNo } });
    expect(first.body.entry.campaignNo).toBe(templateCampaign);
    const ce = await db()
      .selectFrom('campaign_entries')
      .selectAll()
      .where('entry_no', '=', first.body.entry.campaignEntryNo)
      .executeTakeFirstOrThrow();
    expect(ce).toMatchObject({
      campaign_no: templateCampaign,
      description: 'Sales Invoices',
      document_type: 'sales_invoice',
      date: '2026-11-28',
      segment_no: null,
    });
    const second = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI9', contactNo } });
    expect(second.body.entry.campaignEntryNo).toBe(first.body.entry.campaignEntryNo);
    // as BC: a cover sheet has no document number
    const coverSheet = await env().api('POST', URL, { body: { documentType: 'cover_sheet', contactNo } });
    expect(coverSheet.status).toBe(201);
    expect(coverSheet.body.entry.documentNo).toBeNull();
    expect(coverSheet.body.entry.campaignEntryNo).not.toBe(first.body.entry.campaignEntryNo);
    const coverCe = await db()
      .selectFrom('campaign_entries')
      .select('description')
      .where('entry_no', '=', coverSheet.body.entry.campaignEntryNo)
      .executeTakeFirstOrThrow();
    expect(coverCe.description).toBe('Cover Sheets');
    const replaced = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI10', contactNo, campaignNo: documentCampaign },
    });
    expect(replaced.body.entry.campaignNo).toBe(documentCampaign);
    const unknownCampaign = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI11', contactNo, campaignNo: 'NOPE' },
    });
    expect(unknownCampaign.status).toBe(404);
    expect(unknownCampaign.body.code).toBe('campaign_not_found');
    const unknownOpportunity = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI12', contactNo, opportunityNo: 'NOPE' },
    });
    expect(unknownOpportunity.status).toBe(404);
    expect(unknownOpportunity.body.code).toBe('opportunity_not_found');
  });

  it('refuses privacy-blocked contacts and a missing description; an e-mail type without address becomes blank', async () => {
    await invoiceTemplate({ description: null });
    const s = seed();
    const company = await s.contact({ privacyBlocked: true });
    const person = await s.contact({ type: 'person', companyNo: company });
    const blocked = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI13', contactNo: person } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('contact_privacy_blocked');
    const contactNo = await s.contact();
    const noDescription = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'SI14', contactNo } });
    expect(noDescription.status).toBe(422);
    expect(noDescription.body.code).toBe('description_required');
    const ok = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'SI15', contactNo, description: 'Invoice SI15' },
    });
    expect(ok.body.entry).toMatchObject({ description: 'Invoice SI15', correspondenceType: null });
  });

  it('checks in the order of R37: language rows, contact, references, privacy, description', async () => {
    const s = seed();
    const lang = await s.language();
    const before = await count();
    const body = { documentType: 'sales_invoice', documentNo: 'SI20' };
    await invoiceTemplate({ description: null, languages: [{ languageCode: lang }] });
    const rows = await env().api('POST', URL, { body: { ...body, contactNo: 'NOBODY' } });
    expect(rows.status).toBe(422);
    expect(rows.body.code).toBe('template_has_languages_for_document_logging');
    await invoiceTemplate({ description: null });
    const blocked = await s.contact({ privacyBlocked: true });
    const reference = await env().api('POST', URL, { body: { ...body, contactNo: blocked, opportunityNo: 'NOPE' } });
    expect(reference.status).toBe(404);
    expect(reference.body.code).toBe('opportunity_not_found');
    const privacy = await env().api('POST', URL, { body: { ...body, contactNo: blocked } });
    expect(privacy.body.code).toBe('contact_privacy_blocked');
    expect(await count()).toBe(before);
  });

  it('validates: exactly one of contact, customer and vendor; the document number; the document type', async () => {
    const before = await count();
    const none = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'X' } });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('');
    const two = await env().api('POST', URL, { body: { documentType: 'sales_invoice', documentNo: 'X', contactNo: 'A', customerNo: 'B' } });
    expect(two.status).toBe(400);
    const noNumber = await env().api('POST', URL, { body: { documentType: 'sales_invoice', contactNo: 'A' } });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.errors).toEqual([{ path: 'documentNo', message: 'is required' }]);
    const badType = await env().api('POST', URL, { body: { documentType: 'fax', documentNo: 'X', contactNo: 'A', date: '2026-11-01' } });
    expect(badType.status).toBe(400);
    expect(badType.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'documentType']);
    const negative = await env().api('POST', URL, {
      body: { documentType: 'sales_invoice', documentNo: 'X', contactNo: 'A', versionNo: -1 },
    });
    expect(negative.body.errors[0].path).toBe('versionNo');
    expect(await count()).toBe(before);
  });
});
