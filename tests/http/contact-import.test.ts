import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('contact import', (env) => {
  const db = () => env().app.database.db;
  const csv = (lines: string[]) => lines.join('\r\n') + '\r\n';
  const upload = (body: string | Buffer, qs = '', opts: { token?: string; contentType?: string; headers?: Record<string, string> } = {}) =>
    env().api('POST', `/api/v1/contacts/import${qs}`, {
      payload: body,
      headers: { 'content-type': opts.contentType ?? 'text/csv', ...opts.headers },
      ...(opts.token && { token: opts.token }),
    });
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('contacts')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = async (no: string) => (await env().api('GET', `/api/v1/contacts/${no}`)).body;

  it('imports rows in file order with defaults, series numbers, inheritance and RFC 4180 quoting', async () => {
    await db().insertInto('salespeople').values({ code: 'IMP', name: 'Importer', email: null, phone_no: null, blocked: 0 }).execute();
    const file =
      '\uFEFF' +
      csv([
        'no,Name,type,companyNo,email,salespersonCode,city,privacyBlocked,excludeFromSegment,industryGroupCodes,mailingGroupCodes,address',
        'IMP-CO,"Contoso, Ltd.",company,,info@contoso.example,imp,Seattle,FALSE,true,retail; manu ;RETAIL,,"1 ""Main"" St"',
        ',Ana Lopez,person,imp-co,ana@contoso.example,,,true,,,news,',
        ',"Multi\r\nline name",,,,,,,,,,',
      ]);
    const res = await upload(file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 3, skipped: 0, errors: [] });

    expect(await get('IMP-CO')).toMatchObject({
      type: 'company',
      name: 'Contoso, Ltd.',
      companyNo: 'IMP-CO',
      email: 'info@contoso.example',
      salespersonCode: 'IMP',
      city: 'Seattle',
      address: '1 "Main" St',
      privacyBlocked: false,
      excludeFromSegment: true,
      industryGroupCodes: ['MANU', 'RETAIL'],
      mailingGroupCodes: [],
    });
    // the person names the company of an earlier line and takes its salesperson, city and address
    expect(await get('CT000001')).toMatchObject({
      type: 'person',
      name: 'Ana Lopez',
      companyNo: 'IMP-CO',
      companyName: 'Contoso, Ltd.',
      salespersonCode: 'IMP',
      city: 'Seattle',
      address: '1 "Main" St',
      privacyBlocked: true,
      mailingGroupCodes: ['NEWS'],
    });
    expect(await get('CT000002')).toMatchObject({ type: 'company', name: 'Multi\r\nline name', companyNo: 'CT000002' });
  });

  it('answers a file with only a header as nothing imported', async () => {
    const res = await upload('name,city\n');
    expect(res.body).toEqual({ imported: 0, skipped: 0, errors: [] });
  });

  it('refuses unknown, duplicated or computed columns and a missing name column, even with skipInvalid', async () => {
    const before = await count();
    const res = await upload(csv(['name,colour,City,city,companyName', 'X,red,a,b,c']), '?skipInvalid=true');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['lines.1.city', 'lines.1.colour', 'lines.1.companyName']);
    const noName = await upload(csv(['city', 'Paris']));
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ path: 'lines.1', message: 'must have a name column' }]);
    const empty = await upload('');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('lines.1');
    expect(await count()).toBe(before);
  });

  const badFile = csv([
    'no,name,type,companyNo,email,salespersonCode,languageCode,excludeFromSegment',
    'BAD-CO,Good company,,,,,,',
    'BAD-2,Bad mail,,,not-an-address,,,',
    'BAD-3,,,,,,,',
    'BAD-4,Ghost salesperson,,,,GHOST,,',
    'EXISTS,Existing number,,,,,,',
    'BAD-CO,Twice in the file,,,,,,',
    'BAD-P,Good person,person,BAD-CO,,,,',
    'BAD-8,Person under person,person,BAD-P,,,,',
    'BAD-9,"Quoted\nacross lines",,,,,,maybe',
    'BAD-LANG,Unknown language,,,,,nolang,',
    'BAD-10,Too few cells',
    'BAD-11,Under nobody,person,NOBODY,,,,',
    'BAD-12,Company naming another,company,BAD-CO,,,,',
  ]);

  it('refuses the whole file when any row is invalid, naming each cell as lines.<line>.<column>', async () => {
    await env().api('POST', '/api/v1/contacts', { body: { no: 'EXISTS', name: 'Already here' } });
    const before = await count();
    const res = await upload(badFile);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([
      { path: 'lines.3.email', message: 'must be an e-mail address' },
      { path: 'lines.4.name', message: 'is required' },
      { path: 'lines.5.salespersonCode', message: 'Salesperson GHOST does not exist.' },
      { path: 'lines.6.no', message: 'Contact EXISTS already exists.' },
      { path: 'lines.7.no', message: 'Contact BAD-CO already exists.' },
      { path: 'lines.9.companyNo', message: 'must be a company contact; BAD-P is a person' },
      { path: 'lines.10.excludeFromSegment', message: 'must be true or false' },
      { path: 'lines.11.languageCode', message: 'Language NOLANG does not exist.' },
      { path: 'lines.12', message: 'has 2 cells, the header has 8' },
      { path: 'lines.13.companyNo', message: 'Contact NOBODY does not exist.' },
      { path: 'lines.14.companyNo', message: 'of a company must be its own no (omit it or send null)' },
    ]);
    expect(await count()).toBe(before);
    expect((await env().api('GET', '/api/v1/contacts/BAD-CO')).status).toBe(404);
  });

  it('imports the valid rows and lists the skipped ones with skipInvalid', async () => {
    const before = await count();
    const res = await upload(badFile, '?skipInvalid=true');
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.skipped).toBe(11);
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]);
    expect(res.body.errors[0]).toEqual({ line: 3, message: 'email: must be an e-mail address' });
    expect(res.body.errors[6]).toEqual({ line: 10, message: 'excludeFromSegment: must be true or false' });
    expect(res.body.errors[8]).toEqual({ line: 12, message: 'has 2 cells, the header has 8' });
    expect(await count()).toBe(before + 2);
    expect(await get('BAD-P')).toMatchObject({ type: 'person', companyNo: 'BAD-CO', companyName: 'Good company' });
  });

  it('refuses a file that is not valid CSV, naming the record where reading failed', async () => {
    const before = await count();
    const res = await upload(csv(['name,city', 'Good,Oslo', '"Two\nlines",Rome', 'Bad,Pa"ris', 'Next,Rome']), '?skipInvalid=true');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].path).toBe('lines.4');
    expect(await count()).toBe(before);
  });

  it('numbers rows after the highest number given in the file, with companies named across chunks', async () => {
    const lines = ['no,name,type,companyNo,city'];
    for (let i = 1; i <= 450; i++) lines.push(`BULK-CO${i},Company ${i},company,,City ${i}`);
    lines.push('CT000900,Manual number,,,');
    for (let i = 1; i <= 450; i++) lines.push(`,Person ${i},person,BULK-CO${((i * 7) % 450) + 1},`);
    const res = await upload(csv(lines));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 901, skipped: 0, errors: [] });
    expect(await get('CT000901')).toMatchObject({ name: 'Person 1', companyNo: 'BULK-CO8', city: 'City 8' });
    expect(await get('CT001350')).toMatchObject({ name: 'Person 450', companyNo: 'BULK-CO1', city: 'City 1' });
    const persons = await db()
      .selectFrom('contacts')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('name', 'like', 'Person %')
      .executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(450);
    expect((await env().api('POST', '/api/v1/contacts', { body: { name: 'After import' } })).body.no).toBe('CT001351');
  });

  it('writes nothing from earlier chunks when a row near the end is invalid', async () => {
    const before = await count();
    const lines = ['name,email'];
    for (let i = 1; i <= 1000; i++) lines.push(`Chunked ${i},`);
    lines.push('Broken,not-an-address');
    const res = await upload(csv(lines));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'lines.1002.email', message: 'must be an e-mail address' }]);
    expect(await count()).toBe(before);
  });

  it('accepts only text/csv up to 20 MiB', async () => {
    const json = await upload('{"name":"x"}', '', { contentType: 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('validation_failed');
    expect(json.body.errors[0].path).toBe('headers.content-type');
    expect((await upload('name\nX', '', { contentType: 'text/plain' })).status).toBe(415);
    const withCharset = await upload('name\nCharset Ltd', '', { contentType: 'text/csv; charset=utf-8' });
    expect(withCharset.body.imported).toBe(1);

    const before = await count();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    big.write('name\n');
    const tooLarge = await upload(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('validation_failed');
    expect(await count()).toBe(before);
  });

  it('runs as a job with async=true and reports the result on the job', async () => {
    const res = await upload(csv(['name,city', 'Job One,Oslo', 'Job Two,Bergen']), '?async=true');
    expect(res.status).toBe(202);
    expect(res.headers['location']).toBe(`/api/v1/jobs/${res.body.jobId}`);
    await env().app.services.jobs.drain();
    const job = await env().api('GET', `/api/v1/jobs/${res.body.jobId}`);
    expect(job.body).toMatchObject({
      kind: 'contacts_import',
      status: 'succeeded',
      done: 2,
      result: { imported: 2, skipped: 0, errors: [] },
      error: null,
    });
    const found = await env().api('GET', '/api/v1/contacts?q=job%20t');
    expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['Job Two']);

    const before = await count();
    const bad = await upload(csv(['name,email', 'Fine,', 'Broken,nope']), '?async=true');
    expect(bad.status).toBe(202);
    await env().app.services.jobs.drain();
    const failed = await env().api('GET', `/api/v1/jobs/${bad.body.jobId}`);
    expect(failed.body).toMatchObject({ status: 'failed', result: null, error: { code: 'validation_failed' } });
    expect(failed.body.error.errors).toEqual([{ path: 'lines.3.email', message: 'must be an e-mail address' }]);
    expect(await count()).toBe(before);
  });

  it('replays an import sent again with the same Idempotency-Key and imports once', async () => {
    const before = await count();
    const file = csv(['name', 'Once Only']);
    const first = await upload(file, '', { headers: { 'idempotency-key': 'import-once' } });
    const again = await upload(file, '', { headers: { 'idempotency-key': 'import-once' } });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const other = await upload(csv(['name', 'Different']), '', { headers: { 'idempotency-key': 'import-once' } });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('lets users import and refuses viewers', async () => {
    const viewer = await env().tokenFor('viewer');
    const refused = await upload(csv(['name', 'By viewer']), '', { token: viewer });
    expect(refused.status).toBe(403);
    const user = await env().tokenFor('user');
    expect((await upload(csv(['name', 'By user']), '', { token: user })).body.imported).toBe(1);
    expect((await upload(csv(['name', 'X']), '?skipInvalid=yes')).status).toBe(400);
  });
});
