import { createApp } from '../../src/app/create-app';
import type { Config } from '../../src/app/config';
import { createLogger } from '../../src/app/logger';
import { buildServer } from '../../src/http/build-server';

// A Rapport server in its own process, so that the load it serves and the memory it uses are
// measured apart from the process driving it. argv: database URL, salesperson of the bench user.

const [databaseUrl, salespersonCode] = process.argv.slice(2);
if (!databaseUrl || !process.send) throw new Error('usage: fork server-child.ts <database url> [salesperson]');

const config: Config = {
  databaseUrl,
  port: 0,
  host: '127.0.0.1',
  timeZone: 'UTC',
  adminPassword: 'bench-admin-password',
  logLevel: 'silent',
  smtpUrl: null,
};
const app = await createApp(config, createLogger(config));
const server = await buildServer(app);
const username = `bench${process.pid}`;
await app.services.account.createUser({ username, password: 'bench-password', role: 'user', salespersonCode: salespersonCode || null });
const { token } = await app.services.account.createToken(username, { name: 'bench' });
await server.fastify.listen({ port: 0, host: '127.0.0.1' });
const address = server.fastify.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send({ type: 'ready', port, token, maxRssKb: process.resourceUsage().maxRSS });

// Peaks of the V8 heap and of memory outside it while serving, to tell what a high RSS is made of.
const peak = { heapTotal: 0, heapUsed: 0, external: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.external = Math.max(peak.external, m.external);
}, 200);

process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  const maxRssKb = process.resourceUsage().maxRSS;
  clearInterval(sampler);
  void (async () => {
    await server.fastify.close();
    await app.close();
    process.send!({ type: 'stopped', maxRssKb, peak }, () => process.exit(0));
  })();
});
