import { beforeAll, expect, it } from 'vitest';
import { createSavedCriteriaService } from '../../src/domain/segment/saved-criteria.service';
import type { UnitOfWork } from '../../src/domain/shared/unit-of-work';
import type { Stores } from '../../src/domain/stores';
import { createUnitOfWork } from '../../src/storage/kysely/stores';
import { describeEachDialect } from '../support/test-app';
import { seedContact } from '../support/seed-segments';

describeEachDialect('saved criteria', (env) => {
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);
  let seq = 0;

  /** A fresh segment; answers its number. */
  const segment = async () => {
    const no = `SC${++seq}`;
    expect((await api('POST', '/api/v1/segments', { body: { no, description: 'saved criteria' } })).status).toBe(201);
    return no;
  };
  const contactsOf = async (no: string) =>
    (await api('GET', `/api/v1/segments/${no}/lines?limit=500`)).body.items.map((l: { contactNo: string }) => l.contactNo);
  const historyOf = async (no: string) => (await api('GET', `/api/v1/segments/${no}/criteria`)).body.items;
  const criteria = async (no: string, path: string, body: Record<string, unknown>) => {
    const res = await api('POST', `/api/v1/segments/${no}/${path}`, { body });
    expect(res.status).toBe(200);
  };
  /** A segment built by an add, another add and a reduce, each with other filters. */
  const original = async () => {
    const no = await segment();
    await criteria(no, 'add-contacts', { contactFilter: { countryCode: 'DE', type: 'company' }, options: { expandCompanies: true } });
    await criteria(no, 'add-contacts', { contactFilter: { industryGroupCodes: ['IG2'] } });
    await criteria(no, 'reduce-contacts', { contactFilter: { mailingGroupCodes: ['MG1'] } });
    return no;
  };
  const save = (no: string, body: Record<string, unknown>, token?: string) =>
    api('POST', `/api/v1/segments/${no}/save-criteria`, { body, ...(token !== undefined && { token }) });

  beforeAll(async () => {
    const d = env().app.database.db;
    await seedContact(d, { no: 'SC-C1', name: 'SC Alpha Co', countryCode: 'DE' });
    await seedContact(d, { no: 'SC-C2', name: 'SC Beta Co', countryCode: 'SE', industryGroupCodes: ['IG2'] });
    await seedContact(d, { no: 'SC-P1', type: 'person', name: 'SC Anna', companyNo: 'SC-C1', countryCode: 'DE' });
    await seedContact(d, { no: 'SC-P2', type: 'person', name: 'SC Bert', companyNo: 'SC-C1', mailingGroupCodes: ['MG1'] });
    await seedContact(d, { no: 'SC-P3', type: 'person', name: 'SC Cleo', countryCode: 'SE', industryGroupCodes: ['IG2'] });
    await seedContact(d, { no: 'SC-P4', type: 'person', name: 'SC Dora', countryCode: 'SE', mailingGroupCodes: ['MG1'] });
  });

  it('saves the criteria history and reuses it on another segment, which gets the same contacts', async () => {
    const src = await original();
    expect(await contactsOf(src)).toEqual(['SC-C1', 'SC-P1', 'SC-C2', 'SC-P3']);

    const saved = await save(src, { code: 'de-ig2', description: 'DE companies and IG2' });
    expect(saved.status).toBe(201);
    expect(saved.headers.location).toBe('/api/v1/saved-criteria/DE-IG2');
    expect(saved.body).toEqual({
      code: 'DE-IG2',
      description: 'DE companies and IG2',
      userId: 'admin',
      createdAt: '2026-11-28T10:15:01.000Z',
      noOfActions: 3,
    });

    const shown = await api('GET', '/api/v1/saved-criteria/de-ig2');
    expect(shown.status).toBe(200);
    const srcHistory = await historyOf(src);
    expect(shown.body).toEqual({
      ...saved.body,
      actions: srcHistory.map((a: Record<string, unknown>) => ({
        actionNo: a['actionNo'],
        kind: a['kind'],
        contactFilter: a['contactFilter'],
        interactionFilter: a['interactionFilter'],
        options: a['options'],
      })),
    });
    expect(shown.body.actions.map((a: { actionNo: number; kind: string }) => [a.actionNo, a.kind])).toEqual([
      [1, 'add'],
      [2, 'add'],
      [3, 'reduce'],
    ]);

    const tgt = await segment();
    const reused = await api('POST', `/api/v1/segments/${tgt}/reuse-criteria`, { body: { code: 'de-ig2' } });
    expect([reused.status, reused.body]).toEqual([200, { applied: 3, noOfLines: 4 }]);
    expect(await contactsOf(tgt)).toEqual(await contactsOf(src));

    // every reused action is a new action of the target's history, undone one by one
    const strip = (items: Record<string, unknown>[]) => items.map(({ createdAt: _c, ...rest }) => rest);
    expect(strip(await historyOf(tgt))).toEqual(strip(srcHistory));
    expect((await api('GET', `/api/v1/segments/${tgt}`)).body.noOfCriteriaActions).toBe(3);
    expect((await api('POST', `/api/v1/segments/${tgt}/go-back`)).body).toEqual({ undoneActionNo: 3, noOfLines: 5 });
    expect(await contactsOf(tgt)).toEqual(['SC-C1', 'SC-P1', 'SC-P2', 'SC-C2', 'SC-P3']);
    expect((await historyOf(tgt)).map((a: { actionNo: number }) => a.actionNo)).toEqual([1, 2]);
  });

  it('numbers reused actions after the segment history it already has', async () => {
    const src = await original();
    expect((await save(src, { code: 'AFTER' })).body.description).toBeNull();
    const tgt = await segment();
    await criteria(tgt, 'add-contacts', { contactFilter: { q: 'dora' } });
    const reused = await api('POST', `/api/v1/segments/${tgt}/reuse-criteria`, { body: { code: 'AFTER' } });
    expect(reused.body).toEqual({ applied: 3, noOfLines: 4 });
    // the reduce takes Dora (MG1) off again
    expect(await contactsOf(tgt)).toEqual(['SC-C1', 'SC-P1', 'SC-C2', 'SC-P3']);
    expect((await historyOf(tgt)).map((a: { actionNo: number; kind: string }) => [a.actionNo, a.kind])).toEqual([
      [1, 'add'],
      [2, 'add'],
      [3, 'add'],
      [4, 'reduce'],
    ]);
  });

  it('refuses a code that exists, a segment without criteria and strange bodies', async () => {
    const src = await original();
    expect((await save(src, { code: 'TWICE' })).status).toBe(201);
    const again = await save(src, { code: 'twice' });
    expect([again.status, again.body.code, again.body.detail]).toEqual([409, 'duplicate_code', 'Saved criteria TWICE already exists.']);

    const empty = await segment();
    const none = await save(empty, { code: 'EMPTY' });
    expect([none.status, none.body.code, none.body.detail]).toEqual([
      422,
      'segment_criteria_empty',
      `Segment ${empty} has no criteria to save.`,
    ]);
    expect((await api('GET', '/api/v1/saved-criteria/EMPTY')).status).toBe(404);

    const unknownField = await save(src, { code: 'ODD', colour: 'red' });
    expect([unknownField.status, unknownField.body.errors]).toEqual([400, [{ path: 'colour', message: expect.any(String) }]]);
    const noCode = await save(src, { description: 'no code' });
    expect(noCode.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
    const long = await save(src, { code: 'X'.repeat(21) });
    expect(long.status).toBe(400);
    const reuseOdd = await api('POST', `/api/v1/segments/${src}/reuse-criteria`, { body: { code: 'TWICE', description: 'x' } });
    expect([reuseOdd.status, reuseOdd.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['description']]);
  });

  it('answers 404 for unknown segments and unknown saved criteria', async () => {
    const src = await original();
    await save(src, { code: 'KNOWN' });
    const noSegment = await save('NOPE', { code: 'OTHER' });
    expect([noSegment.status, noSegment.body.code]).toEqual([404, 'segment_not_found']);
    const reuseNoSegment = await api('POST', '/api/v1/segments/NOPE/reuse-criteria', { body: { code: 'KNOWN' } });
    expect([reuseNoSegment.status, reuseNoSegment.body.code]).toEqual([404, 'segment_not_found']);
    const reuseUnknown = await api('POST', `/api/v1/segments/${src}/reuse-criteria`, { body: { code: 'NOPE' } });
    expect([reuseUnknown.status, reuseUnknown.body.code, reuseUnknown.body.detail]).toEqual([
      404,
      'not_found',
      'Saved criteria NOPE does not exist.',
    ]);
    expect((await api('GET', '/api/v1/saved-criteria/NOPE')).body.code).toBe('not_found');
    expect((await api('DELETE', '/api/v1/saved-criteria/NOPE')).status).toBe(404);
    expect((await historyOf(src)).length).toBe(3);
  });

  it('applies all saved actions or none', async () => {
    // No refusal can happen once the segment and the code are found, so a storage failure is
    // injected: the second action's record fails after the first action added its lines.
    const src = await original();
    await save(src, { code: 'ATOMIC' });
    const tgt = await segment();
    await criteria(tgt, 'add-contacts', { contactFilter: { q: 'dora' } });
    const { db, dialect } = env().app.database;
    const uow = createUnitOfWork(db, dialect);
    let inserts = 0;
    const failing: UnitOfWork<Stores> = {
      read: (fn) => uow.read(fn),
      transaction: (fn) =>
        uow.transaction((s) => {
          const segmentCriteria = new Proxy(s.segmentCriteria, {
            get: (target, name) =>
              name === 'insertCriteriaAction'
                ? async (...args: Parameters<Stores['segmentCriteria']['insertCriteriaAction']>) => {
                    if (++inserts === 2) throw new Error('disk full');
                    return target.insertCriteriaAction(...args);
                  }
                : Reflect.get(target, name),
          });
          return fn(new Proxy(s, { get: (target, name) => (name === 'segmentCriteria' ? segmentCriteria : Reflect.get(target, name)) }));
        }),
    };
    const service = createSavedCriteriaService({ uow: failing, clock: env().clock });
    await expect(service.reuse(tgt, 'ATOMIC')).rejects.toThrow('disk full');
    expect(inserts).toBe(2);
    expect(await contactsOf(tgt)).toEqual(['SC-P4']);
    expect((await historyOf(tgt)).map((a: { actionNo: number }) => a.actionNo)).toEqual([1]);
  });

  it('lists saved criteria page by page and deletes them', async () => {
    const src = await original();
    for (const code of ['LIST-A', 'LIST-B', 'LIST-C']) expect((await save(src, { code })).status).toBe(201);
    const codes: string[] = [];
    let url = '/api/v1/saved-criteria?limit=2';
    for (;;) {
      const page = await api('GET', url);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      codes.push(...page.body.items.map((c: { code: string }) => c.code));
      if (page.body.nextCursor === null) break;
      url = `/api/v1/saved-criteria?limit=2&cursor=${page.body.nextCursor}`;
    }
    expect(codes.filter((c) => c.startsWith('LIST-'))).toEqual(['LIST-A', 'LIST-B', 'LIST-C']);
    expect([...codes].sort()).toEqual(codes);
    const first = (await api('GET', '/api/v1/saved-criteria?limit=500')).body.items.find((c: { code: string }) => c.code === 'LIST-A');
    expect(first).toMatchObject({ code: 'LIST-A', noOfActions: 3, userId: 'admin' });

    const deleted = await api('DELETE', '/api/v1/saved-criteria/list-b');
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await api('GET', '/api/v1/saved-criteria/LIST-B')).status).toBe(404);
    const left = (await api('GET', '/api/v1/saved-criteria?limit=500')).body.items.map((c: { code: string }) => c.code);
    expect(left).not.toContain('LIST-B');
    expect(left).toContain('LIST-C');
    // the segment the criteria came from keeps its history
    expect((await historyOf(src)).length).toBe(3);
  });

  it('lets viewers read saved criteria but not save, reuse or delete them', async () => {
    const src = await original();
    await save(src, { code: 'VIEW' });
    const viewer = await env().tokenFor('viewer');
    expect((await api('GET', '/api/v1/saved-criteria', { token: viewer })).status).toBe(200);
    expect((await api('GET', '/api/v1/saved-criteria/VIEW', { token: viewer })).status).toBe(200);
    const denied = [
      await save(src, { code: 'VIEW2' }, viewer),
      await api('POST', `/api/v1/segments/${src}/reuse-criteria`, { body: { code: 'VIEW' }, token: viewer }),
      await api('DELETE', '/api/v1/saved-criteria/VIEW', { token: viewer }),
    ];
    expect(denied.map((r) => [r.status, r.body.code])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    const user = await env().tokenFor('user');
    expect((await save(src, { code: 'BY-USER' }, user)).body.userId).toMatch(/^user/);
  });

  it('describes the endpoints in the OpenAPI document', async () => {
    const doc = (await api('GET', '/openapi.json', { token: null })).body;
    expect(doc.paths['/api/v1/segments/{no}/save-criteria'].post.responses).toHaveProperty('201');
    expect(doc.paths['/api/v1/segments/{no}/reuse-criteria'].post.responses).toHaveProperty('200');
    expect(Object.keys(doc.paths['/api/v1/saved-criteria/{code}']).sort()).toEqual(['delete', 'get']);
    expect(doc.paths['/api/v1/saved-criteria'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('items');
  });
});
