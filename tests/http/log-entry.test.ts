import { expect, it } from 'vitest';
import { entryRow, seedComment, seedContact, seedEntry, unique } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

const url = (n: number, rest = '') => `/api/v1/interaction-log-entries/${n}${rest}`;

describeEachDialect('interaction log entries: one entry, edit and comments', (env) => {
  it('reads one entry; a missing or postponed one is entry_not_found on every entry path', async () => {
    const db = env().app.database.db;
    const company = unique('EC');
    await seedContact(db, { no: company, name: 'Entry Co' });
    const active = await seedEntry(db, { contactNo: company, contactCompanyNo: company, costCents: 1250, description: 'Quote sent' });
    const postponed = await seedEntry(db, { contactNo: company, contactCompanyNo: company, postponed: true, date: null });

    const one = await env().api('GET', url(active));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      entryNo: active,
      contactNo: company,
      contactName: 'Entry Co',
      costLcy: 12.5,
      description: 'Quote sent',
      hasComments: false,
    });

    for (const n of [postponed, 987654]) {
      const attempts = [
        () => env().api('GET', url(n)),
        () => env().api('PATCH', url(n), { body: { evaluation: 'positive' } }),
        () => env().api('GET', url(n, '/comments')),
        () => env().api('POST', url(n, '/comments'), { body: { comment: 'x' } }),
        () => env().api('PATCH', url(n, '/comments/10000'), { body: { comment: 'x' } }),
        () => env().api('DELETE', url(n, '/comments/10000')),
      ];
      for (const attempt of attempts) {
        const res = await attempt();
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('entry_not_found');
        expect(res.body.detail).toBe(`Entry ${n} does not exist.`);
      }
    }
    expect((await entryRow(db, postponed))?.evaluation).toBeNull();
    const bad = await env().api('GET', '/api/v1/interaction-log-entries/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('params.entryNo');
  });

  it('patches description, evaluation, attemptFailed, cost and duration, canceled entries included', async () => {
    const db = env().app.database.db;
    const company = unique('PC');
    await seedContact(db, { no: company, name: 'Patch Co' });
    const n = await seedEntry(db, {
      contactNo: company,
      contactCompanyNo: company,
      canceled: true,
      description: 'Old words',
      subject: 'Subject line',
      evaluation: 'neutral',
    });

    const res = await env().api('PATCH', url(n), {
      body: { description: 'Fresh words', evaluation: 'very_positive', attemptFailed: true, costLcy: 0.5, durationMin: 15 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entryNo: n,
      description: 'Fresh words',
      subject: 'Subject line',
      evaluation: 'very_positive',
      attemptFailed: true,
      costLcy: 0.5,
      durationMin: 15,
      canceled: true,
    });
    expect(await entryRow(db, n)).toMatchObject({ cost_cents: 50, duration_min: 15, attempt_failed: 1 });

    const cleared = await env().api('PATCH', url(n), { body: { evaluation: null } });
    expect(cleared.body.evaluation).toBeNull();
    expect(cleared.body.description).toBe('Fresh words');
    const unchanged = await env().api('PATCH', url(n), { body: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(cleared.body);

    // the search follows the new description
    const found = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${company}&q=fresh`);
    expect(found.body.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([n]);
    const old = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${company}&q=old%20words`);
    expect(old.body.items).toEqual([]);
  });

  it('refuses a blank description, other fields and invalid values, changing nothing', async () => {
    const db = env().app.database.db;
    const n = await seedEntry(db, { description: 'Keep me', costCents: 100 });
    const cases: [unknown, string, string][] = [
      [{ description: null }, 'description', 'must not be null'],
      [{ description: '   ' }, 'description', 'is required'],
      [{ description: 'x'.repeat(101) }, 'description', 'must have at most 100 characters'],
      [{ costLcy: 1.234 }, 'costLcy', 'must have at most 2 decimals'],
      [{ costLcy: -1 }, 'costLcy', 'must not be negative'],
      [{ durationMin: 1.5 }, 'durationMin', ''],
      [{ attemptFailed: null }, 'attemptFailed', 'must not be null'],
      [{ subject: 'New subject' }, 'subject', 'unknown field'],
      [{ entryNo: 5 }, 'entryNo', 'unknown field'],
      [{ canceled: false }, 'canceled', 'unknown field'],
      [{ contactNo: 'CT000001' }, 'contactNo', 'unknown field'],
    ];
    for (const [body, path, message] of cases) {
      const res = await env().api('PATCH', url(n), { body: { ...(body as object), evaluation: 'positive' } });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors).toContainEqual({ path, message: message || expect.any(String) });
    }
    expect(await entryRow(db, n)).toMatchObject({ description: 'Keep me', cost_cents: 100, evaluation: null });
  });

  it('lets only users and admins edit', async () => {
    const n = await seedEntry(env().app.database.db);
    const viewer = await env().tokenFor('viewer');
    const res = await env().api('PATCH', url(n), { token: viewer, body: { evaluation: 'positive' } });
    expect(res.status).toBe(403);
    expect((await env().api('POST', url(n, '/comments'), { token: viewer, body: { comment: 'x' } })).status).toBe(403);
    const user = await env().tokenFor('user');
    expect((await env().api('PATCH', url(n), { token: user, body: { evaluation: 'positive' } })).status).toBe(200);
    expect((await env().api('GET', url(n, '/comments'), { token: viewer })).status).toBe(200);
  });

  it('adds comment lines numbered last + 10000, dated today unless given, and keeps hasComments in step', async () => {
    const db = env().app.database.db;
    const n = await seedEntry(db, { canceled: true });
    env().clock.set('2026-12-03T08:00:00.000Z');
    const first = await env().api('POST', url(n, '/comments'), { body: { comment: 'Wants a demo' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ lineNo: 10000, date: '2026-12-03', comment: 'Wants a demo' });
    expect((await env().api('GET', url(n))).body.hasComments).toBe(true);
    const second = await env().api('POST', url(n, '/comments'), { body: { comment: 'Call back', date: '2026-12-24' } });
    expect(second.body).toEqual({ lineNo: 20000, date: '2026-12-24', comment: 'Call back' });

    // after deleting the first line, a new one still follows the last
    expect((await env().api('DELETE', url(n, '/comments/10000'))).status).toBe(204);
    const third = await env().api('POST', url(n, '/comments'), { body: { comment: 'Third' } });
    expect(third.body.lineNo).toBe(30000);

    const list = await env().api('GET', url(n, '/comments'));
    expect(list.body).toEqual({
      items: [
        { lineNo: 20000, date: '2026-12-24', comment: 'Call back' },
        { lineNo: 30000, date: '2026-12-03', comment: 'Third' },
      ],
      nextCursor: null,
    });
    const paged = await env().api('GET', url(n, '/comments?limit=1'));
    expect(paged.body.items).toHaveLength(1);
    const rest = await env().api('GET', url(n, `/comments?limit=1&cursor=${paged.body.nextCursor}`));
    expect(rest.body.items[0].lineNo).toBe(30000);

    const patched = await env().api('PATCH', url(n, '/comments/20000'), { body: { comment: 'Call back in January', date: '2027-01-05' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ lineNo: 20000, date: '2027-01-05', comment: 'Call back in January' });

    await env().api('DELETE', url(n, '/comments/20000'));
    expect((await env().api('GET', url(n))).body.hasComments).toBe(true);
    await env().api('DELETE', url(n, '/comments/30000'));
    expect((await env().api('GET', url(n))).body.hasComments).toBe(false);
    expect((await entryRow(db, n))?.has_comments).toBe(0);
    env().clock.set('2026-11-28T10:15:01.000Z');
  });

  it('answers not_found for a line the entry does not have and validates comments', async () => {
    const db = env().app.database.db;
    const n = await seedEntry(db);
    const other = await seedEntry(db);
    await seedComment(db, other, 10000, 'Belongs to the other entry');
    for (const res of [
      await env().api('PATCH', url(n, '/comments/10000'), { body: { comment: 'x' } }),
      await env().api('DELETE', url(n, '/comments/10000')),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const cases: [unknown, string][] = [
      [{}, 'comment'],
      [{ comment: '' }, 'comment'],
      [{ comment: 'x'.repeat(81) }, 'comment'],
      [{ comment: 'ok', date: '2026-13-01' }, 'date'],
      [{ comment: 'ok', lineNo: 5 }, 'lineNo'],
    ];
    for (const [body, path] of cases) {
      const res = await env().api('POST', url(n, '/comments'), { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const ok = await env().api('POST', url(n, '/comments'), { body: { comment: 'x'.repeat(80) } });
    expect(ok.status).toBe(201);
    const blank = await env().api('PATCH', url(n, '/comments/10000'), { body: { comment: ' ' } });
    expect(blank.status).toBe(400);
    expect((await env().api('GET', url(other, '/comments'))).body.items).toEqual([
      { lineNo: 10000, date: '2026-11-28', comment: 'Belongs to the other entry' },
    ]);
  });
});
