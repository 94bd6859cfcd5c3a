import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { seeder } from '../support/seed';
import { describeEachDialect } from '../support/test-app';

// A cursor is opaque (api.md §1.5): one whose key was edited, or that carries what no list writes,
// is refused with 400 validation_failed on every list and both dialects, never a 500.

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: unknown[]; s: string };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describeEachDialect('forged list cursors', (env) => {
  const seed = () => seeder(env().app.database.db);

  /** The first page's nextCursor of a list with at least two items. */
  async function cursorOf(url: string): Promise<string> {
    const page = await env().api('GET', `${url}${url.includes('?') ? '&' : '?'}limit=1`);
    expect(page.status, url).toBe(200);
    expect(page.body.nextCursor, url).toEqual(expect.any(String));
    return page.body.nextCursor as string;
  }

  async function lists(): Promise<string[]> {
    const s = seed();
    await s.language();
    await s.language();
    await env().api('POST', '/api/v1/users/admin/tokens', { body: { name: 'one' } });
    const { templateCode, contactNo, salespersonCode } = await s.basics();
    await s.contact();
    for (let i = 0; i < 2; i++)
      expect(
        (await env().api('POST', '/api/v1/interactions', { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode } }))
          .status,
      ).toBe(201);
    return [
      '/api/v1/languages',
      '/api/v1/users/admin/tokens',
      '/api/v1/contacts',
      '/api/v1/interaction-log-entries',
      '/api/v1/interaction-log-entries?sort=-date',
    ];
  }

  it('refuses a cursor whose key was replaced, keeping its digest', async () => {
    for (const url of await lists()) {
      const real = decode(await cursorOf(url));
      for (const k of [[{ x: 1 }], [[1, 2]], [true], ['x'.repeat(5)], [999999], [], [null, null, null]]) {
        const res = await env().api('GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${encode({ ...real, k })}`);
        expect(res.status, `${url} ${JSON.stringify(k)}`).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
      }
    }
  });

  it('refuses keys no list writes even with a digest computed for them', async () => {
    for (const url of await lists()) {
      const real = decode(await cursorOf(url));
      // whatever the digest, an object, an array, a boolean, a fraction or a NUL is no key
      for (const k of [[{ x: 1 }], [[1, 2]], [true], [1.5], ['a\u0000b'], [2 ** 60]]) {
        const s = createHash('sha256')
          .update(JSON.stringify([k, 'x']))
          .digest('base64url')
          .slice(0, 16);
        for (const forged of [
          { k, s },
          { k, s: real.s },
        ]) {
          const res = await env().api('GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${encode(forged)}`);
          expect(res.status, `${url} ${JSON.stringify(k)}`).toBe(400);
          expect(res.body.code).toBe('validation_failed');
        }
      }
    }
  });

  it('refuses cursors that are not JSON or not objects, and one of other filters', async () => {
    const url = '/api/v1/interaction-log-entries';
    await lists();
    for (const cursor of ['not-a-cursor', encode(null), encode([1, 2]), encode('text'), encode({ k: 'x', s: 1 })]) {
      const res = await env().api('GET', `${url}?cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const other = await env().api('GET', `${url}?sort=-date&cursor=${await cursorOf(url)}`);
    expect(other.status).toBe(400);
  });

  it('still pages with a cursor as written', async () => {
    await lists();
    const first = await env().api('GET', '/api/v1/languages?limit=1');
    const second = await env().api('GET', `/api/v1/languages?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].code).not.toBe(first.body.items[0].code);
  });
});
