import Fastify from 'fastify';
import { closeRaw, openRaw } from './lib/databases';
import { FILTER, listSql } from './lib/list-query';

// The floor of the list scenario under concurrency: a bare Fastify server, in a process of its
// own as Rapport's is, with one route that runs the list's first-page SQL through the raw driver
// (a better-sqlite3 statement prepared once, a named pg statement) and answers the rows as JSON,
// without authentication, validation or mapping. argv: database URL.

const [databaseUrl] = process.argv.slice(2);
if (!databaseUrl || !process.send) throw new Error('usage: fork bare-list-server.ts <database url>');

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
