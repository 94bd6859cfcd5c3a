import { expect, it } from 'vitest';
import type { Config } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { buildServer } from '../../src/http/build-server';
import { createInteractionBody } from '../../src/contract/interaction';
import { fingerprintOf, idempotently } from '../../src/edge/idempotency';
import { runCli } from '../support/cli';
import { seeder, unique } from '../support/seed';
import { ADMIN_PASSWORD, describeEachDialect, freshDatabase, testClock } from '../support/test-app';

describeEachDialect('idempotent logging', (env, dialect) => {
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
  const post = (url: string, body: object, key: string, token?: string) =>
    env().api('POST', url, { body, headers: { 'idempotency-key': key }, ...(token && { token }) });

  it('replays the stored response of POST /interactions and creates no second entry', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('key-');
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode, comments: ['once'] };
    const first = await post('/api/v1/interactions', body, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await count();
    // the same request with keys in another order is the same request
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post('/api/v1/interactions', reordered, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['location']).toBe(first.headers['location']);
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before);
    const comments = await db().selectFrom('entry_comments').select('line_no').where('entry_no', '=', first.body.entryNo).execute();
    expect(comments).toHaveLength(1);
  });

  it('refuses the same key with a different request', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('key-');
    expect((await post('/api/v1/interactions', { contactNo, interactionTemplateCode: templateCode, salespersonCode }, key)).status).toBe(
      201,
    );
    const before = await count();
    const other = await post(
      '/api/v1/interactions',
      { contactNo, interactionTemplateCode: templateCode, salespersonCode, description: 'Other' },
      key,
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(other.body.detail).toBe(`Idempotency key ${key} was already used with a different request.`);
    const otherPath = await post('/api/v1/interactions/phone-call', { contactNo }, key);
    expect(otherPath.body.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before);
  });

  it('does not store a failed request: the same key may be retried', async () => {
    const s = seed();
    const templateCode = await s.template();
    const salespersonCode = await s.salesperson();
    const contactNo = unique('LATER');
    const key = unique('key-');
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    const failed = await post('/api/v1/interactions', body, key);
    expect(failed.status).toBe(404);
    expect(failed.body.code).toBe('contact_not_found');
    await s.contact({ no: contactNo });
    const retried = await post('/api/v1/interactions', body, key);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.contactNo).toBe(contactNo);
  });

  it('answers concurrent requests with one key with one entry', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('key-');
    const before = await count();
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('/api/v1/interactions', body, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.entryNo)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await count()).toBe(before + 1);
  });

  it('keeps keys per user: another user with the same key logs anew', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('key-');
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    const mine = await post('/api/v1/interactions', body, key);
    const theirs = await post('/api/v1/interactions', body, key, await env().tokenFor('user'));
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.entryNo).not.toBe(mine.body.entryNo);
  });

  it('replays phone calls and document events', async () => {
    const s = seed();
    const call = await s.template({ description: 'Call' });
    await s.slot('outgoingCalls', call);
    const invoice = await s.template({ description: 'Invoice' });
    await s.slot('salesInvoices', invoice);
    const sp = await s.salesperson();
    const contactNo = await s.contact({ phoneNo: '+46 8 1', salespersonCode: sp });
    const before = await count();
    const callKey = unique('call-');
    const firstCall = await post('/api/v1/interactions/phone-call', { contactNo }, callKey);
    const againCall = await post('/api/v1/interactions/phone-call', { contactNo }, callKey);
    expect(firstCall.status).toBe(201);
    expect(againCall.headers['idempotent-replayed']).toBe('true');
    expect(againCall.body).toEqual(firstCall.body);
    const docKey = unique('doc-');
    const doc = { documentType: 'sales_invoice', documentNo: 'SI-77', contactNo };
    const firstDoc = await post('/api/v1/document-events', doc, docKey);
    const againDoc = await post('/api/v1/document-events', doc, docKey);
    expect(firstDoc.status).toBe(201);
    expect(againDoc.status).toBe(201);
    expect(againDoc.headers['idempotent-replayed']).toBe('true');
    expect(againDoc.body).toEqual(firstDoc.body);
    expect(await count()).toBe(before + 2);
  });

  it('keeps keys in the database: a replay survives a restart', async () => {
    const database = await freshDatabase(dialect);
    const config: Config = {
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      timeZone: 'UTC',
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      smtpUrl: null,
    };
    const start = async () => {
      const app = await createApp(config, createLogger(config), { clock: testClock() });
      const server = await buildServer(app);
      const { token } = await app.services.account.createToken('admin', {});
      const send = async (body: object) => {
        const res = await server.fastify.inject({
          method: 'POST',
          url: '/api/v1/interactions',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'survives-restart' },
          payload: JSON.stringify(body),
        });
        return { status: res.statusCode, replayed: res.headers['idempotent-replayed'], body: JSON.parse(res.body) as { entryNo: number } };
      };
      const stop = async () => {
        await server.fastify.close();
        await app.close();
      };
      return { app, send, stop };
    };
    try {
      const first = await start();
      const { templateCode, contactNo, salespersonCode } = await seeder(first.app.database.db).basics();
      const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
      const original = await first.send(body);
      expect(original.status).toBe(201);
      await first.stop();

      const second = await start();
      const replay = await second.send(body);
      expect(replay.status).toBe(201);
      expect(replay.replayed).toBe('true');
      expect(replay.body).toEqual(original.body);
      const n = await second.app.database.db
        .selectFrom('interaction_log_entries')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(1);
      await second.stop();
    } finally {
      await database.drop();
    }
  });

  it('replays over HTTP a key used by the CLI for the same request, and over the CLI a key used over HTTP', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const databaseUrl = env().app.config.databaseUrl;
    const before = await count();
    const cli = (key: string, ...extra: string[]) =>
      runCli(
        [
          'log',
          '--contact',
          contactNo,
          '--template',
          templateCode,
          '--salesperson',
          salespersonCode,
          '--comment',
          'both',
          ...extra,
          '--idempotency-key',
          key,
          '--json',
        ],
        {
          databaseUrl,
        },
      );
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode, comments: ['both'] };

    const httpKey = unique('http-');
    const overHttp = await post('/api/v1/interactions', body, httpKey);
    expect(overHttp.status).toBe(201);
    const replayedByCli = await cli(httpKey);
    expect(replayedByCli.code).toBe(0);
    expect(JSON.parse(replayedByCli.stdout)).toEqual(overHttp.body);

    const cliKey = unique('cli-');
    const overCli = await cli(cliKey);
    expect(overCli.code).toBe(0);
    const replayedByHttp = await post('/api/v1/interactions', body, cliKey);
    expect(replayedByHttp.status).toBe(201);
    expect(replayedByHttp.headers['idempotent-replayed']).toBe('true');
    expect(replayedByHttp.headers['location']).toBe(`/api/v1/interaction-log-entries/${replayedByHttp.body.entryNo}`);
    expect(replayedByHttp.body).toEqual(JSON.parse(overCli.stdout));
    expect(await count()).toBe(before + 2);

    // another request with the key is still refused, across the transports
    const other = await cli(httpKey, '--description', 'Other');
    expect(other.code).toBe(3);
    expect(JSON.parse(other.stdout).code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before + 2);
  }, 60_000);

  it('gives a CLI command and its HTTP request one fingerprint: path codes upper-cased, body as validated', () => {
    const a = fingerprintOf({ method: 'POST', path: '/api/v1/segments/sg001/log', body: { sendAttachments: true } });
    const b = fingerprintOf({
      method: 'post',
      path: '/api/v1/segments/SG001/log',
      query: '',
      body: { sendAttachments: true, createFollowUpSegment: undefined },
    });
    expect(a).toBe(b);
    expect(fingerprintOf({ method: 'POST', path: '/api/v1/segments/SG001/log', body: {} })).not.toBe(a);
    expect(
      fingerprintOf({ method: 'POST', path: '/api/v1/segments/SG001/log', query: 'async=true', body: { sendAttachments: true } }),
    ).not.toBe(a);
  });

  const claimOf = (username: string, key: string, fingerprint: string) => ({ username, key, fingerprint });
  const answerOf = (n: number) => ({ status: 201, headers: { Location: `/x/${n}` }, body: JSON.stringify({ n }) });

  it('lets a request with the key wait and replay, refuse another fingerprint at once, or give up with 409 in progress', async () => {
    const service = env().app.services.idempotency;
    const key = unique('wait-');
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let runs = 0;
    const first = idempotently(service, claimOf('admin', key, 'fp-1'), async () => {
      runs++;
      await gate;
      return answerOf(1);
    });
    await new Promise((r) => setTimeout(r, 50));
    // another fingerprint while the first runs: refused without waiting
    await expect(idempotently(service, claimOf('admin', key, 'fp-2'), async () => answerOf(2))).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    // the same one that waits too long: 409 idempotency_request_in_progress, and it did not run
    await expect(idempotently(service, claimOf('admin', key, 'fp-1'), async () => answerOf(3), { waitMs: 100 })).rejects.toMatchObject({
      code: 'idempotency_request_in_progress',
    });
    const waiting = idempotently(service, claimOf('admin', key, 'fp-1'), async () => answerOf(4));
    open();
    expect(await first).toEqual({ answer: answerOf(1), replayed: false });
    expect(await waiting).toEqual({ answer: answerOf(1), replayed: true });
    expect(runs).toBe(1);
  });

  it('runs a waiting request afresh when the first one fails', async () => {
    const service = env().app.services.idempotency;
    const key = unique('fail-');
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = idempotently(service, claimOf('admin', key, 'fp'), async () => {
      await gate;
      throw new Error('boom');
    });
    await new Promise((r) => setTimeout(r, 50));
    const waiting = idempotently(service, claimOf('admin', key, 'fp'), async () => answerOf(2));
    open();
    await expect(first).rejects.toThrow('boom');
    expect(await waiting).toEqual({ answer: answerOf(2), replayed: false });
    // a non-2xx answer is not kept either
    const key2 = unique('fail-');
    await idempotently(service, claimOf('admin', key2, 'fp'), async () => ({ status: 404, headers: {}, body: null }));
    expect(await idempotently(service, claimOf('admin', key2, 'fp'), async () => answerOf(3))).toEqual({
      answer: answerOf(3),
      replayed: false,
    });
  });

  it('takes over the claim of a request whose process died, after ten minutes', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('dead-');
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    // a claim left behind by a process that died mid-request
    await db()
      .insertInto('idempotency_keys')
      .values({
        username: 'admin',
        key,
        fingerprint: 'whatever',
        status: 0,
        headers: null,
        body: null,
        state: 'in_progress',
        claim: 'dead-process',
        created_at: new Date(env().clock.now().getTime() - 11 * 60_000).toISOString(),
      })
      .execute();
    const before = await count();
    const res = await post('/api/v1/interactions', body, key);
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await count()).toBe(before + 1);
    expect((await post('/api/v1/interactions', body, key)).headers['idempotent-replayed']).toBe('true');
  });

  it('answers 409 idempotency_request_in_progress over HTTP when the request holding the key does not finish in time', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const key = unique('held-');
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    // the same request, claimed a moment ago by a process that is still running it
    await db()
      .insertInto('idempotency_keys')
      .values({
        username: 'admin',
        key,
        fingerprint: fingerprintOf({ method: 'POST', path: '/api/v1/interactions', body: createInteractionBody.parse(body) }),
        status: 0,
        headers: null,
        body: null,
        state: 'in_progress',
        claim: 'still-running',
        created_at: env().clock.now().toISOString(),
      })
      .execute();
    const before = await count();
    const res = await post('/api/v1/interactions', body, key);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('idempotency_request_in_progress');
    expect(await count()).toBe(before);
  }, 30_000);
});
