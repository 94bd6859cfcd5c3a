import Fastify from 'fastify';
import { closeRaw, openRaw } from './lib/databases';
import { FILTER, listSql } from './lib/list-query';
import { rawLogger } from './scenarios/post-interactions';

// What HTTP alone costs: a bare Fastify server, in a process of its own as Rapport's is, whose
// routes do the raw driver's work of a scenario and answer the rows as JSON, without
// authentication, validation or mapping. GET /api/v1/interaction-log-entries runs the list's
// first-page SQL (a better-sqlite3 statement prepared once, a named pg statement); POST
// /api/v1/interactions does the post-interactions scenario's raw work. argv: database URL.

const [databaseUrl] = process.argv.slice(2);
if (!databaseUrl || !process.send) throw new Error('usage: fork bare-fastify-server.ts <database url>');

const raw = openRaw(databaseUrl);
const page: (salespersonCode: string, dateFrom: string) => Promise<unknown[]> =
  raw.dialect === 'sqlite'
    ? (() => {
        const statement = raw.db.prepare(listSql(() => '?', false));
        return async (salespersonCode, dateFrom) => statement.all(salespersonCode, dateFrom);
      })()
    : async (salespersonCode, dateFrom) =>
        (await raw.pool.query({ name: 'bench-list-first-page', text: listSql((n) => `$${n}`, false), values: [salespersonCode, dateFrom] }))
          .rows;

const fastify = Fastify({ logger: false });
fastify.get('/api/v1/interaction-log-entries', async (req) => {
  const q = req.query as { salespersonCode?: string; dateFrom?: string };
  const rows = await page(q.salespersonCode ?? FILTER.salespersonCode, q.dateFrom ?? FILTER.dateFrom);
  const items = rows.slice(0, 50);
  return { items, nextCursor: rows.length > 50 ? String((items[49] as { entry_no: number }).entry_no) : null };
});
const log = rawLogger(raw);
fastify.post('/api/v1/interactions', async (req, reply) => {
  const entry = await log((req.body as { contactNo: string }).contactNo);
  return reply.code(201).send(entry);
});
await fastify.listen({ port: 0, host: '127.0.0.1' });
const address = fastify.server.address();
process.send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });

process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await fastify.close();
    await closeRaw(raw);
    process.send!({ type: 'stopped' }, () => process.exit(0));
  })();
});
